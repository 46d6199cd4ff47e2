import { z } from 'zod'
import { method } from './define'
import { NIET_DOORZETTEN_REDENEN, SIGNAALPARTNER_TYPES, type SignaalpartnerType } from '../domain/ddas'
import { id, optionalText, requiredText } from './fields'

/** The fields of one signal that an import file can fill, in the order the mapping screen shows them. */
export const INTAKE_FIELDS = [
  'externId',
  'partnerType',
  'partnerNaam',
  'bedrag',
  'ontstaansdatum',
  'signaaldatum',
  'crisis',
  'warmeOverdracht',
  'voorletters',
  'tussenvoegsel',
  'achternaam',
  'geboortedatum',
  'bsn',
  'telefoon',
  'email',
  'straat',
  'huisnummer',
  'toevoeging',
  'postcode',
  'plaats',
] as const
export type IntakeField = (typeof INTAKE_FIELDS)[number]

export const INTAKE_FIELD_LABELS: Record<IntakeField, string> = {
  externId: 'Signaal-ID (kenmerk platform)',
  partnerType: 'Soort signaalpartner',
  partnerNaam: 'Naam signaalpartner',
  bedrag: 'Bedrag achterstand',
  ontstaansdatum: 'Datum ontstaan achterstand',
  signaaldatum: 'Signaaldatum',
  crisis: 'Crisissignaal',
  warmeOverdracht: 'Warme overdracht',
  voorletters: 'Voorletters',
  tussenvoegsel: 'Tussenvoegsel',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  telefoon: 'Telefoonnummer',
  email: 'E-mailadres',
  straat: 'Straat',
  huisnummer: 'Huisnummer',
  toevoeging: 'Toevoeging',
  postcode: 'Postcode',
  plaats: 'Plaats',
}

/** Without these a row cannot become a signal; an import stops when one of them has no column. */
export const REQUIRED_INTAKE_FIELDS: readonly IntakeField[] = [
  'externId',
  'partnerType',
  'bedrag',
  'signaaldatum',
  'achternaam',
  'straat',
  'huisnummer',
  'postcode',
]

const intakeField = z.enum(INTAKE_FIELDS, { error: 'Onbekend veld.' })
const partnerType = z.enum(SIGNAALPARTNER_TYPES, { error: 'Kies het soort signaalpartner.' })

/** Which column (by its header text) fills which field, and what the file's own words mean. */
export const columnMapping = z
  .object({
    columns: z.partialRecord(intakeField, z.string().max(200)),
    /** The file's word for a partner type (as folded by `foldWord`) -> the DDAS type. */
    partnerTypes: z.record(z.string().max(200), partnerType).default({}),
  })
  .strict()
export type ColumnMapping = z.output<typeof columnMapping>

/**
 * The largest file the screen takes: a large city's year of signals is about 20 MB as CSV. The
 * file travels once, beside the call (desktop: main reads the file the user picked; browser
 * mode: the upload streams), and main keeps it until the import is done.
 */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024
export const MAX_UPLOAD_LABEL = '64 MB'

const uploadId = z
  .string({ error: 'Kies het bestand opnieuw.' })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'Kies het bestand opnieuw.')

export interface UploadResult {
  uploadId: string
  fileName: string
  bytes: number
}

/** How far main is with a file: reading it, checking its rows (the preview), or storing them. */
export interface IntakeProgress {
  uploadId: string
  fase: 'lezen' | 'controleren' | 'opslaan' | 'klaar'
  /** Rows read, checked or stored so far. */
  gedaan: number
  /** Rows in the file, once it has been read. */
  totaal: number | null
}

export interface PartnerWord {
  /** The word as it appears in the file. */
  word: string
  /** The folded key used in the mapping. */
  key: string
  count: number
  proposed: SignaalpartnerType | null
}

export interface AnalyseResult {
  uploadId: string
  fileName: string
  format: 'csv' | 'xlsx'
  encoding: string
  delimiter: string | null
  headers: string[]
  rowCount: number
  sample: string[][]
  mapping: ColumnMapping
  /** The saved mapping the proposal came from, if any. */
  mappingName: string | null
  /** Required fields that no column could be placed on. */
  unplaced: IntakeField[]
  partnerWords: PartnerWord[]
  savedMappings: string[]
  /** A name for the source, to save the mapping under: the saved mapping used, else a guess from the file. */
  bronVoorstel: string
}

