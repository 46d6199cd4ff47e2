import { z } from 'zod'
import { method } from './define'
import { id, isoDate } from './fields'
import type { ExportFile } from './monitor'
import { isValidBsn, normalizeBsn } from '../format/person'

/** The three retention periods, in whole months. */
export interface RetentionPeriods {
  /** Signals not followed up (and cases closed as "niet opgepakt"), from the day they came in. */
  nietDoorgezet: number
  /** Cases closed without help, from the day they were closed. */
  zonderHulp: number
  /** Cases closed with help accepted, from the day they were closed. */
  metHulp: number
}

export type RetentionKind = keyof RetentionPeriods

/** Rows deleted (or that would be deleted) per kind of data. */
export interface PurgeCounts {
  signalen: number
  zaken: number
  bewoners: number
  huishoudens: number
  contactpogingen: number
  notities: number
  huisbezoeken: number
  /** Appointments with residents (issue 21). */
  afspraken: number
  inloopbezoeken: number
  documenten: number
  importregels: number
}

export interface PurgePlan {
  /** Per kind: its period, the cut-off date (data from before this date has expired) and counts. */
  termijnen: { soort: RetentionKind; maanden: number; grens: string; zaken: number; signalen: number }[]
  aantallen: PurgeCounts
  totaal: number
}

export interface RetentionRunView {
  id: number
  op: string
  soort: 'automatisch' | 'handmatig'
  door: string | null
  termijnen: { soort: RetentionKind; maanden: number; grens: string }[]
  aantallen: PurgeCounts
  totaal: number
}

export interface RetentionView {
  periods: RetentionPeriods
  runs: RetentionRunView[]
}

export interface PersonMatch {
  residentId: number
  naam: string
  geboortedatum: string | null
  bsn: string | null
  adres: string
  zaken: { id: number; caseNumber: string; open: boolean }[]
  signalen: number
}

export interface PersonExport {
  json: ExportFile
  tekst: ExportFile
  /** Rows per table in the export. */
  aantallen: Record<string, number>
}

export interface PersonDeleteResult {
  aantallen: PurgeCounts
  totaal: number
  /** Cases kept because a housemate's signals are in them too (only this person's part removed). */
  gedeeldeZaken: string[]
}

const months = (label: string) =>
  z
    .number({ error: `${label}: vul een aantal maanden in.` })
    .int(`${label}: alleen hele maanden.`)
    .min(1, `${label}: minstens 1 maand.`)
    .max(120, `${label}: hoogstens 120 maanden (10 jaar).`)

export const retentionPeriodsInput = z
  .object({
    nietDoorgezet: months('Niet doorgezette signalen'),
    zonderHulp: months('Afgesloten zonder hulp'),
    metHulp: months('Afgesloten met hulp'),
  })
  .strict()

/** Find a person: surname and birth date, or BSN. */
export const findPersonInput = z.union([
  z
    .object({
      achternaam: z
        .string({ error: 'Achternaam ontbreekt.' })
        .trim()
        .min(2, 'Vul de achternaam in (minstens 2 letters).')
        .max(100, 'Achternaam is te lang.'),
      geboortedatum: isoDate('Geboortedatum'),
    })
    .strict(),
  z
    .object({
      bsn: z
        .string({ error: 'BSN ontbreekt.' })
        .trim()
        .refine(isValidBsn, 'Dit BSN klopt niet (de elfproef faalt). Controleer de cijfers.')
        .transform(normalizeBsn),
    })
    .strict(),
])

export const personIdsInput = z
  .object({
    residentIds: z
      .array(id)
      .min(1, 'Kies minstens één gevonden persoon.')
      .max(50, 'Kies hoogstens 50 registraties tegelijk.'),
  })
  .strict()

export const retentionContract = {
  /** The periods and the history of purges; beheerder. */
  'retention.get': method<RetentionView>()(z.object({}).strict()),
  'retention.save': method<RetentionView>()(retentionPeriodsInput),
  /** What a purge would delete now, without deleting. */
  'retention.preview': method<PurgePlan>()(z.object({}).strict()),
  /** Deletes what has expired, in one transaction, and stores the report. */
  'retention.purge': method<RetentionRunView>()(z.object({}).strict()),
  /** A resident's request: find, export everything, delete what the law allows. */
  'retention.findPerson': method<PersonMatch[]>()(findPersonInput),
  'retention.exportPerson': method<PersonExport>()(personIdsInput),
  'retention.deletePerson': method<PersonDeleteResult>()(personIdsInput),
}
