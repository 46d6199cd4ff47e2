import type { ColumnMapping, IntakeField, ProblemCode } from '@shared/api/intake'
import { INTAKE_FIELDS } from '@shared/api/intake'
import type { SignaalpartnerType } from '@shared/domain/ddas'
import { parseDutchDate } from '@shared/format/dates'
import { parseEuroToCents } from '@shared/format/money'
import { normalizePostcode, parseHouseNumber } from '@shared/format/address'
import { isValidBsn, isValidEmail, isValidPhone, splitPrefix } from '@shared/format/person'
import type { AddressInput, ResidentInput } from '../signals/decisions'
import type { TableRows } from './csv'
import { cleanCell } from './decode'
import { foldWord, parseYesNo, proposePartnerType } from './mapping'

export type RowValues = Partial<Record<IntakeField, string>>

/**
 * One valid row, ready for intake: the signal, and the resident and address as the write path
 * takes them (signals/decisions.ts). Dates ISO, amount in cents, postcode normalised.
 */
export interface ParsedRow extends ResidentInput, AddressInput {
  externId: string
  partnerType: SignaalpartnerType
  partnerNaam: string
  bedragCents: number
  ontstaansdatum: string | null
  signaaldatum: string
  crisis: boolean
  warmeOverdracht: boolean
}

export interface FieldProblem {
  field: IntakeField | null
  reason: string
  /** The kind of mistake, the same for every row that has it ("ongeldig", "ontbreekt"...): bulk fixes group on it. */
  code: ProblemCode
}

/** The mapped cells of one row, as text: what the correction list shows and edits. */
export function extractValues(
  rows: TableRows,
  i: number,
  index: Partial<Record<IntakeField, number>>,
): RowValues {
  const out: RowValues = {}
  for (const f of INTAKE_FIELDS) {
    const col = index[f]
    if (col !== undefined && col >= 0) out[f] = cleanCell(rows.cell(i, col))
  }
  return out
}

export function columnIndex(headers: string[], mapping: ColumnMapping): Partial<Record<IntakeField, number>> {
  const index: Partial<Record<IntakeField, number>> = {}
  for (const [f, h] of Object.entries(mapping.columns) as [IntakeField, string][]) {
    const i = headers.indexOf(h)
    if (i >= 0) index[f] = i
  }
  return index
}

function phone(input: string): string {
  const t = input.trim()
  // Excel drops the leading zero of a mobile number stored as a number
  return /^6\d{8}$/.test(t) ? `0${t}` : t
}

/**
 * Validates one row's values. Every problem is named with its field and a Dutch reason; a row
 * with any problem goes to the correction list as a whole, never half.
 */
