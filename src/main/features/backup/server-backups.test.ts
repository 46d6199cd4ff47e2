import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackupCheck, BackupOverview, BackupRow } from '@shared/api/backup'
import { createSession, type Session } from '../../app/context'
import { createApp, type App } from '../../app/create-app'
import { fixedClock } from '../../lib/clock'
import { verifyExportFile } from '../../db/export/export'
import { ROERMOND_SETUP, signal, TEST_PASSWORD_PARAMS } from '../../test/fixtures'
import { freshTestDatabase, testStoreIsPostgres } from '../../test/postgres'
import { startBackgroundWork } from '../../server/background'
import { DatabaseKeyError, generateKey } from '../keys/key'
import { EXPORT_RESTORE_BY_IT } from './handlers'
import { backupDue, checkIntegrity } from './service'
import { EXPORT_SUFFIX, listExportBackups } from './export-backup'

/**
 * The team server's backups on the store under test (issue 19): on SQLite copies of the file, on
 * PostgreSQL (`npm run test:pg`) encrypted exports in the data folder under the server's key. Both
 * are made by the background work when due, by the beheerder's "make one now", listed, checked
 * again, and rotated; on PostgreSQL the screen's restore is refused (IT restores an export with
 * the command line, cli/import-export.test.ts).
 */
const pg = testStoreIsPostgres()
const dirs: string[] = []
const apps: App[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close().catch(() => {})
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function serverApp(opts: { dir?: string; database?: string; key?: string } = {}) {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'lange-adem-server-backups-'))
  if (!opts.dir) dirs.push(dir)
  const key = opts.key ?? generateKey()
  const clock = fixedClock('2026-11-10T09:00:00.000Z')
  const database = pg ? (opts.database ?? (await freshTestDatabase())) : undefined
  const app = await createApp({
    dataDir: dir,
    key,
    clock,
    passwordParams: TEST_PASSWORD_PARAMS,
    ...(database ? { database, postgres: { poolSize: 4, idleTimeoutMillis: 200 } } : {}),
  })
  apps.push(app)
  const session: Session = createSession()
  const raw = (method: string, input: unknown) => app.dispatcher.call(session, method, input)
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await raw(method, input)
    if (!res.ok) throw new Error(res.error.message)
    return res.value as T
  }
  return { dir, key, clock, app, session, raw, call, database }
}

async function setUp(t: Awaited<ReturnType<typeof serverApp>>) {
  await t.call('setup.complete', ROERMOND_SETUP)
  const team = await t.call<{ id: number; naam: string }[]>('session.team', {})
  return (naam: string) => {
    Object.assign(t.session, createSession(), { userId: team.find((m) => m.naam === naam)!.id })
  }
}

/** The backup opens with the key and is whole: the export read back completely, or the file's integrity check. */
function verified(file: string, key: string): boolean {
  if (file.endsWith(EXPORT_SUFFIX)) {
    verifyExportFile(file, key)
    return true
  }
  return checkIntegrity(file, key).ok
}

