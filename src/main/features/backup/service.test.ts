import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, DATABASE_FILE } from '../../app/create-app'
import { fixedClock } from '../../lib/clock'
import { ROERMOND_SETUP } from '../../test/fixtures'
import {
  backupDue,
  checkIntegrity,
  createBackup,
  DatabaseDamagedError,
  latestGoodBackup,
  listBackups,
  restoreBackup,
} from './service'
import { generateKey } from '../keys/key'

const dirs: string[] = []
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'lange-adem-backup-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const KEY = generateKey()

async function appWithData(dataDir: string) {
  const clock = fixedClock('2026-11-10T09:00:00.000Z')
  const app = await createApp({ dataDir, clock, key: KEY })
  const session = { userId: null }
  const res = await app.dispatcher.call(session, 'setup.complete', ROERMOND_SETUP)
  expect(res.ok).toBe(true)
  return { app, clock }
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

function damage(file: string, offset: number) {
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, offset)
  closeSync(fd)
}

describe('backups', () => {
  it('writes a checked copy that holds the data, and keeps only the newest ones', async () => {
    const dir = tempDir()
    const { app, clock } = await appWithData(dir)
    const first = await createBackup(app.database.raw, dir, clock.now(), { key: KEY, keep: 3 })
    expect(checkIntegrity(first.file, KEY)).toEqual({ ok: true })
    expect(first.at).toBe('2026-11-10T09:00:00.000Z')
    for (let i = 0; i < 4; i++) {
      clock.advanceDays(1)
      await createBackup(app.database.raw, dir, clock.now(), { key: KEY, keep: 3 })
    }
    const kept = listBackups(dir)
    expect(kept).toHaveLength(3)
    expect(kept[0]!.at).toBe('2026-11-14T09:00:00.000Z')
    expect(backupDue(dir, clock.now())).toBe(false)
    clock.advanceDays(1)
    expect(backupDue(dir, clock.now())).toBe(true)
    await app.close()

    // The copy opens as a Lange Adem database with the team in it.
    const copy = await createApp({ dataDir: tempDir(), key: KEY })
    await copy.close()
    const restoredDir = tempDir()
    writeFileSync(join(restoredDir, DATABASE_FILE), readFileSync(kept[0]!.file))
    const restored = await createApp({ dataDir: restoredDir, key: KEY })
    const status = await restored.dispatcher.call({ userId: null }, 'app.status', {})
    expect(status).toMatchObject({ ok: true, value: { setupDone: true, gemeenteNaam: 'Roermond' } })
    await restored.close()
  })

  it('refuses to start on a damaged database, leaves it untouched and names the latest good backup', async () => {
    const dir = tempDir()
    const { app, clock } = await appWithData(dir)
    await createBackup(app.database.raw, dir, clock.now(), { key: KEY })
    app.database.raw.pragma('wal_checkpoint(TRUNCATE)')
    await app.close()
    const file = join(dir, DATABASE_FILE)
    damage(file, 8192)
    const before = sha(file)
    const err = await createApp({ dataDir: dir, key: KEY }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseDamagedError)
    expect((err as DatabaseDamagedError).message).toMatch(/beschadigd/)
    expect((err as DatabaseDamagedError).latestBackup?.at).toBe('2026-11-10T09:00:00.000Z')
    expect(sha(file)).toBe(before)
  })

  it('treats a file that is no database at all as damaged', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, DATABASE_FILE), 'dit is geen database, maar het is ook niet leeg')
    await expect(createApp({ dataDir: dir, key: KEY })).rejects.toBeInstanceOf(DatabaseDamagedError)
  })

  it('restores a backup by moving the damaged file aside, never deleting it', async () => {
    const dir = tempDir()
    const { app, clock } = await appWithData(dir)
    await createBackup(app.database.raw, dir, clock.now(), { key: KEY })
    app.database.raw.pragma('wal_checkpoint(TRUNCATE)')
    await app.close()
    const file = join(dir, DATABASE_FILE)
    damage(file, 0)
    const damagedHash = sha(file)
    const backup = latestGoodBackup(dir, KEY)!
    const aside = restoreBackup(dir, file, backup, '2026-11-11T08:00:00.000Z', KEY)!
    expect(sha(join(aside, 'lange-adem.sqlite'))).toBe(damagedHash)
    expect(existsSync(file)).toBe(true)
    const reopened = await createApp({ dataDir: dir, key: KEY })
    const status = await reopened.dispatcher.call({ userId: null }, 'app.status', {})
    expect(status).toMatchObject({ ok: true, value: { setupDone: true } })
    await reopened.close()
  })

  it('never restores a backup that is itself damaged', async () => {
    const dir = tempDir()
    const { app, clock } = await appWithData(dir)
    const b = await createBackup(app.database.raw, dir, clock.now(), { key: KEY })
    await app.close()
    damage(b.file, 0)
    expect(latestGoodBackup(dir, KEY)).toBeNull()
    expect(() => restoreBackup(dir, join(dir, DATABASE_FILE), b, clock.now(), KEY)).toThrow(/beschadigd/)
  })
})
