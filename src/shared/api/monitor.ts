import { z } from 'zod'
import { method } from './define'
import { isoDate, optionalText, requiredText } from './fields'
import { isValidPhone } from '../format/person'

/** A period of days, both ends included. Dates as dd-mm-jjjj or ISO; main receives ISO. */
export const monitorPeriod = z
  .object({
    van: isoDate('Begindatum'),
    tot: isoDate('Einddatum'),
  })
  .refine((p) => p.van <= p.tot, { message: 'De einddatum ligt vóór de begindatum.', path: ['tot'] })
  .refine((p) => Number(p.tot.slice(0, 4)) - Number(p.van.slice(0, 4)) <= 10, {
    message: 'Kies een periode van hoogstens tien jaar.',
    path: ['van'],
  })

/** One figure: part of a whole, with the national figure to compare with where there is one. */
export interface Ratio {
  teller: number
  noemer: number
  /** teller / noemer * 100, or null when noemer is 0. */
  pct: number | null
  landelijk: number | null
}

/** A row in a breakdown table. `key` identifies the group for the click-through. */
export interface BreakdownRow extends Ratio {
  key: string
  label: string
  /** Extra counts shown beside the ratio (for example "eerste contact"). */
  extra?: Record<string, number>
}

export interface Breakdown {
  key: string
  titel: string
  /** What the ratio means in this table, in plain words. */
  uitleg: string
  rows: BreakdownRow[]
  extraKoppen?: Record<string, string>
}

/**
 * Appointments by kind of place (issue 21), counted on the appointment's day: did the resident
 * come? `opkomst` is geweest / (geweest + niet gekomen); appointments still to come and those
 * moved to another day are shown beside it.
 */
export interface AppointmentPlaceRow {
  soort: string
  label: string
  gepland: number
  geweest: number
  nietGekomen: number
  verzet: number
  opkomst: Ratio
}

export interface MonitorDashboard {
  van: string
  tot: string
  ontvangen: number
  /** Signals received in the period that were put into a case. */
  doorgezet: number
  /** Signals received in the period that were not followed up, per DDAS status. */
  nietDoorgezet: { status: string; aantal: number }[]
  /** Cases picked up in the period (not closed as "niet opgepakt"). */
  opgepakt: number
  bereik: Ratio
  hulp: Ratio
  /** Median days from picking up to the first reached attempt, over the reached cases. */
  dagenTotContact: { mediaan: number | null; aantal: number }
  perMaand: { maand: string; teller: number; noemer: number; pct: number | null }[]
  breakdowns: Breakdown[]
  afspraken: AppointmentPlaceRow[]
  referentieBron: string | null
  /**
   * The day the team started with Lange Adem (its set-up). Signals of earlier months can be
   * loaded afterwards and count in their own month, but only the work recorded in Lange Adem.
   */
  inGebruikSinds: string | null
}

export interface MonitorCaseRow {
  id: number
  caseNumber: string
  naam: string
  wijkNaam: string | null
  consulentNaam: string | null
  datumOpgepakt: string
  pogingen: number
  bereikt: boolean
  resultaat: string | null
}

export interface MonitorCases {
  titel: string
  rows: MonitorCaseRow[]
  total: number
}

export interface ReferenceFigure {
  key: string
  label: string
  percentage: number | null
  bron: string
  jaar: number
}

/** A contact person of the supplying organisation, as the DDAS delivery names them. */
export interface DdasContactpersoon {
  naam: string
  telefoon: string
  email: string
  functie: string
}

/** Who delivers to CBS: the gemeente itself or the party doing vroegsignalering for it. */
export interface AanleverendeOrganisatie {
  naam: string
  /** 8 digits, or '' when not given. */
  kvkNummer: string
  contactpersonen: DdasContactpersoon[]
}

export interface MonitorSettings {
  /** The software's (or hosting party's) name in codeGegevensleverancier; the version is added. */
  leverancierNaam: string
  /** The running version of Lange Adem, which follows the name in codeGegevensleverancier. */
  softwareVersie: string
  /** codeGegevensleverancier as a delivery writes it: the name and the running version. */
  codeGegevensleverancier: string
  /** Its naam is 'Gemeente <name>' until the kwaliteitsmedewerker saves another. */
  organisatie: AanleverendeOrganisatie
  /** With no contact person saved yet: the active kwaliteitsmedewerkers, to start from. */
  voorstelContactpersonen: DdasContactpersoon[]
  /** v1.2: send the birth date beside postcode and house number (never beside a BSN). */
  geboortedatumMeesturen: boolean
  leeftijdsgrenzen: number[]
  bedraggrenzen: number[]
  referenties: ReferenceFigure[]
}

export interface ExportFile {
  fileName: string
  mimeType: string
  /** The file's bytes, base64 encoded. */
  base64: string
}

/** Ascending whole numbers, as typed: "25, 35, 45". */
const limits = (label: string, max: number) =>
  z
    .array(
      z
        .number({ error: `${label}: alleen hele getallen.` })
        .int(`${label}: alleen hele getallen.`)
        .min(1, `${label}: alleen getallen groter dan 0.`)
        .max(max, `${label}: hoogstens ${max}.`),
    )
    .min(1, `${label}: vul minstens één grens in.`)
    .max(12, `${label}: hoogstens 12 grenzen.`)
    .refine(
      (a) => a.every((v, i) => i === 0 || v > a[i - 1]!),
      `${label}: zet de grenzen van laag naar hoog.`,
    )

