import ExcelJS from 'exceljs'
import type { MethodName } from '@shared/api'
import { mayCall } from '@shared/api/permissions'
import type { Rol } from '@shared/domain/case'
import { textSamples } from '../../test/text-samples'
import { callOk, callRaw, send, sendRaw, uploadRaw, type Answer, type Target } from './client'
import { hostileFiles, randomFiles, type HostileFile } from './files'
import { accessProbes, bodyProbes, garbageProbes, protocolProbes, textProbes, type Probe } from './requests'
import { httpWorld } from './world'

/**
 * A fuzz run against a running browser-mode server: thousands of hostile requests and files,
 * each answer judged. "Clear" means what a person or a page can act on: a JSON answer with a
 * Dutch message in a known code, or an HTTP refusal with a Dutch text; a malformed request that
 * Node's own HTTP parser refuses (400, 414, 431 without a body) is counted apart, as no browser
 * sends one. Unclear: no answer (a reset, a hang), an 'internal' error, an English or empty
 * message, or anything else.
 */

export type Verdict = 'answered' | 'refused' | 'http-level' | 'unclear' | '5xx'

export interface Tally {
  sent: number
  answered: number
  refused: number
  httpLevel: number
  unclear: number
  fiveXX: number
}

export interface FuzzFigures {
  requests: number
  perCategory: Record<string, Tally>
  fiveXX: number
  unclear: number
  httpLevel: number
  crashes: number
  hangs: number
  falseLogboekAlarms: number
  formulaCellsInExports: number
  files: { label: string; outcome: string }[]
  examples: string[]
}

