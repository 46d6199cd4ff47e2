import { ORGANISATIE, settingsInput } from './monitor-data'
import fc from 'fast-check'
import { z } from 'zod'
import { apiContract, type MethodName } from '@shared/api'
import { signal, ROERMOND_SETUP, START_WACHTWOORD, TEST_WACHTWOORD } from './fixtures'
import type { ApiInput, ApiOutput } from '@shared/api'
import { SCOPE_CSV } from './world'

/**
 * Valid inputs for every method that takes free text, in the world of `scopeWorld`, for tests
 * and fuzz runs that push hostile text through each text field. `textMethods()` finds those
 * methods from the contract itself, so a new method with a text field fails the test that
 * compares both lists until it has a sample here.
 */

/** Characters that break things when stored, printed, exported or hashed. */
export const NASTY_CHARS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\r',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u202e',
  '\u202d',
  '\u2066',
  '\ufeff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '=',
  '+',
  '-',
  '@',
  '"',
  ';',
  '{naam}',
]

/** Texts no well-behaved screen sends: empty, numbers and dates that are none, injections. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1e9999',
  'null',
  '99-99-9999',
  '31-02-2026',
  '2026-13-45',
  '25:99',
  "'; drop table vroegsignaalzaak; --",
  '<script>alert(1)</script>',
]

/** One code point from the whole range 0-10FFFF, lone surrogate halves included. */
const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)))

/** Random text from the whole Unicode range, with the dangerous characters made likely. */
export function anyText(maxLength = 40): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 4, arbitrary: anyCodePoint },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_CHARS) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  )
  return fc.string({ unit, maxLength })
}

/** A value mixed with hostile text: replaced by it, or with it before, after or inside. */
export function hostile(original: string, maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    anyText(maxLength),
    anyText(8).map((x) => original + x),
    anyText(8).map((x) => x + original),
    fc
      .tuple(fc.nat({ max: original.length }), anyText(4))
      .map(([i, x]) => original.slice(0, i) + x + original.slice(i)),
  )
}

/** Whether a JSON schema (zod's, input side) holds a string that is not one of fixed values. */
function hasFreeText(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasFreeText)
  if (!schema || typeof schema !== 'object') return false
  const s = schema as Record<string, unknown>
  if (s.type === 'string' && s.enum === undefined && s.const === undefined) return true
  return Object.values(s).some(hasFreeText)
}

/** Every method whose input holds free text (not only fixed choices). */
export function textMethods(): MethodName[] {
  return (Object.keys(apiContract) as MethodName[]).filter((m) =>
    hasFreeText(z.toJSONSchema(apiContract[m].input, { io: 'input', unrepresentable: 'any' })),
  )
}

/** The top-level field names of a method's input schema (objects, refined objects, intersections). */
export function fieldsOf(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def
  if (!def) return []
  if (def.type === 'object') return Object.keys((schema as { shape: object }).shape)
  if (def.type === 'intersection') return [...fieldsOf(def.left), ...fieldsOf(def.right)]
  if (def.type === 'pipe') return fieldsOf(def.in)
  return []
}

/** Every string in a value, by path, so one of them can be replaced. */
export function stringPaths(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'string') return [path]
  if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, [...path, i]))
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, k]))
  return []
}

export function getAt(v: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v)
}