/**
 * The e-mail check of the DDAS schema (format "email" as Ajv's ajv-formats checks it), so a saved
 * address never makes a delivery invalid. A test compares it with Ajv.
 */
export const DDAS_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i

/** A usual Dutch number, or a municipality's 14-number ("14 0475"). */
const isContactPhone = (v: string) => isValidPhone(v) || /^14\d{3,4}$/.test(v.replace(/[\s-]/g, ''))

const contactpersoon = z
  .object({
    naam: requiredText('Naam van de contactpersoon', 200),
    telefoon: requiredText('Telefoonnummer van de contactpersoon', 40).refine(
      isContactPhone,
      'Telefoonnummer van de contactpersoon is niet geldig (bijvoorbeeld 0475 359 999 of 14 0475).',
    ),
    email: requiredText('E-mailadres van de contactpersoon', 200).refine(
      (v) => DDAS_EMAIL.test(v),
      'E-mailadres van de contactpersoon is niet geldig (bijvoorbeeld vroegsignalering@roermond.nl).',
    ),
    functie: requiredText('Functie van de contactpersoon', 200),
  })
  .strict()

export const aanleverendeOrganisatieInput = z
  .object({
    naam: requiredText('Naam van de aanleverende organisatie', 200),
    kvkNummer: optionalText('KvK-nummer', 20)
      .transform((v) => v.replace(/[\s.]/g, ''))
      .refine((v) => v === '' || /^\d{8}$/.test(v), 'Een KvK-nummer heeft 8 cijfers.'),
    contactpersonen: z
      .array(contactpersoon)
      .max(10, 'Hoogstens 10 contactpersonen.')
      .refine(
        (a) =>
          new Set(a.map((c) => JSON.stringify([c.naam, c.telefoon, c.email, c.functie]))).size === a.length,
        'Dezelfde contactpersoon staat er twee keer in.',
      ),
  })
  .strict()

export const monitorSettingsInput = z
  .object({
    leverancierNaam: requiredText('Naam van de software (gegevensleverancier)', 60),
    organisatie: aanleverendeOrganisatieInput,
    geboortedatumMeesturen: z.boolean({ error: 'Kies of de geboortedatum mee moet.' }),
    leeftijdsgrenzen: limits('Leeftijdsgroepen', 120),
    bedraggrenzen: limits('Bedraggroepen', 1_000_000),
    referenties: z
      .array(
        z.object({
          key: z.string().min(1).max(60),
          percentage: z
            .number({ error: 'Percentage is geen getal.' })
            .min(0, 'Een percentage ligt tussen 0 en 100.')
            .max(100, 'Een percentage ligt tussen 0 en 100.')
            .nullable(),
          bron: optionalText('Bron', 200),
          jaar: z
            .number({ error: 'Jaar is geen getal.' })
            .int('Jaar is geen heel getal.')
            .min(2015, 'Jaar moet na 2015 liggen.')
            .max(2100, 'Jaar is te ver weg.'),
        }),
      )
      .max(50),
  })
  .strict()

export const FEEDBACK_FORMATS = ['csv', 'xlsx'] as const

/** The DDAS versions a delivery can be made in: 1.2 (current) and 0.9 for hosting parties that still ask. */
export const DDAS_VERSIES = ['1.2', '0.9'] as const
export type DdasVersie = (typeof DDAS_VERSIES)[number]

export interface DdasExportFile extends ExportFile {
  versie: DdasVersie
  vroegsignalen: number
  zaken: number
  /** Plain Dutch remarks on what could not be delivered as stored (empty when all went in). */
  opmerkingen: string[]
}

export const monitorContract = {
  'monitor.dashboard': method<MonitorDashboard>()(monitorPeriod),
  'monitor.cases': method<MonitorCases>()(
    z.intersection(
      monitorPeriod,
      z.object({
        /** A breakdown key ('kanaal', 'leeftijd', ...) or 'totaal'. */
        tabel: z.string().max(40),
        /** The row's key within that breakdown, or 'alle'. */
        groep: z.string().max(80),
        /** Which cases of the group: all picked up, the reached ones, or those that accepted help. */
        wat: z.enum(['opgepakt', 'bereikt', 'hulp']),
      }),
    ),
  ),
  'monitor.exportExcel': method<ExportFile>()(monitorPeriod),
  'monitor.exportDdas': method<DdasExportFile>()(
    z.intersection(monitorPeriod, z.object({ versie: z.enum(DDAS_VERSIES).default('1.2') })),
  ),
  'monitor.feedback': method<ExportFile & { signalen: number }>()(
    z.intersection(monitorPeriod, z.object({ formaat: z.enum(FEEDBACK_FORMATS) })),
  ),
  'monitor.settings': method<MonitorSettings>()(z.object({}).strict()),
  'monitor.saveSettings': method<MonitorSettings>()(monitorSettingsInput),
}