const ENGLISH =
  /\b(Invalid|Expected|Unrecognized|Required|undefined|null is|NaN)\b|\[object|TypeError|RangeError|SyntaxError|Error:|Cannot |at \S+\.js/
const SAFE_CODES = new Set(['validation', 'not_found', 'conflict', 'forbidden', 'not_signed_in', 'locked'])

export const isDutchMessage = (m: unknown) => typeof m === 'string' && m.trim().length > 0 && !ENGLISH.test(m)

interface ApiAnswer {
  ok?: boolean
  error?: { code?: string; message?: string }
}

function parseAnswer(body: string): ApiAnswer | null {
  try {
    const v = JSON.parse(body) as unknown
    return v && typeof v === 'object' ? (v as ApiAnswer) : null
  } catch {
    return null
  }
}

/** What an answer amounts to, and why when it is not clear. */
export function judge(a: Answer, head = false): { verdict: Verdict; why?: string } {
  if (a.status === null) return { verdict: 'unclear', why: `no answer (${a.error})` }
  if (a.status >= 500) return { verdict: '5xx', why: `${a.status} ${a.body.slice(0, 80)}` }
  if (a.status === 204 || head) return { verdict: a.status < 300 ? 'answered' : 'refused' }
  const parsed = parseAnswer(a.body)
  if (a.status === 200) {
    if (!parsed || parsed.ok !== false) return { verdict: 'answered' }
    const code = parsed.error?.code ?? ''
    if (!SAFE_CODES.has(code)) return { verdict: 'unclear', why: `code ${code}: ${parsed.error?.message}` }
    return isDutchMessage(parsed.error?.message)
      ? { verdict: 'refused' }
      : { verdict: 'unclear', why: `message "${parsed.error?.message}"` }
  }
  if (a.status >= 400) {
    if (a.body === '' && [400, 413, 414, 431, 505].includes(a.status)) return { verdict: 'http-level' }
    const message = parsed?.error?.message ?? a.body
    return isDutchMessage(message)
      ? { verdict: 'refused' }
      : { verdict: 'unclear', why: `${a.status} "${message.slice(0, 80)}"` }
  }
  return { verdict: 'unclear', why: `status ${a.status}` }
}

const CALLERS: [Rol, string][] = [
  ['kwaliteitsmedewerker', 'Fatima El Idrissi'],
  ['beheerder', 'Bert Smeets'],
  ['consulent', 'Anouk Peeters'],
]
const callerOf = (m: MethodName) => CALLERS.find(([rol]) => mayCall(m, rol))?.[1] ?? 'Fatima El Idrissi'

export interface FuzzOptions {
  target: Target
  /** Whether the server process still runs. */
  alive(): boolean
  seed?: number
  /** Hostile inputs per method (garbage) and per method that takes text (hostile text). */
  perMethod?: number
  randomFileCount?: number
  log?(line: string): void
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzFigures> {
  const { target } = o
  const seed = o.seed ?? 14
  const perMethod = o.perMethod ?? 12
  const log = o.log ?? (() => {})
  const host = new URL(target.origin).host
  const figures: FuzzFigures = {
    requests: 0,
    perCategory: {},
    fiveXX: 0,
    unclear: 0,
    httpLevel: 0,
    crashes: 0,
    hangs: 0,
    falseLogboekAlarms: 0,
    formulaCellsInExports: 0,
    files: [],
    examples: [],
  }
  const tally = (category: string, a: Answer, label: string, head = false) => {
    const t = (figures.perCategory[category] ??= {
      sent: 0,
      answered: 0,
      refused: 0,
      httpLevel: 0,
      unclear: 0,
      fiveXX: 0,
    })
    const { verdict, why } = judge(a, head)
    figures.requests++
    t.sent++
    if (verdict === 'answered') t.answered++
    else if (verdict === 'refused') t.refused++
    else if (verdict === 'http-level') {
      t.httpLevel++
      figures.httpLevel++
    } else if (verdict === '5xx') {
      t.fiveXX++
      figures.fiveXX++
    } else {
      t.unclear++
      figures.unclear++
    }
    if (why && figures.examples.length < 25) figures.examples.push(`${category} / ${label}: ${why}`)
    return verdict
  }

  log('building the world over HTTP...')
  const world = await httpWorld(target)
  let signedIn = 'Fatima El Idrissi'
  const samples = await textSamples(world)
  // Changing one's own password with hostile text could lock the run out of its own session.
  delete samples['session.changePassword']
  const probes: Probe[] = [
    ...protocolProbes(host, target.token),
    ...accessProbes(host, target.token, seed),
    ...bodyProbes(target.token),
    ...garbageProbes(target.token, perMethod, seed),
    ...textProbes(target.token, samples, perMethod + 3, seed),
  ]
  // One caller at a time; session methods last within each, since they may sign the session out.
  const order = (p: Probe) =>
    p.method ? `${callerOf(p.method)}|${p.method.startsWith('session.') ? 1 : 0}` : ''
  probes.sort((a, b) => order(a).localeCompare(order(b)))
  let mayBeSignedOut = false

  const ensureSignedIn = async (naam: string) => {
    if (naam === signedIn && !mayBeSignedOut) return
    if (naam === signedIn) {
      const probe = JSON.parse((await callRaw(target, 'settings.get', {})).body) as { ok: boolean }
      mayBeSignedOut = false
      if (probe.ok) return
    }
    await world.signInAs(naam)
    signedIn = naam
  }

  log(`${probes.length} hostile requests...`)
  for (const [i, p] of probes.entries()) {
    if (p.method) await ensureSignedIn(callerOf(p.method))
    const a = p.raw !== undefined ? await sendRaw(target, p.raw) : await send(target, p.http!)
    tally(p.category, a, p.label, p.http?.method === 'HEAD')
    if (p.method?.startsWith('session.') || p.method?.startsWith('setup.')) mayBeSignedOut = true
    if (i % 100 === 99 && !(await healthy(o))) figures.hangs++
    if (!o.alive()) {
      figures.crashes++
      log(`the server stopped after request ${i + 1}`)
      return figures
    }
  }

  log('hostile files...')
  await ensureSignedIn('Fatima El Idrissi')
  for (const f of [...(await hostileFiles()), ...randomFiles(o.randomFileCount ?? 100, seed)]) {
    figures.files.push({ label: f.label, outcome: await importFile(target, f, tally) })
    if (!o.alive()) {
      figures.crashes++
      return figures
    }
  }

  // The logboek after all of it: a false alarm is the chain reported broken without tampering.
  await ensureSignedIn('Bert Smeets')
  const verdict = await callOk(target, 'audit.verify', {})
  if (!verdict.ok) figures.falseLogboekAlarms++
  await ensureSignedIn('Fatima El Idrissi')
  figures.formulaCellsInExports = await formulaCells(target)
  return figures
}

async function healthy(o: FuzzOptions): Promise<boolean> {
  const a = await callRaw(o.target, 'app.status', {})
  return a.status === 200
}

/** Analyse, preview and commit as the import screen does; the outcome in words for the report. */
async function importFile(
  target: Target,
  f: HostileFile,
  tally: (category: string, a: Answer, label: string) => Verdict,
): Promise<string> {
  const step = async (method: MethodName, input: unknown) => {
    const a =
      method === 'intake.upload'
        ? await uploadRaw(target, f.fileName, f.bytes)
        : await callRaw(target, method, input)
    tally('file', a, `${f.label}: ${method}`)
    try {
      return JSON.parse(a.body) as {
        ok: boolean
        value?: Record<string, unknown>
        error?: { message: string }
      }
    } catch {
      return { ok: false, error: { message: a.error ?? `HTTP ${a.status}` } }
    }
  }
  const uploaded = await step('intake.upload', null)
  if (!uploaded.ok) return `refused: ${uploaded.error?.message}`
  const file = { uploadId: (uploaded.value as { uploadId: string }).uploadId }
  const analysed = await step('intake.analyse', file)
  if (!analysed.ok) return `refused: ${analysed.error?.message}`
  const v = analysed.value as { mapping: unknown; unplaced: string[] }
  if (v.unplaced.length) return `read; columns missing: ${v.unplaced.join(', ')}`
  const preview = await step('intake.preview', { ...file, mapping: v.mapping, bron: 'Fuzz' })
  if (!preview.ok) return `preview refused: ${preview.error?.message}`
  const done = await step('intake.commit', { ...file, mapping: v.mapping, bron: 'Fuzz' })
  if (!done.ok) return `commit refused: ${done.error?.message}`
  const s = done.value as { nieuw: number; problemen: number; eerderIngelezen: number }
  return `imported: ${s.nieuw} new, ${s.problemen} to check, ${s.eerderIngelezen} before`
}

/** Cells of the partner feedback (CSV and Excel) that a spreadsheet would run as a formula. */
async function formulaCells(target: Target): Promise<number> {
  const period = { van: '01-01-2020', tot: '31-12-2030' }
  const csv = await callOk(target, 'monitor.feedback', { ...period, formaat: 'csv' })
  const text = Buffer.from(csv.base64, 'base64').toString('utf8')
  let n = 0
  for (const line of text.split('\r\n').slice(1))
    for (const field of line.split(';')) if (/^"?[=+\-@\t\r]/.test(field)) n++
  const xlsx = await callOk(target, 'monitor.feedback', { ...period, formaat: 'xlsx' })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
  for (const ws of wb.worksheets)
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (typeof c.value === 'string' && /^[=+\-@\t\r]/.test(c.value)) n++
        if (c.formula) n++
      }),
    )
  return n
}