export function setAt<T>(v: T, path: (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T
  const [k, ...rest] = path
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>
  copy[k!] = setAt(copy[k!], rest, value)
  return copy as T
}

/** An import file with hostile text in one cell: the CSV the scope world imports, one cell changed. */
export function csvWithCell(text: string, line: number, column: number): Buffer {
  const lines = SCOPE_CSV.split('\n')
  const cells = lines[line]!.split(';')
  cells[column] = `"${text.replace(/"/g, '""')}"`
  lines[line] = cells.join(';')
  return Buffer.from(lines.join('\n'), 'utf8')
}

type Samples = Partial<Record<MethodName, unknown>>

/**
 * What the samples need of a world like `scopeWorld`'s (the in-process test world, or the same
 * built over HTTP by the fuzz run): a way to call, and the records the inputs name.
 */
export interface SampleWorld {
  t: {
    call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
    /** A file handed to the import as the screen does (intake.upload). */
    upload(fileName: string, content: Uint8Array | string): Promise<{ uploadId: string }>
  }
  member(naam: string): number
  wijk(naam: string): number
  cases: { own: number }
  signals: { own: number }
  problems: { own: number }
  visitId: number
  /** An appointment (features/appointments) on the other wijk's case. */
  afspraakId: number
  batchId: number
}

/**
 * The input with the case's version as it is now, for an input that carries one (a change made
 * from the case file): a sample sent many times would otherwise be refused as stale after the
 * first change it makes.
 */
export async function withCurrentVersion<I>(
  input: I,
  versieOf: (caseId: number) => Promise<number>,
): Promise<I> {
  if (typeof input !== 'object' || input === null || !('versie' in input) || !('caseId' in input))
    return input
  return { ...input, versie: await versieOf(Number(input.caseId)) }
}

/** The valid inputs; read as the kwaliteitsmedewerker (current settings, templates, rules). */
export async function textSamples(w: SampleWorld): Promise<Samples> {
  const { t } = w
  const caseId = w.cases.own
  const { uploadId } = await t.upload('wijken.csv', SCOPE_CSV)
  const analysed = await t.call('intake.analyse', { uploadId })
  const templates = await t.call('documents.templates', {})
  const letter = templates.find((x) => x.code === 'aankondigingsbrief')!
  const docSettings = await t.call('documents.settings', {})
  const monitorSettings = await t.call('monitor.settings', {})
  const period = { van: '01-10-2026', tot: '31-10-2026' }
  const sem = w.member('Sem Janssen')
  const person = { voorletters: 'K.', achternaam: 'Smeets', geboortedatum: '02-02-1990' }
  const stadskantoor = (await t.call('appointments.places', {})).find((p) => p.soort === 'stadskantoor')!.id
  const slot = { datum: '24-11-2026', tijd: '10:00', duur: 45, plekId: stadskantoor }
  const address = { straat: 'Markt', huisnummer: '5', postcode: '6041 EM', plaats: 'Roermond' }
  // The version a case file shows now; a runner that changes the case sends the current one
  // (withCurrentVersion), as a user who just opened it would.
  const versie = (await t.call('dossier.get', { caseId })).versie
  return {
    'session.signIn': { userId: w.member('Anouk Peeters'), wachtwoord: START_WACHTWOORD },
    'session.choosePassword': {
      userId: w.member('Anouk Peeters'),
      wachtwoord: START_WACHTWOORD,
      nieuwWachtwoord: 'een heel nieuwe zin',
    },
    'session.setFirstPassword': { userId: w.member('Anouk Peeters'), nieuwWachtwoord: 'een heel nieuwe zin' },
    'session.unlock': { wachtwoord: TEST_WACHTWOORD },
    'session.setStartPassword': { userId: w.member('Anouk Peeters'), wachtwoord: START_WACHTWOORD },
    'session.changePassword': { wachtwoord: TEST_WACHTWOORD, nieuwWachtwoord: TEST_WACHTWOORD },
    'setup.complete': ROERMOND_SETUP,
    // Answered by the workstation layer on a computer; the app itself (here) refuses them.
    'werkplek.bekijkServer': { adres: 'https://teamserver.roermond.local:8443' },
    'werkplek.koppel': {
      adres: 'https://teamserver.roermond.local:8443',
      vingerafdruk: `${'AB:'.repeat(31)}AB`,
      werkplek: 'Balie 1',
    },
    'settings.saveTeam': ROERMOND_SETUP.team,
    'settings.saveWijk': { naam: 'Maasniel', postcodes: '6046' },
    'settings.saveMedewerker': {
      id: sem,
      naam: 'Sem Janssen',
      rol: 'consulent',
      telefoon: '06 23456789',
      email: 's.janssen@roermond.nl',
      wijkIds: [w.wijk('Kapel in het Zand')],
      actief: true,
    },
    'signals.createManual': signal({ postcode: '6041 AB', huisnummer: '30' }),
    'signals.checkAddress': { postcode: '6041 AB', huisnummer: '12', toevoeging: '' },
    'intake.upload': { fileName: 'wijken.csv' },
    'intake.progress': { uploadId },
    'intake.analyse': { uploadId, mappingName: '' },
    'intake.preview': { uploadId, mapping: analysed.mapping, bron: 'Vindplaats van Schulden' },
    'intake.commit': {
      uploadId,
      mapping: analysed.mapping,
      bron: 'Vindplaats van Schulden',
    },
    'intake.decide': { signalId: w.signals.own, doorzetten: false, reden: 'Niet nodig' },
    'intake.acceptProblem': { id: w.problems.own, values: { bedrag: '100,00' } },
    'intake.rejectProblems': { ids: [w.problems.own], reden: 'Dubbel' },
    'intake.fixProblems': {
      ids: [w.problems.own],
      fix: { soort: 'vervang', field: 'plaats', van: 'Roermnd', naar: 'Roermond' },
    },
    'caseload.list': { zoek: 'Berg' },
    'dossier.addNote': { caseId, tekst: 'Even bellen' },
    'audit.search': { van: '01-11-2026', tot: '30-11-2026', actie: 'notitie', zaaknummer: 'LA-2026-00001' },
    'ladder.logAttempt': {
      caseId,
      versie,
      kanaal: 'telefoon',
      bereikt: false,
      resultaat: 'Geen gehoor',
      notitie: 'Voicemail',
      datum: '10-11-2026',
      tijd: '09:15',
    },
    'ladder.close': {
      caseId,
      versie,
      resultaat: 'Inwoner is overleden',
      hulpAangeboden: false,
      hulpGeaccepteerd: false,
      verwijzing: 'Budgetcoaching',
      notitie: 'Via de buren gehoord',
    },
    'ladder.reopen': { caseId, versie, reden: 'Toch nodig' },
    'ladder.setDoNotApproach': { caseId, versie, nietBenaderen: true, reden: 'Wil niet' },
    'visits.savePartner': {
      organisatie: 'Wonen Limburg',
      naam: 'Ria Hermans',
      functie: 'Wijkconsulent',
      telefoon: '088 3858800',
      email: 'r.hermans@wonenlimburg.nl',
    },
    'visits.announce': {
      caseId,
      versie,
      datum: '26-11-2026',
      van: '10:00',
      tot: '10:30',
      duoUserId: sem,
      duoPartnerId: null,
    },
    'visits.plan': {
      wijkId: w.wijk('Centrum'),
      datum: '26-11-2026',
      startTijd: '13:00',
      slotMinuten: 30,
      caseIds: [caseId],
      duoUserId: sem,
    },
    'visits.day': { datum: '19-11-2026' },
    'visits.optOut': { visitId: w.visitId, via: 'telefoon', reden: 'Afgezegd' },
    'visits.outcome': { visitId: w.visitId, uitkomst: 'niet_thuis', notitie: 'Niemand thuis' },
    'appointments.savePlace': {
      wijkId: w.wijk('Centrum'),
      naam: 'Wijkcentrum De Roerstreek',
      adres: 'Roerstraat 10',
      postcode: '6041 AB',
      plaats: 'Roermond',
      dagen: [1, 2, 3, 4, 5],
      van: '09:00',
      tot: '17:00',
      toegankelijk: true,
      toelichting: 'Ingang aan de achterkant',
    },
    'appointments.make': { caseId, versie, ...slot, notitie: 'Wil graag op het stadskantoor praten' },
    'appointments.reschedule': { afspraakId: w.afspraakId, ...slot, notitie: 'Verzet op verzoek' },
    'appointments.outcome': { afspraakId: w.afspraakId, uitkomst: 'geweest', notitie: 'Goed gesprek' },
    'appointments.agenda': { datum: '17-11-2026', weergave: 'week' },
    'appointments.icsWeek': { datum: '17-11-2026' },
    'walkin.search': { zoek: 'Berg' },
    'walkin.register': {
      nieuw: { bewoner: person, adres: address },
      intake: {
        watSpeelt: 'Kan de energierekening niet betalen.',
        rekeningen: 'Energie',
        urgentie: 'geen',
        vervolgstap: 'Samen rekeningen op een rij zetten',
        vervolgDatum: '17-11-2026',
      },
    },
    'documents.confirmBatch': { batchId: w.batchId, verstuurdIds: [], datum: '10-11-2026' },
    'documents.saveTemplate': {
      templateId: letter.id,
      naam: letter.naam,
      soort: letter.soort,
      content: letter.huidig.content,
    },
    'documents.previewTemplate': { soort: letter.soort, content: letter.huidig.content },
    'documents.saveSettings': docSettings,
    'monitor.dashboard': period,
    'monitor.cases': { ...period, tabel: 'totaal', groep: 'alle', wat: 'opgepakt' },
    'monitor.exportExcel': period,
    'monitor.exportDdas': period,
    'monitor.feedback': { ...period, formaat: 'csv' },
    'monitor.saveSettings': settingsInput(monitorSettings, { organisatie: ORGANISATIE }),
    'backup.check': { naam: 'lange-adem-2026-11-10T0930Z.sqlite' },
    'backup.restore': { naam: 'lange-adem-2026-11-10T0930Z.sqlite' },
    'ddasVs.saveSettings': {
      aan: false,
      issuer: 'https://idp.roermond.nl',
      audience: 'ddas-vs',
      jwksUrl: '',
      jwks: '',
      certificaatPad: '/etc/lange-adem/cbs.pem',
      sleutelPad: '/etc/lange-adem/cbs.key',
      vertrouwdeCaPad: '',
      kid: 'roermond-1',
      poort: 8443,
      pad: '/ddas-vs/v1',
      maxPerMinuut: 60,
      ondertekeningVerplicht: false,
    },
    'retention.findPerson': { achternaam: 'Berg', geboortedatum: '12-03-1984' },
  }
}