/** The kind of mistake a row has in a field: rows with the same kind in the same field can be fixed together. */
export const PROBLEM_CODES = [
  'ontbreekt',
  'ongeldig',
  'onbekend',
  'negatief',
  'nul',
  'te-hoog',
  'te-lang',
  'toekomst',
  'volgorde',
  'dubbel',
] as const
export type ProblemCode = (typeof PROBLEM_CODES)[number]

export interface RowProblem {
  line: number
  field: IntakeField | null
  reason: string
  code: ProblemCode
}

export interface ImportSummary {
  importId: number | null
  rows: number
  nieuw: number
  eerderIngelezen: number
  problemen: number
  doorgezet: number
  nietDoorgezet: number
  nieuweZaken: number
  meervoudig: number
  opeenvolgend: number
  herkend: number
  problems: RowProblem[]
}

export interface ImportView {
  id: number
  bestandsnaam: string
  bron: string
  at: string
  gebruiker: string | null
  rows: number
  nieuw: number
  eerderIngelezen: number
  problemen: number
  /** Of `problemen`, the rows still open in Te controleren now. */
  teControleren: number
  doorgezet: number
  nietDoorgezet: number
  ongedaanOp: string | null
  /** Why it can no longer be undone; null when it can. */
  undoBlocked: string | null
  mapping: ColumnMapping
}

export interface ImportSignalView {
  signalId: number
  line: number
  naam: string
  adres: string
  partnerType: string
  bedragCents: number
  signaaldatum: string
  advies: 'doorzetten' | 'niet'
  adviesReden: string
  besluit: 'doorzetten' | 'niet'
  status: string | null
  overruleReden: string
  meervoudig: boolean
  opeenvolgend: boolean
  eerdereSignalen: number
  caseId: number | null
  caseNumber: string | null
}

export interface ProblemView {
  id: number
  importId: number
  bestandsnaam: string
  line: number
  values: Partial<Record<IntakeField, string>>
  problems: { field: IntakeField | null; reason: string; code: ProblemCode }[]
  status: 'open' | 'geaccepteerd' | 'afgewezen'
  reden: string
}

/** One corrected row: taken in, or still not right (its remaining problems in `row`, the edits kept). */
export type ProblemOutcome =
  { ingelezen: true; doorgezet: boolean; row: ProblemView } | { ingelezen: false; row: ProblemView }

/** What a fix for many rows did. */
export interface BulkOutcome {
  /** Rows that are now right and were taken in. */
  ingelezen: number
  /** Rows still open, with their remaining problems. */
  open: number
  afgewezen: number
  /** Rows whose signal ID was stored in the meantime: they stay open, to be rejected. */
  alIngelezen: number
}

export const triageRules = z
  .object({
    /** Threshold in whole euros per partner type; below it the signal is not followed up. */
    drempels: z.partialRecord(partnerType, z.number().int().min(0).max(100_000)),
    /** Arrears younger than this many days (signaaldatum - ontstaansdatum) are not followed up; 0 = off. */
    minDagen: z.number().int().min(0).max(365),
    jongerenTot: z.number().int().min(0).max(40),
    ouderenVanaf: z.number().int().min(50).max(120),
    /** Young people and pensioners are followed up whatever the amount or age of the arrear. */
    leeftijdVoorrang: z.boolean(),
    /** Crisis signals (energy end of supply, eviction) are always followed up. */
    crisisAltijd: z.boolean(),
    /** The same partner reporting the same arrear again without increase: herhaalde melding. */
    herhaaldeMelding: z.boolean(),
    /** A postcode outside every wijk: geen inwoner (meer) in de gemeente. */
    buitenGemeente: z.boolean(),
  })
  .strict()
export type TriageRules = z.output<typeof triageRules>

export interface LoadRow {
  consulentId: number | null
  naam: string
  wijken: string[]
  open: number
  nieuw: number
}