export function parseValues(
  v: RowValues,
  partnerTypes: ColumnMapping['partnerTypes'],
  opts: { today: string; plaats: string },
): { ok: true; row: ParsedRow } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const bad = (field: IntakeField, reason: string, code: ProblemCode = 'ongeldig') =>
    problems.push({ field, reason, code })
  const get = (f: IntakeField) => (v[f] ?? '').trim()

  const externId = get('externId')
  if (!externId)
    bad(
      'externId',
      'Geen signaal-ID: zonder kenmerk kan een dubbele inlezing niet worden herkend.',
      'ontbreekt',
    )
  else if (externId.length > 80) bad('externId', 'Het signaal-ID is te lang (meer dan 80 tekens).', 'te-lang')

  const typeWord = get('partnerType')
  let partnerType: SignaalpartnerType | null = null
  if (!typeWord) bad('partnerType', 'Het soort signaalpartner ontbreekt.', 'ontbreekt')
  else {
    partnerType = partnerTypes[foldWord(typeWord)] ?? proposePartnerType(typeWord)
    if (!partnerType) bad('partnerType', `Onbekend soort signaalpartner: "${typeWord}".`, 'onbekend')
  }

  let bedragCents = 0
  const amount = get('bedrag')
  if (!amount) bad('bedrag', 'Het bedrag ontbreekt.', 'ontbreekt')
  else {
    const c = parseEuroToCents(amount)
    if (c === null) bad('bedrag', `"${amount}" is geen bedrag (bijvoorbeeld 1.234,56).`)
    else if (c < 0) bad('bedrag', 'Het bedrag is negatief.', 'negatief')
    else if (c === 0) bad('bedrag', 'Het bedrag is nul.', 'nul')
    else if (c > 100_000_000)
      bad('bedrag', 'Het bedrag is onwaarschijnlijk hoog (meer dan € 1.000.000).', 'te-hoog')
    else bedragCents = c
  }

  const date = (f: IntakeField, label: string, required: boolean): string | null => {
    const raw = get(f)
    if (!raw) {
      if (required) bad(f, `${label} ontbreekt.`, 'ontbreekt')
      return null
    }
    const iso = parseDutchDate(raw)
    if (!iso) bad(f, `${label} "${raw}" is geen bestaande datum.`)
    return iso
  }
  const signaaldatum = date('signaaldatum', 'De signaaldatum', true)
  const ontstaansdatum = date('ontstaansdatum', 'De datum van ontstaan', false)
  const geboortedatum = date('geboortedatum', 'De geboortedatum', false)
  if (signaaldatum && signaaldatum > opts.today)
    bad('signaaldatum', 'De signaaldatum ligt in de toekomst.', 'toekomst')
  if (signaaldatum && ontstaansdatum && ontstaansdatum > signaaldatum)
    bad('ontstaansdatum', 'De achterstand kan niet ontstaan zijn na de signaaldatum.', 'volgorde')
  if (geboortedatum && geboortedatum > opts.today)
    bad('geboortedatum', 'De geboortedatum ligt in de toekomst.', 'toekomst')

  const flag = (f: IntakeField, label: string): boolean => {
    const raw = get(f)
    const b = parseYesNo(raw)
    if (b === null) bad(f, `${label}: "${raw}" is geen ja of nee.`)
    return b ?? false
  }
  const crisis = flag('crisis', 'Crisissignaal')
  const warmeOverdracht = flag('warmeOverdracht', 'Warme overdracht')

  let achternaam = get('achternaam')
  let tussenvoegsel = get('tussenvoegsel')
  if (!achternaam) bad('achternaam', 'De achternaam ontbreekt.', 'ontbreekt')
  else if (!tussenvoegsel) {
    // "Berg, van der", the way registers sort
    const m = /^([^,]+),\s*(.+)$/.exec(achternaam)
    if (m && splitPrefix(`${m[2]} X`).prefix.toLowerCase() === m[2]!.trim().toLowerCase())
      achternaam = `${m[2]!.trim()} ${m[1]!.trim()}`
    const split = splitPrefix(achternaam)
    achternaam = split.surname
    tussenvoegsel = split.prefix
  }
  if (achternaam.length > 100) bad('achternaam', 'De achternaam is te lang.', 'te-lang')

  let straat = get('straat')
  let hnRaw = get('huisnummer')
  // "Kerkstraat 12a" in one address column
  if (!hnRaw && straat) {
    const m = /^(.*\D)\s+(\d{1,5}\s*[-\s]?\s*\S{0,6})$/.exec(straat)
    if (m) {
      straat = m[1]!.trim()
      hnRaw = m[2]!
    }
  }
  if (!straat) bad('straat', 'De straat ontbreekt.', 'ontbreekt')
  let huisnummer = 0
  let toevoeging = get('toevoeging')
  if (!hnRaw) bad('huisnummer', 'Het huisnummer ontbreekt.', 'ontbreekt')
  else {
    const hn = parseHouseNumber(hnRaw)
    if (!hn) bad('huisnummer', `"${hnRaw}" is geen huisnummer.`)
    else {
      huisnummer = hn.number
      toevoeging = toevoeging || hn.addition
    }
  }
  if (toevoeging.length > 10) bad('toevoeging', 'De toevoeging is te lang.', 'te-lang')

  const pcRaw = get('postcode')
  let postcode = ''
  if (!pcRaw) bad('postcode', 'Geen postcode.', 'ontbreekt')
  else {
    const pc = normalizePostcode(pcRaw)
    if (!pc) bad('postcode', `"${pcRaw}" is geen Nederlandse postcode (bijvoorbeeld 6041 AB).`)
    else postcode = pc
  }

  const tel = phone(get('telefoon'))
  if (tel && !isValidPhone(tel)) bad('telefoon', `"${tel}" is geen telefoonnummer.`)
  const email = get('email')
  if (email && !isValidEmail(email)) bad('email', `"${email}" is geen e-mailadres.`)
  const bsn = get('bsn')
  if (bsn && !isValidBsn(bsn)) bad('bsn', 'Het BSN klopt niet (de elfproef faalt).')

  if (problems.length > 0 || !partnerType || !signaaldatum) return { ok: false, problems }
  return {
    ok: true,
    row: {
      externId,
      partnerType,
      partnerNaam: get('partnerNaam').slice(0, 120),
      bedragCents,
      ontstaansdatum,
      signaaldatum,
      crisis,
      warmeOverdracht,
      voorletters: get('voorletters').slice(0, 20),
      tussenvoegsel: tussenvoegsel.slice(0, 20),
      achternaam,
      geboortedatum,
      telefoon: tel,
      email,
      bsn,
      straat: straat.slice(0, 120),
      huisnummer,
      toevoeging,
      postcode,
      plaats: (get('plaats') || opts.plaats).slice(0, 80),
    },
  }
}
