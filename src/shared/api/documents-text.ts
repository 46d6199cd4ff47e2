/**
 * Letter and card texts: placeholders, the word check and Dutch date and time wording. Pure
 * functions, used by main (to print) and by the renderer (live preview in the template editor).
 */
import { MONTH_NAMES } from '../format/dates'

export const DOCUMENT_SOORTEN = ['brief', 'kaart', 'bericht'] as const
/** brief: A4 letter for a window envelope; kaart: A6 card; bericht: a text for SMS or e-mail. */
export type DocumentSoort = (typeof DOCUMENT_SOORTEN)[number]

export const DOCUMENT_SOORT_LABELS: Record<DocumentSoort, string> = {
  brief: 'Brief (A4, vensterenvelop)',
  kaart: 'Kaartje (A6)',
  bericht: 'Bericht (sms of e-mail)',
}

/** The text fields each kind of template has, in the order the editor shows them. */
export const TEMPLATE_FIELDS: Record<DocumentSoort, { key: string; label: string; rows: number }[]> = {
  brief: [
    { key: 'aanhef', label: 'Aanhef', rows: 1 },
    { key: 'tekst', label: 'Tekst van de brief', rows: 14 },
    { key: 'afsluiting', label: 'Afsluiting', rows: 2 },
  ],
  kaart: [
    { key: 'titel', label: 'Kop', rows: 1 },
    { key: 'tekst', label: 'Tekst van het kaartje', rows: 8 },
  ],
  bericht: [{ key: 'tekst', label: 'Tekst van het bericht', rows: 6 }],
}

export type TemplateContent = Record<string, string>

/** Every placeholder a text may use, with what it becomes. */
export const PLACEHOLDERS: {
  key: string
  uitleg: string
  voorbeeld: string
  alleenBezoek?: boolean
  /** Filled from an appointment (issue 21): such a letter is queued from the appointment itself. */
  alleenAfspraak?: boolean
}[] = [
  { key: 'naam', uitleg: 'naam van de bewoner', voorbeeld: 'J. van der Berg' },
  { key: 'datum', uitleg: 'datum van de brief', voorbeeld: '3 november 2026' },
  { key: 'kenmerk', uitleg: 'ons kenmerk (zaaknummer)', voorbeeld: 'LA-2026-00001' },
  {
    key: 'bezoekdag',
    uitleg: 'dag en datum van het huisbezoek',
    voorbeeld: 'dinsdag 10 november 2026',
    alleenBezoek: true,
  },
  { key: 'van', uitleg: 'begin van het tijdvak', voorbeeld: '10.00 uur', alleenBezoek: true },
  { key: 'tot', uitleg: 'einde van het tijdvak', voorbeeld: '12.00 uur', alleenBezoek: true },
  { key: 'collega', uitleg: 'wie er meekomt', voorbeeld: 'mijn collega Sem Janssen', alleenBezoek: true },
  {
    key: 'afmelddatum',
    uitleg: 'uiterste dag om af te zeggen',
    voorbeeld: 'vrijdag 6 november',
    alleenBezoek: true,
  },
  {
    key: 'afspraakdag',
    uitleg: 'dag en datum van de afspraak',
    voorbeeld: 'dinsdag 17 november 2026',
    alleenAfspraak: true,
  },
  { key: 'afspraak_tijd', uitleg: 'tijd van de afspraak', voorbeeld: '14.30 uur', alleenAfspraak: true },
  {
    key: 'afspraak_plek',
    uitleg: 'waar de afspraak is',
    voorbeeld: 'Wijkcentrum De Kemp, Kempweg 10, 6043 AB Roermond',
    alleenAfspraak: true,
  },
  {
    key: 'afspraak_met',
    uitleg: 'wie de bewoner spreekt',
    voorbeeld: 'Anouk Peeters en mijn collega Sem Janssen',
    alleenAfspraak: true,
  },
  { key: 'consulent', uitleg: 'naam van de consulent', voorbeeld: 'Anouk Peeters' },
  { key: 'consulent_telefoon', uitleg: 'direct nummer van de consulent', voorbeeld: '06 12345678' },
  { key: 'team', uitleg: 'naam van het team', voorbeeld: 'Team Vroegsignalering' },
  { key: 'team_telefoon', uitleg: 'telefoon van het team', voorbeeld: '0475 359 999' },
  { key: 'team_email', uitleg: 'e-mail van het team', voorbeeld: 'vroegsignalering@roermond.nl' },
  { key: 'inloop_dag', uitleg: 'dag van het inloopspreekuur', voorbeeld: 'dinsdag' },
  { key: 'inloop_van', uitleg: 'begin van het inloopspreekuur', voorbeeld: '09.00 uur' },
  { key: 'inloop_tot', uitleg: 'einde van het inloopspreekuur', voorbeeld: '11.00 uur' },
  { key: 'inloop_plaats', uitleg: 'plaats van het inloopspreekuur', voorbeeld: 'Stadskantoor, Markt 31' },
]
const KNOWN = new Set(PLACEHOLDERS.map((p) => p.key))
const VISIT_ONLY = new Set(PLACEHOLDERS.filter((p) => p.alleenBezoek).map((p) => p.key))