describe(`the team server's backups (store under test: ${pg ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('are made by the background work when due, verified, listed for the beheerder and not made again the same day', async () => {
    const t = await serverApp()
    const as = await setUp(t)
    const log: string[] = []
    const background = await startBackgroundWork({ app: t.app, dataDir: t.dir, log: (l) => log.push(l) })
    background.stop()
    const suffix = pg ? EXPORT_SUFFIX : undefined
    expect(log.filter((l) => l.startsWith('Back-up gemaakt en gecontroleerd'))).toHaveLength(1)
    expect(backupDue(t.dir, t.clock.now(), 20, suffix)).toBe(false)

    as('Bert Smeets')
    const list = await t.call<BackupOverview>('backup.list', {})
    expect(list.vorm).toBe(pg ? 'export' : 'bestand')
    expect(list.beschikbaar).toBe(true)
    expect(list.backups).toHaveLength(1)
    expect(list.backups[0]!.naam.endsWith(pg ? '.export' : '.sqlite')).toBe(true)
    expect(verified(join(t.dir, 'backups', list.backups[0]!.naam), t.key)).toBe(true)
    // The export holds the team as it was set up; it is encrypted (no name readable in it).
    const bytes = readFileSync(join(t.dir, 'backups', list.backups[0]!.naam))
    expect(bytes.includes(Buffer.from('Bert Smeets', 'utf8'))).toBe(false)

    // A day later it is due again.
    t.clock.advanceDays(1)
    expect(backupDue(t.dir, t.clock.now(), 20, suffix)).toBe(true)
    const again = await startBackgroundWork({ app: t.app, dataDir: t.dir, log: (l) => log.push(l) })
    again.stop()
    as('Bert Smeets')
    expect((await t.call<BackupOverview>('backup.list', {})).backups).toHaveLength(2)
  })

  it('are made now by the beheerder (in the logboek), checked again on request, and a damaged one is named', async () => {
    const t = await serverApp()
    const as = await setUp(t)
    as('Anouk Peeters')
    await t.call('signals.createManual', signal({ achternaam: 'Voor de back-up' }))
    as('Bert Smeets')
    const made = await t.call<BackupRow>('backup.create', {})
    expect(made).toMatchObject({
      soort: 'handmatig',
      gecontroleerd: true,
      gemaakt: '2026-11-10T09:00:00.000Z',
    })
    expect(made.naam.endsWith(pg ? '.export' : '.sqlite')).toBe(true)
    const trail = await t.app.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', '=', 'back-up gemaakt')
      .execute()
    expect(trail).toEqual([{ action: 'back-up gemaakt', summary: `${made.naam}, gecontroleerd` }])

    expect(await t.call<BackupCheck>('backup.check', { naam: made.naam })).toEqual({
      naam: made.naam,
      ok: true,
      probleem: null,
    })
    const file = join(t.dir, 'backups', made.naam)
    const b = readFileSync(file)
    b[Math.floor(b.length / 2)]! ^= 0x01
    writeFileSync(file, b)
    const damaged = await t.call<BackupCheck>('backup.check', { naam: made.naam })
    expect(damaged.ok).toBe(false)
    expect(damaged.probleem).toBeTruthy()
  })

  it('on PostgreSQL: a restore from the screen is refused with what IT does instead; nothing changes', async () => {
    const t = await serverApp()
    const as = await setUp(t)
    as('Bert Smeets')
    const made = await t.call<BackupRow>('backup.create', {})
    as('Anouk Peeters')
    await t.call('signals.createManual', signal({ achternaam: 'Na de back-up' }))
    as('Bert Smeets')
    const res = await t.raw('backup.restore', { naam: made.naam })
    if (pg) {
      expect(res.ok).toBe(false)
      if (!res.ok) expect(res.error.message).toBe(EXPORT_RESTORE_BY_IT)
      const still = await t.app.database.db
        .selectFrom('resident')
        .select('achternaam')
        .where('achternaam', '=', 'Na de back-up')
        .execute()
      expect(still).toHaveLength(1)
      expect(listExportBackups(t.dir)).toHaveLength(1)
    } else {
      // On SQLite the screen puts the file back (handlers.test.ts tests it in full).
      expect(res.ok).toBe(true)
    }
  })

  it('refuses to start with another key than the one the folder’s backups were made with', async () => {
    const t = await serverApp()
    await setUp(t)
    await t.app.backupNow()
    await t.app.close()
    apps.splice(apps.indexOf(t.app), 1)
    await expect(serverApp({ dir: t.dir, ...(t.database ? { database: t.database } : {}) })).rejects.toThrow(
      DatabaseKeyError,
    )
    const back = await serverApp({ dir: t.dir, key: t.key, ...(t.database ? { database: t.database } : {}) })
    expect((await back.app.backupNow('handmatig'))!.name).toMatch(
      pg ? /\.handmatig\.export$/ : /\.handmatig\.sqlite$/,
    )
  })
})
