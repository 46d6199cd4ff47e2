import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'

/**
 * The database key: 32 random bytes per data folder, written as 64 hex characters and handed to
 * SQLite (SQLite3 Multiple Ciphers, AEGIS-256; see CIPHER in db/database.ts) with `PRAGMA hexkey`. Business code only
 * ever receives the key as a parameter; where it is kept is the caller's business (the Electron
 * shell: the operating system's protection; development and tests: a file or an environment
 * variable).
 */

export const KEY_CHECK_FILE = 'lange-adem.keycheck'

/** A key problem with a Dutch message; the data are never touched when one is thrown. */
export class DatabaseKeyError extends Error {
  constructor(
    message: string,
    readonly kind: 'wrong' | 'missing' | 'invalid' | 'unavailable',
  ) {
    super(message)
    this.name = 'DatabaseKeyError'
  }
}

export function wrongKeyError(): DatabaseKeyError {
  return new DatabaseKeyError(
    'De sleutel past niet bij de gegevens in deze map. Lange Adem heeft niets gewijzigd. ' +
      'Gebruik de juiste sleutel; zonder die sleutel zijn de gegevens niet te lezen.',
    'wrong',
  )
}

export function generateKey(): string {
  return randomBytes(32).toString('hex')
}

export function isValidKey(key: string): boolean {
  return /^[0-9a-f]{64}$/.test(key)
}

/** Reads a key from text (a file, an environment variable): 64 hex characters, spaces ignored. */
export function parseKey(text: string, source: string): string {
  const key = text.replace(/\s+/g, '').toLowerCase()
  if (!isValidKey(key))
    throw new DatabaseKeyError(
      `De sleutel in ${source} is geen geldige sleutel (verwacht: 64 tekens 0-9 en a-f).`,
      'invalid',
    )
  return key
}

/**
 * A fingerprint of the key, kept beside the database: it tells a wrong key apart from a damaged
 * file without trying to read anything. An HMAC of a random 256-bit key reveals nothing of it.
 */
export function keyCheckValue(key: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update('Lange Adem sleutelcontrole 1').digest('hex')
}

export function writeKeyCheck(dataDir: string, key: string): void {
  writeFileAtomic(join(dataDir, KEY_CHECK_FILE), Buffer.from(keyCheckValue(key) + '\n'))
}

/** True or false when a fingerprint is kept; null when there is none (folders from before it existed). */
export function keyCheckMatches(dataDir: string, key: string): boolean | null {
  const file = join(dataDir, KEY_CHECK_FILE)
  if (!existsSync(file)) return null
  const stored = Buffer.from(readFileSync(file, 'utf8').trim())
  const expected = Buffer.from(keyCheckValue(key))
  return stored.length === expected.length && timingSafeEqual(stored, expected)
}

/** Writes a file so that a crash leaves either the old or the new content, readable by the owner only. */
export function writeFileAtomic(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`
  rmSync(tmp, { force: true })
  const fd = openSync(tmp, 'w', 0o600)
  try {
    writeSync(fd, data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, file)
}

/**
 * Where a key is kept. `next` holds the new key during a rotation: it is stored before the
 * database is re-encrypted, so a crash halfway never leaves data whose key was not saved.
 */
export interface KeyStore {
  /** Said in messages: where the key lives. */
  readonly description: string
  load(): string | null
  save(key: string): void
  loadNext(): string | null
  saveNext(key: string): void
  /** The next key becomes the key; the next slot is emptied. */
  promoteNext(): void
  discardNext(): void
}

/**
 * A key kept in a file; `seal`/`unseal` protect the bytes on disk (the Electron shell passes
 * the operating system's protection, development passes plain hex).
 */
export function fileKeyStore(
  file: string,
  description: string,
  codec: { seal(key: string): Buffer; unseal(data: Buffer): string } = {
    seal: (k) => Buffer.from(k + '\n'),
    unseal: (d) => d.toString('utf8'),
  },
): KeyStore {
  const nextFile = `${file}.next`
  const read = (f: string) => (existsSync(f) ? parseKey(codec.unseal(readFileSync(f)), description) : null)
  return {
    description,
    load: () => read(file),
    save: (key) => writeFileAtomic(file, codec.seal(key)),
    loadNext: () => read(nextFile),
    saveNext: (key) => writeFileAtomic(nextFile, codec.seal(key)),
    promoteNext: () => renameSync(nextFile, file),
    discardNext: () => rmSync(nextFile, { force: true }),
  }
}

/** A key given from outside (an environment variable): it can be read, never written. */
export function fixedKeyStore(key: string, description: string): KeyStore {
  const refuse = () => {
    throw new DatabaseKeyError(
      `De sleutel komt uit ${description} en kan daar niet worden bijgewerkt. Gebruik --key-file.`,
      'unavailable',
    )
  }
  return {
    description,
    load: () => key,
    save: refuse,
    loadNext: () => null,
    saveNext: refuse,
    promoteNext: refuse,
    discardNext: () => {},
  }
}
