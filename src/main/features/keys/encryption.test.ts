import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, DATABASE_FILE, type App } from '../../app/create-app'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { applyKey, CIPHER, isPlainSqliteFile, migrateToLatest, openDatabase } from '../../db/database'
import { fixedClock } from '../../lib/clock'
import { ROERMOND_SETUP, signal } from '../../test/fixtures'
import { BACKUP_FOLDER, checkIntegrity, createBackup, listBackups } from '../backup/service'
import { DEV_KEY_FILE, DEV_KEY_WARNING, devKeyStore, KEY_ENV } from './dev-key'
import { DatabaseKeyError, fileKeyStore, generateKey, KEY_CHECK_FILE, keyCheckMatches } from './key'
import { cipherOf, opensWith, rotateKey, settleKey, upgradeCipher } from './service'

const dirs: string[] = []
function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'lange-adem-crypto-'))
  dirs.push(d)
  return d
}
const apps: App[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close().catch(() => {})
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const SURNAME = 'Vlierbroekhuizen'
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex')

async function appWithResident(dataDir: string, key: string) {
  const clock = fixedClock('2026-11-10T09:00:00.000Z')
  const app = await createApp({ dataDir, key, clock })
  apps.push(app)
  const session = { userId: null as number | null }
  const call = async (method: string, input: unknown) => {
    const res = await app.dispatcher.call(session, method, input)
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`)
    return res.value as never
  }
  await call('setup.complete', ROERMOND_SETUP)
  const team: { id: number; naam: string }[] = await call('session.team', {})
  session.userId = team.find((m) => m.naam === 'Anouk Peeters')!.id
  await call('signals.createManual', signal({ achternaam: SURNAME }))
  return { app, clock, call, session }
}

/** Every file in the folder (database, WAL, backups, anything else), as raw bytes. */
function allFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const f = join(dir, name)
    if (statSync(f).isDirectory()) out.push(...allFiles(f))
    else out.push(f)
  }
  return out
}

describe('encryption at rest', () => {
  it('leaves no SQLite header and no personal data in the database, its WAL or its backups', async () => {
    const dir = tempDir()
    const key = generateKey()
    const { app, clock } = await appWithResident(dir, key)
    const file = join(dir, DATABASE_FILE)
    // The resident is in the WAL now (not yet checkpointed): that file must be unreadable too.
    expect(existsSync(`${file}-wal`)).toBe(true)
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
    const backup = await createBackup(app.database.raw, dir, clock.now(), { key })
    const files = allFiles(dir)
    expect(files).toContain(`${file}-wal`)
    expect(files).toContain(backup.file)
    for (const f of files) {
      const bytes = readFileSync(f)
      expect(bytes.includes(Buffer.from('SQLite format 3')), f).toBe(false)
      expect(bytes.includes(Buffer.from(SURNAME)), f).toBe(false)
      expect(bytes.includes(Buffer.from(SURNAME, 'utf16le')), f).toBe(false)
      expect(bytes.includes(Buffer.from('Roermond')), f).toBe(false)
    }
    // ...while with the key the data are all there.
    const rows = app.database.raw.prepare('select achternaam from resident').pluck().all()
    expect(rows).toContain(SURNAME)
    const copy = openDatabase(backup.file, key)
    expect(copy.raw.prepare('select achternaam from resident').pluck().all()).toContain(SURNAME)
    await copy.close()
  })

  it('refuses a wrong key with a Dutch message and leaves the files untouched', async () => {
    const dir = tempDir()
    const key = generateKey()
    const { app } = await appWithResident(dir, key)
    await app.close()
    apps.length = 0
    const file = join(dir, DATABASE_FILE)
    const before = sha(file)
    const err = await createApp({ dataDir: dir, key: generateKey() }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseKeyError)
    expect((err as Error).message).toMatch(/De sleutel past niet bij de gegevens/)
    expect(sha(file)).toBe(before)
    // Without the fingerprint SQLite itself still refuses: the file cannot be read.
    expect(opensWith(file, generateKey())).toBe(false)
    expect(opensWith(file, null)).toBe(false)
    expect(opensWith(file, key)).toBe(true)
  })

  it('encrypts a database from before encryption once, backups included, keeping every row', async () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE)
    // An earlier version: plain SQLite, WAL mode, with a plain backup beside it.
    const plain = openDatabase(file, null)
    await migrateToLatest(plain.db)
    plain.raw
      .prepare("insert into app_user (naam, rol, created_at) values (?, 'beheerder', '2026-01-01')")
      .run(SURNAME)
    mkdirBackups(dir)
    plain.raw
      .prepare('VACUUM INTO ?')
      .run(join(dir, BACKUP_FOLDER, 'lange-adem-2026-11-01T09-00-00-000Z.sqlite'))
    await plain.close()
    expect(isPlainSqliteFile(file)).toBe(true)

    const key = generateKey()
    const app = await createApp({ dataDir: dir, key })
    apps.push(app)
    expect(app.database.raw.prepare('select naam from app_user').pluck().all()).toEqual([SURNAME])
    expect(isPlainSqliteFile(file)).toBe(false)
    expect(keyCheckMatches(dir, key)).toBe(true)
    const [b] = listBackups(dir)
    expect(isPlainSqliteFile(b!.file)).toBe(false)
    expect(checkIntegrity(b!.file, key)).toEqual({ ok: true })
    // No plain copy is left behind anywhere in the folder.
    for (const f of allFiles(dir)) expect(readFileSync(f).includes(Buffer.from(SURNAME)), f).toBe(false)
    expect(readdirSync(dir).filter((n) => n.includes('plain') || n.endsWith('.rekey'))).toEqual([])
  })

  it('refuses a damaged plain database from an earlier version without touching it', async () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE)
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 0x5a)]))
    const before = sha(file)
    await expect(createApp({ dataDir: dir, key: generateKey() })).rejects.toThrow(/beschadigd/)
    expect(sha(file)).toBe(before)
  })

  it('rotates the key: the database and every backup open with the new key only', async () => {
    const dir = tempDir()
    const store = fileKeyStore(join(dir, DEV_KEY_FILE), 'test')
    const oldKey = settleKey(store, dir, join(dir, DATABASE_FILE))
    const { app, clock } = await appWithResident(dir, oldKey)
    await createBackup(app.database.raw, dir, clock.now(), { key: oldKey })
    clock.advanceDays(1)
    await createBackup(app.database.raw, dir, clock.now(), { key: oldKey })
    // Refused while the database is in use.
    expect(() => rotateKey(dir, join(dir, DATABASE_FILE), store)).toThrow(/Sluit Lange Adem eerst af/)
    expect(store.load()).toBe(oldKey)
    await app.close()
    apps.length = 0

    const result = rotateKey(dir, join(dir, DATABASE_FILE), store)
    expect(result.backups).toBe(2)
    const newKey = store.load()!
    expect(newKey).not.toBe(oldKey)
    expect(store.loadNext()).toBeNull()
    expect(keyCheckMatches(dir, newKey)).toBe(true)
    for (const f of [join(dir, DATABASE_FILE), ...listBackups(dir).map((b) => b.file)]) {
      expect(opensWith(f, oldKey), f).toBe(false)
      expect(checkIntegrity(f, newKey), f).toEqual({ ok: true })
    }
    const again = await createApp({ dataDir: dir, key: newKey })
    apps.push(again)
    expect(again.database.raw.prepare('select achternaam from resident').pluck().all()).toContain(SURNAME)
    await expect(createApp({ dataDir: dir, key: oldKey })).rejects.toThrow(/sleutel past niet/)
  })

  it('finishes a rotation that stopped after the new key was stored', async () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE)
    const store = fileKeyStore(join(dir, DEV_KEY_FILE), 'test')
    const oldKey = settleKey(store, dir, file)
    const { app, clock } = await appWithResident(dir, oldKey)
    await createBackup(app.database.raw, dir, clock.now(), { key: oldKey })
    await app.close()
    apps.length = 0
    // A crash right after the new key was saved: nothing is re-encrypted yet.
    const next = generateKey()
    store.saveNext(next)
    const key = settleKey(store, dir, file)
    expect(key).toBe(next)
    expect(checkIntegrity(file, next)).toEqual({ ok: true })
    expect(checkIntegrity(listBackups(dir)[0]!.file, next)).toEqual({ ok: true })
  })

  it('moves a database written with ChaCha20 to AEGIS once; older backups keep opening', async () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE)
    const key = generateKey()
    const { app, clock } = await appWithResident(dir, key)
    await createBackup(app.database.raw, dir, clock.now(), { key })
    await app.close()
    apps.length = 0
    const backup = listBackups(dir)[0]!.file
    expect(cipherOf(file, key)).toBe(CIPHER)
    expect(cipherOf(backup, key)).toBe(CIPHER)
    // What the versions before 2026-11-26 wrote: both files in ChaCha20-Poly1305
    for (const f of [file, backup]) {
      const db = new BetterSqlite3(f)
      applyKey(db, key)
      db.pragma('journal_mode = DELETE')
      db.pragma("cipher='chacha20'")
      db.pragma(`hexrekey='${key}'`)
      db.close()
    }
    expect(cipherOf(file, key)).toBe('chacha20')
    expect(cipherOf(backup, key)).toBe('chacha20')

    const again = await createApp({ dataDir: dir, key })
    apps.push(again)
    expect(again.database.raw.prepare('select achternaam from resident').pluck().all()).toContain(SURNAME)
    expect(cipherOf(file, key)).toBe(CIPHER)
    expect(upgradeCipher(file, key)).toBe(false)
    // The backup is left as it was, and still checks out with the same key
    expect(cipherOf(backup, key)).toBe('chacha20')
    expect(checkIntegrity(backup, key)).toEqual({ ok: true })
    expect(opensWith(backup, generateKey())).toBe(false)
    expect(readdirSync(dir).filter((n) => n.endsWith('.rekey'))).toEqual([])
    for (const f of allFiles(dir)) expect(readFileSync(f).includes(Buffer.from(SURNAME)), f).toBe(false)
  })

  it('refuses to invent a key for encrypted data whose key is gone', async () => {
    const dir = tempDir()
    const file = join(dir, DATABASE_FILE)
    const { app } = await appWithResident(dir, generateKey())
    await app.close()
    apps.length = 0
    const before = sha(file)
    const store = fileKeyStore(join(dir, DEV_KEY_FILE), join(dir, DEV_KEY_FILE))
    expect(() => settleKey(store, dir, file)).toThrow(/versleuteld, maar de sleutel ontbreekt/)
    expect(existsSync(join(dir, DEV_KEY_FILE))).toBe(false)
    expect(sha(file)).toBe(before)
  })
})

describe('the development key (browser mode and command line)', () => {
  it('takes LANGE_ADEM_DB_KEY, else --key-file, else a 0600 file in the data folder with a warning', () => {
    const dir = tempDir()
    const key = generateKey()
    expect(devKeyStore(undefined, { [KEY_ENV]: key.toUpperCase() }, dir)).toMatchObject({ warning: null })
    expect(devKeyStore(undefined, { [KEY_ENV]: key }, dir).store.load()).toBe(key)
    expect(() => devKeyStore(undefined, { [KEY_ENV]: 'geheim' }, dir)).toThrow(/geen geldige sleutel/)

    const keyFile = join(tempDir(), 'sleutel.txt')
    writeFileSync(keyFile, `${key}\n`)
    const fromFile = devKeyStore(keyFile, {}, dir)
    expect(fromFile.warning).toBeNull()
    expect(fromFile.store.load()).toBe(key)
    expect(() => devKeyStore(join(dir, 'nergens'), {}, dir)).toThrow(/bestaat niet/)

    const dev = devKeyStore(undefined, {}, dir)
    expect(dev.warning).toBe(DEV_KEY_WARNING.replace('{file}', join(dir, DEV_KEY_FILE)))
    const made = settleKey(dev.store, dir, join(dir, DATABASE_FILE))
    expect(made).toMatch(/^[0-9a-f]{64}$/)
    expect(statSync(join(dir, DEV_KEY_FILE)).mode & 0o777).toBe(0o600)
    expect(settleKey(devKeyStore(undefined, {}, dir).store, dir, join(dir, DATABASE_FILE))).toBe(made)
    expect(existsSync(join(dir, KEY_CHECK_FILE))).toBe(false)
  })
})

function mkdirBackups(dir: string) {
  mkdirSync(join(dir, BACKUP_FOLDER), { recursive: true })
}
