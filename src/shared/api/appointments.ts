import { z } from 'zod'
import { method } from './define'
import type { Kanaal, LadderResult } from './ladder'
import type { ExportFile } from './monitor'
import type { QueueItemView } from './documents'
import type { WordCheckIssue } from './documents-text'
import { caseVersion, id, isoDate, optionalText, postcode, requiredText, time } from './fields'

/**
 * Appointments with residents (issue 21): the meeting places per wijk, the appointment itself,
 * its confirmation and reminder, the consulent's agenda and its .ics files, and how it went.
 */

/** Where a conversation takes place. The wijk places are kept by the kwaliteitsmedewerker. */
export const PLEK_SOORTEN = ['stadskantoor', 'wijk', 'thuis', 'telefonisch', 'beeldbellen'] as const
export type PlekSoort = (typeof PLEK_SOORTEN)[number]

export const PLEK_SOORT_LABELS: Record<PlekSoort, string> = {
  stadskantoor: 'Stadskantoor',
  wijk: 'In de wijk',
  thuis: 'Bij de bewoner thuis',
  telefonisch: 'Telefonisch',
  beeldbellen: 'Beeldbellen',
}

/**
 * The channel (and so the DDAS v1.2 kind) of a conversation at each kind of place: at home a
 * Huisbezoek; at the stadskantoor or a wijk place an Afspraak op locatie; by phone Telefoon; a
 * video call Overige (v1.2 has no kind for it).
 */
export const PLEK_KANAAL: Record<PlekSoort, Kanaal> = {
  stadskantoor: 'afspraak',
  wijk: 'afspraak',
  thuis: 'huisbezoek',
  telefonisch: 'telefoon',
  beeldbellen: 'beeldbellen',
}

/** Days of the week as ISO numbers: 1 = Monday ... 7 = Sunday. */
export const WEEKDAGEN = [1, 2, 3, 4, 5, 6, 7] as const
export const WEEKDAG_KORT: Record<number, string> = {
  1: 'ma',
  2: 'di',
  3: 'wo',
  4: 'do',
  5: 'vr',
  6: 'za',
  7: 'zo',
}

export interface PlaceView {
  id: number
  soort: PlekSoort
  naam: string
  /** Wijk places only. */
  wijkId: number | null
  wijkNaam: string | null
  /** Street and number; for the stadskantoor the team's visiting address, at home and by phone empty. */
  adres: string
  postcode: string
  plaats: string
  /** When the place can be used: ISO weekdays and a time window. */
  dagen: number[]
  van: string
  tot: string
  toegankelijk: boolean
  toelichting: string
  actief: boolean
  /** The stadskantoor, at home, by phone and video call: always there, not removable. */
  vast: boolean
}

export const AFSPRAAK_STATUSSEN = ['gepland', 'geweest', 'niet_gekomen', 'verzet', 'vervallen'] as const
export type AfspraakStatus = (typeof AFSPRAAK_STATUSSEN)[number]
export const AFSPRAAK_STATUS_LABELS: Record<AfspraakStatus, string> = {
  gepland: 'Gepland',
  geweest: 'Geweest',
  niet_gekomen: 'Niet gekomen',
  verzet: 'Verzet',
  vervallen: 'Vervallen',
}

export interface AppointmentView {
  id: number
  caseId: number
  caseNumber: string
  naam: string
  datum: string
  tijd: string
  /** The end: tijd + duur. */
  tot: string
  duur: number
  plek: { id: number; soort: PlekSoort; naam: string; adres: string; toegankelijk: boolean }
  consulent: { id: number; naam: string } | null
  /** The colleague or chain-partner contact who joins, in words. */
  met: string | null
  collegaId: number | null
  partnerId: number | null
  status: AfspraakStatus
  /** 'nodig': to be sent on the working day before; 'niet_nodig': made too late for one. */
  herinnering: 'nodig' | 'niet_nodig' | 'verstuurd'
  /** The working day before: when Vandaag asks for the reminder. */
  herinneringDag: string
  /** Its outcome can be recorded: it has started. */
  uitkomstMogelijk: boolean
  /** A rescheduled appointment: the new one. */
  verzetNaar: { id: number; datum: string; tijd: string } | null
  notitie: string
  uitkomstNotitie: string
}

export interface AppointmentResult extends LadderResult {
  afspraak: AppointmentView
}

// ReminderTask lives in ladder.ts (Vandaag's answer carries it); re-exported here for the screens.
export type { ReminderTask } from './ladder'

/** One entry of the consulent's agenda: an appointment or a home visit. */
export interface AgendaItem {
  soort: 'afspraak' | 'huisbezoek'
  id: number
  caseId: number
  caseNumber: string
  naam: string
  datum: string
  tijd: string
  tot: string
  /** Where: the place's name, or the resident's street for a home visit. */
  waar: string
  plekSoort: PlekSoort | null
  /** Who else comes, or whose agenda it also is. */
  met: string | null
  status: string
  statusLabel: string
  /** Whose work it is in this agenda: her own, or a colleague's she joins. */
  rol: 'eigen' | 'mee'
}

