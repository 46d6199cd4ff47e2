import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { monitorSettingsInput } from '@shared/api/monitor'
import { createApp } from '../app/create-app'
import { createSession } from '../app/context'
import { fixedClock } from '../lib/clock'
import { KEY_ENV } from '../features/keys/dev-key'
import { generateKey } from '../features/keys/key'
import { ddasSchemaErrors } from '../features/monitor/ddas-schema'
import { getMonitorSettings, saveMonitorSettings } from '../features/monitor/service'
import { ORGANISATIE, settingsInput } from '../test/monitor-data'
import { run } from './export-ddas'

/**
 * The delivery as a functional administrator makes it from the command line, over two months of
 * the demo data (a month's intake and a year of closed cases, taken in up to 10-11-2026), in
 * both versions, on an encrypted data folder.
 */
const dir = mkdtempSync(join(tmpdir(), 'lange-adem-ddas-cli-'))
const key = generateKey()
const TWO_MONTHS = ['--from', '2026-09-11', '--to', '2026-11-10']
let surnames: string[] = []
let streets: string[] = []

beforeAll(async () => {
  const app = await createApp({ dataDir: dir, key, clock: fixedClock('2026-11-10T09:30:00.000Z') })
  try {
    const loaded = await app.dispatcher.call(createSession(), 'setup.loadDemo', {})
    expect(loaded.ok).toBe(true)
    const db = app.database.db
    const s = await getMonitorSettings(db)
    await saveMonitorSettings(
      db,
      { at: app.clock.now(), today: app.clock.today(), userId: null },
      monitorSettingsInput.parse(settingsInput(s, { organisatie: ORGANISATIE })),
    )
    surnames = (await db.selectFrom('resident').select('achternaam').distinct().execute()).map(
      (r) => r.achternaam,
    )
    streets = (await db.selectFrom('household').select('straat').distinct().execute()).map((r) => r.straat)
  } finally {
    await app.close()
  }
  vi.stubEnv(KEY_ENV, key)
}, 60_000)

afterAll(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

async function exportTo(name: string, ...extra: string[]) {
  const out = join(dir, name)
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    const code = await run([...TWO_MONTHS, '--out', out, '--data-dir', dir, ...extra])
    return { code, out, said: [...log.mock.calls, ...err.mock.calls].map((c) => String(c[0])).join('\n') }
  } finally {
    log.mockRestore()
    err.mockRestore()
  }
}

describe('npm run cli -- export-ddas', () => {
  it('delivers two months of the demo data in v1.2, valid, without names or streets', async () => {
    const { code, out, said } = await exportTo('levering.json')
    expect(code).toBe(0)
    const text = readFileSync(out, 'utf8')
    const json = JSON.parse(text)
    expect(ddasSchemaErrors(json, '1.2')).toEqual([])
    const lev = json.leveringen[0]
    expect(lev.vroegsignalen.length).toBeGreaterThan(250)
    expect(lev.vroegsignaalzaken.length).toBeGreaterThan(150)
    expect(new Set(lev.vroegsignalen.map((v: { status: string }) => v.status))).toContain('Opgepakt')
    expect(surnames.length).toBeGreaterThan(20)
    // The contact person in aanleverendeOrganisatie is a colleague, who may share a surname.
    const personal = JSON.stringify([lev.vroegsignalen, lev.vroegsignaalzaken])
    for (const word of surnames) expect(personal).not.toContain(word)
    for (const word of streets) expect(text).not.toContain(word)
    expect(said).toContain('DDAS-levering (versie 1.2)')
    expect(said).toContain('geen namen, straten of woonplaatsen')
  })

  it('delivers the same period in v0.9 on request, valid against v0.9, and says it holds names', async () => {
    const { code, out, said } = await exportTo('levering-v0.9.json', '--versie', '0.9')
    expect(code).toBe(0)
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(ddasSchemaErrors(json, '0.9')).toEqual([])
    expect(json.leveringen[0].vroegsignalen.length).toBeGreaterThan(250)
    expect(json.leveringen[0].vroegsignalen[0].client).toHaveProperty('Achternaam')
    expect(said).toContain('versie 0.9 bevat per signaal naam, adres')
  })

  it('refuses a version it does not know, and writes nothing', async () => {
    const { code, said } = await exportTo('nooit.json', '--versie', '1.0')
    expect(code).toBe(2)
    expect(said).toContain('Onbekende versie "1.0". Kies 1.2 of 0.9.')
  })
})