export const SAMPLE_VALUES: Record<string, string> = Object.fromEntries(
  PLACEHOLDERS.map((p) => [p.key, p.voorbeeld]),
)

const PLACEHOLDER_RE = /\{([a-z_]+)\}/g

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1]!)
}

const APPOINTMENT_ONLY = new Set(PLACEHOLDERS.filter((p) => p.alleenAfspraak).map((p) => p.key))

/** True when the template names an appointment: it is queued from that appointment only. */
export function needsAppointment(content: TemplateContent): boolean {
  return Object.values(content).some((t) => placeholdersIn(t).some((p) => APPOINTMENT_ONLY.has(p)))
}

/** True when the template needs a visit (date, time window) before it can be printed. */
export function needsVisit(content: TemplateContent): boolean {
  return Object.values(content).some((t) => placeholdersIn(t).some((p) => VISIT_ONLY.has(p)))
}

/** Fills {placeholders}; throws on one without a value, so nothing prints half-filled. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER_RE, (whole, key: string) => {
    const v = values[key]
    if (v === undefined || v === '') throw new Error(`Placeholder {${key}} has no value`)
    return v
  })
}

export const DEFAULT_AVOIDED_WORDS = [
  'schulden',
  'schuld',
  'incasso',
  'deurwaarder',
  'beslag',
  'aanmaning',
  'achterstallig',
  'wanbetaler',
  'dwangbevel',
]

/** Sentences longer than this many words are flagged: B1 texts keep sentences short. */
export const MAX_SENTENCE_WORDS = 20

export interface WordCheckIssue {
  soort: 'woord' | 'zin' | 'placeholder'
  veld: string
  melding: string
}

/**
 * Checks a template: avoided words (also as the start of a longer word: "schuldeiser",
 * "incassobureau"), sentences over MAX_SENTENCE_WORDS words, and unknown placeholders.
 */
export function checkTemplate(content: TemplateContent, avoided: string[]): WordCheckIssue[] {
  const issues: WordCheckIssue[] = []
  for (const [veld, text] of Object.entries(content)) {
    const lower = text.toLowerCase()
    // "schulden" matches both "schuld" and "schulden": report each place once.
    const seen = new Set<number>()
    for (const w of avoided) {
      const word = w.trim().toLowerCase()
      if (!word) continue
      const re = new RegExp(`(^|[^\\p{L}])(${escapeRe(word)}\\p{L}*)`, 'gu')
      for (const m of lower.matchAll(re)) {
        const at = m.index + m[1]!.length
        if (seen.has(at)) continue
        seen.add(at)
        issues.push({
          soort: 'woord',
          veld,
          melding: `"${m[2]}" staat op de lijst van woorden om te vermijden.`,
        })
      }
    }
    for (const s of sentences(text)) {
      const words = s.split(/\s+/).filter(Boolean).length
      if (words > MAX_SENTENCE_WORDS)
        issues.push({
          soort: 'zin',
          veld,
          melding: `Lange zin (${words} woorden): "${s.length > 60 ? s.slice(0, 57) + '...' : s}"`,
        })
    }
    for (const p of placeholdersIn(text))
      if (!KNOWN.has(p))
        issues.push({ soort: 'placeholder', veld, melding: `{${p}} bestaat niet als invulveld.` })
  }
  return issues
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function sentences(text: string): string[] {
  return text
    .replace(/\*\*/g, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** A run of text, bold where the template wrote **...**. */
export interface TextRun {
  text: string
  bold: boolean
}

/** Splits a filled text into paragraphs (blank line) of lines of runs. */
export function paragraphs(text: string): TextRun[][][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => p.split('\n').map(runs))
}

function runs(line: string): TextRun[] {
  return line
    .split('**')
    .map((text, i) => ({ text, bold: i % 2 === 1 }))
    .filter((r) => r.text !== '')
}

// --- Dutch dates and times ---

const DAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag']

function utc(iso: string): Date {
  return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)))
}

/** "2026-11-10" -> "dinsdag 10 november 2026" (or without the year). */
export function formatWeekdayDate(iso: string, withYear = true): string {
  const d = utc(iso)
  const s = `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]}`
  return withYear ? `${s} ${d.getUTCFullYear()}` : s
}

/** "10:00" -> "10.00 uur". */
export function formatTimeNl(hhmm: string): string {
  return `${hhmm.replace(':', '.')} uur`
}

/** The date `n` working days (Monday to Friday) before `iso`. */
export function workingDaysBefore(iso: string, n: number): string {
  const d = utc(iso)
  let left = n
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1)
    const day = d.getUTCDay()
    if (day !== 0 && day !== 6) left--
  }
  return d.toISOString().slice(0, 10)
}

export function isWeekend(iso: string): boolean {
  const day = utc(iso).getUTCDay()
  return day === 0 || day === 6
}