export interface MovableCase {
  id: number
  caseNumber: string
  naam: string
  adres: string
  wijkNaam: string | null
  datumOpgepakt: string
  status: string
}

const decisionStatus = z.enum(NIET_DOORZETTEN_REDENEN, { error: 'Kies de reden (signaalstatus).' })

/** A change to one field of many correction rows at once. */
export const bulkFix = z.discriminatedUnion(
  'soort',
  [
    /** Replace a piece of text in the field ("Kinderopvang" by "Overige", "604" by "6041 AB"). */
    z
      .object({
        soort: z.literal('vervang'),
        field: intakeField,
        van: z.string().min(1, 'Vul in wat er vervangen moet worden.').max(300),
        naar: z.string().max(300),
      })
      .strict(),
    /** Give the field one value in every chosen row (a missing place name, say). */
    z.object({ soort: z.literal('invullen'), field: intakeField, naar: z.string().max(300) }).strict(),
    /** Remove what cannot belong in the field: stray signs around an amount, a date or a postcode. */
    z.object({ soort: z.literal('opschonen'), field: intakeField }).strict(),
  ],
  { error: 'Kies wat er met het veld moet gebeuren.' },
)
export type BulkFix = z.output<typeof bulkFix>

const problemIds = z
  .array(id)
  .min(1, 'Kies minstens één regel.')
  .max(5000, 'Kies hoogstens 5000 regels tegelijk.')

export const intakeContract = {
  'intake.upload': method<UploadResult>('user', { file: { maxBytes: MAX_UPLOAD_BYTES } })(
    z.object({ fileName: requiredText('Bestandsnaam', 255) }).strict(),
  ),
  'intake.progress': method<IntakeProgress | null>()(z.object({ uploadId }).strict()),
  'intake.analyse': method<AnalyseResult>()(
    z.object({ uploadId, mappingName: optionalText('Naam koppeling', 80) }).strict(),
  ),
  'intake.preview': method<ImportSummary>()(
    z.object({ uploadId, mapping: columnMapping, bron: requiredText('Naam van de bron', 80) }).strict(),
  ),
  'intake.commit': method<ImportSummary>()(
    z.object({ uploadId, mapping: columnMapping, bron: requiredText('Naam van de bron', 80) }).strict(),
  ),
  'intake.history': method<ImportView[]>()(z.object({}).strict()),
  'intake.importSignals': method<ImportSignalView[]>()(z.object({ importId: id }).strict()),
  'intake.decide': method<ImportSignalView>()(
    z
      .object({
        signalId: id,
        doorzetten: z.boolean({ error: 'Kies doorzetten of niet.' }),
        status: decisionStatus.optional(),
        reden: requiredText('Reden', 500),
      })
      .strict(),
  ),
  'intake.undo': method<ImportView>()(z.object({ importId: id }).strict()),
  'intake.problems': method<ProblemView[]>()(
    z.object({ status: z.enum(['open', 'alle']).default('open') }).strict(),
  ),
  'intake.acceptProblem': method<ProblemOutcome>()(
    z.object({ id, values: z.partialRecord(intakeField, z.string().max(300)) }).strict(),
  ),
  'intake.fixProblems': method<BulkOutcome>()(z.object({ ids: problemIds, fix: bulkFix }).strict()),
  'intake.retryProblems': method<BulkOutcome>()(z.object({ ids: problemIds.optional() }).strict()),
  'intake.rejectProblems': method<BulkOutcome>()(
    z.object({ ids: problemIds, reden: requiredText('Reden van afwijzen', 500) }).strict(),
  ),
  'intake.rules': method<TriageRules>()(z.object({}).strict()),
  'intake.saveRules': method<TriageRules>()(triageRules),
  'intake.load': method<LoadRow[]>()(z.object({}).strict()),
  'intake.openCases': method<MovableCase[]>()(
    z.object({ consulentId: z.union([id, z.literal('geen')]) }).strict(),
  ),
  'intake.moveCases': method<LoadRow[]>()(
    z
      .object({
        caseIds: z.array(id).min(1, 'Kies minstens één zaak.').max(1000),
        consulentId: id,
      })
      .strict(),
  ),
}