export interface AgendaView {
  consulent: { id: number; naam: string }
  van: string
  tot: string
  items: AgendaItem[]
}

export interface ConfirmationTexts {
  whatsapp: string
  sms: string
  mailOnderwerp: string
  mail: string
  /** The reminder for the working day before. */
  herinnering: string
  /** The team's word check on these texts: empty when nothing is flagged. */
  woordcheck: WordCheckIssue[]
}

export const DUUR_MINUTEN = { min: 10, max: 180 } as const

const dagen = z
  .array(z.number().int().min(1).max(7), { error: 'Kies de dagen.' })
  .min(1, 'Kies minstens één dag.')
  .max(7)
  .transform((d) => [...new Set(d)].sort())

export const placeInput = z
  .object({
    id: id.optional(),
    /** New places are wijk places; a built-in place keeps its kind and name. */
    wijkId: id.nullable().default(null),
    naam: requiredText('Naam van de plek', 100),
    adres: optionalText('Adres', 150),
    postcode: z.union([postcode, z.literal('')]).default(''),
    plaats: optionalText('Plaats', 80),
    dagen,
    van: time('Te gebruiken vanaf'),
    tot: time('Te gebruiken tot'),
    toegankelijk: z.boolean({ error: 'Kies of de plek toegankelijk is.' }),
    toelichting: optionalText('Toelichting', 300),
    actief: z.boolean().default(true),
  })
  .strict()
  .refine((p) => p.van < p.tot, { message: 'De eindtijd moet na de begintijd liggen.', path: ['tot'] })

const with2 = {
  collegaId: id.nullable().default(null),
  partnerId: id.nullable().default(null),
}
const oneOf = { message: 'Kies een collega óf een ketenpartner.', path: ['partnerId'] }

const slot = {
  datum: isoDate('Datum van de afspraak'),
  tijd: time('Tijd'),
  duur: z
    .number({ error: 'Vul de duur in minuten in.' })
    .int('Vul hele minuten in.')
    .min(DUUR_MINUTEN.min, `Minstens ${DUUR_MINUTEN.min} minuten.`)
    .max(DUUR_MINUTEN.max, `Hoogstens ${DUUR_MINUTEN.max} minuten.`),
  plekId: id,
  ...with2,
  notitie: optionalText('De notitie', 1000),
}

export const makeAppointmentInput = z
  .object({ caseId: id, versie: caseVersion, ...slot })
  .strict()
  .refine((v) => v.collegaId === null || v.partnerId === null, oneOf)

export const rescheduleInput = z
  .object({ afspraakId: id, ...slot })
  .strict()
  .refine((v) => v.collegaId === null || v.partnerId === null, oneOf)

export const outcomeInput = z
  .object({
    afspraakId: id,
    uitkomst: z.enum(['geweest', 'niet_gekomen'], { error: 'Kies hoe de afspraak ging.' }),
    notitie: optionalText('De notitie', 2000),
  })
  .strict()

/** Monday of the week of `iso` (ISO week, Monday first). */
export function mondayOf(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`)
  const back = (d.getUTCDay() + 6) % 7
  d.setUTCDate(d.getUTCDate() - back)
  return d.toISOString().slice(0, 10)
}

/** "14:30" + 45 minutes. */
export function endTime(hhmm: string, minutes: number): string {
  const total = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

export const appointmentsContract = {
  'appointments.places': method<PlaceView[]>()(z.object({}).strict()),
  'appointments.savePlace': method<PlaceView[]>()(placeInput),
  'appointments.make': method<AppointmentResult>()(makeAppointmentInput),
  'appointments.reschedule': method<AppointmentResult>()(rescheduleInput),
  'appointments.outcome': method<AppointmentResult>()(outcomeInput),
  'appointments.forCase': method<AppointmentView[]>()(z.object({ caseId: id }).strict()),
  'appointments.texts': method<ConfirmationTexts>()(z.object({ afspraakId: id }).strict()),
  'appointments.reminderSent': method<AppointmentView>()(z.object({ afspraakId: id }).strict()),
  'appointments.queueLetter': method<QueueItemView>()(z.object({ afspraakId: id }).strict()),
  /** A day or a week (from its Monday) of one consulent's appointments and home visits. */
  'appointments.agenda': method<AgendaView>()(
    z
      .object({
        consulentId: id.optional(),
        datum: isoDate('Datum'),
        weergave: z.enum(['dag', 'week'], { error: 'Kies dag of week.' }),
      })
      .strict(),
  ),
  'appointments.ics': method<ExportFile>()(z.object({ afspraakId: id }).strict()),
  'appointments.icsWeek': method<ExportFile>()(
    z.object({ consulentId: id.optional(), datum: isoDate('Datum') }).strict(),
  ),
}
