import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackupOverview, BackupRow, RestoreResult } from '@shared/api/backup'
import { createSession, type Session } from '../../app/context'
import { createApp, type App } from '../../app/create-app'
import { fixedClock } from '../../lib/clock'
import { ROERMOND_SETUP, setUpTeam, signal, testApp } from '../../test/fixtures'
import { generateKey } from '../keys/key'
import { testStoreIsPostgres } from '../../test/postgres'
import { checkIntegrity, listBackups } from './service'

const dirs: string[] = []
const apps: App[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close().catch(() => {})
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function folderApp() {
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-restore-'))
  dirs.push(dir)
  const key = generateKey()
  const clock = fixedClock('2026-11-10T09:00:00.000Z')
  const app = await createApp({ dataDir: dir, key, clock })
  apps.push(app)
  const session: Session = createSession()
  const raw = (method: string, input: unknown) => app.dispatcher.call(session, method, input)
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await raw(method, input)
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`)
    return res.value as T
  }
  await call('setup.complete', ROERMOND_SETUP)
  const team = await call<{ id: number; naam: string }[]>('session.team', {})
  // Stands in for a sign-in (with passwords, tested in session/): a fresh session each time, so
  // the test clock's jumps do not count as idle time.
  const as = (naam: string) => {
    Object.assign(session, createSession(), { userId: team.find((m) => m.naam === naam)!.id })
  }
  return { dir, key, clock, app, session, raw, call, as }
}

const residents = (app: App) =>
  app.database.raw.prepare('select achternaam from resident order by achternaam').pluck().all()

describe('backups in the app (beheerder)', () => {
  it('restores a backup: later changes are gone, a safety backup keeps them, the app keeps working', async () => {
    const t = await folderApp()
    t.as('Anouk Peeters')
    await t.call('signals.createManual', signal({ achternaam: 'Voorafgaand' }))
    t.as('Bert Smeets')
    const made = await t.call<BackupRow>('backup.create', {})
    expect(made).toMatchObject({
      soort: 'handmatig',
      gecontroleerd: true,
      gemaakt: '2026-11-10T09:00:00.000Z',
    })
    expect(checkIntegrity(join(t.dir, 'backups', made.naam), t.key)).toEqual({ ok: true })

    t.clock.set('2026-11-10T15:00:00.000Z')
    t.as('Anouk Peeters')
    await t.call('signals.createManual', signal({ achternaam: 'Daarna', postcode: '6042 AB' }))
    expect(residents(t.app)).toEqual(['Daarna', 'Voorafgaand'])

    t.as('Bert Smeets')
    const result = await t.call<RestoreResult>('backup.restore', { naam: made.naam })
    expect(result.teruggezet.naam).toBe(made.naam)
    expect(result.veiligheidsBackup.soort).toBe('voor-terugzetten')
    // The same dispatcher, on the restored database.
    expect(residents(t.app)).toEqual(['Voorafgaand'])
    expect(await t.raw('caseload.list', {})).toMatchObject({ ok: true })
    const trail = t.app.database.raw
      .prepare("select action, summary, user_id from audit_log where entity_type = 'back-up' order by id")
      .all() as { action: string; summary: string; user_id: number | null }[]
    // "back-up gemaakt" was written after the copy was taken, so the restored database ends
    // with the restore itself.
    expect(trail.map((r) => r.action)).toEqual(['back-up teruggezet'])
    expect(trail[0]!.summary).toContain(result.veiligheidsBackup.naam)
    expect(trail[0]!.user_id).toBe(t.session.userId)

    // The safety backup holds the state just before: restoring it brings the later change back.
    const list = await t.call<BackupOverview>('backup.list', {})
    expect(list.backups.map((b) => b.soort)).toEqual(['voor-terugzetten', 'handmatig'])
    const back = await t.call<RestoreResult>('backup.restore', { naam: result.veiligheidsBackup.naam })
    expect(back.teruggezet.soort).toBe('voor-terugzetten')
    expect(residents(t.app)).toEqual(['Daarna', 'Voorafgaand'])

    // It survives a restart.
    await t.app.close()
    apps.length = 0
    const reopened = await createApp({ dataDir: t.dir, key: t.key })
    apps.push(reopened)
    expect(residents(reopened)).toEqual(['Daarna', 'Voorafgaand'])
    expect(listBackups(t.dir).length).toBe(3)
  })

  it('lets only the beheerder see, make or restore backups', async () => {
    const t = await folderApp()
    for (const naam of ['Anouk Peeters', 'Fatima El Idrissi']) {
      t.as(naam)
      for (const method of ['backup.list', 'backup.create', 'backup.restore', 'backup.check'])
        expect(
          await t.raw(method, { naam: 'lange-adem-2026-11-10T09-00-00-000Z.sqlite' }),
          `${naam} ${method}`,
        ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    t.as('Bert Smeets')
    expect(await t.raw('backup.restore', { naam: '../lange-adem.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    })
    expect(
      await t.raw('backup.restore', { naam: 'lange-adem-2020-01-01T00-00-00-000Z.sqlite' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('waits for running calls before a backup, and calls made meanwhile wait for it', async () => {
    const t = await folderApp()
    t.as('Bert Smeets')
    const results = await Promise.all([
      t.raw('backup.create', {}),
      t.raw('caseload.list', {}),
      t.raw('backup.create', {}).then(() => t.raw('backup.list', {})),
      t.raw('caseload.list', {}),
    ])
    expect(results.every((r) => r.ok)).toBe(true)
  })

  it('says there are no backups for an in-memory database', async () => {
    const t = await testApp()
    await setUpTeam(t, 'Bert Smeets')
    expect(await t.call('backup.list', {})).toEqual({
      backups: [],
      bewaard: 14,
      beschikbaar: false,
      vorm: testStoreIsPostgres() ? 'export' : 'bestand',
    })
    expect(await t.raw('backup.create', {})).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })
})
