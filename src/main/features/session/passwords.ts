import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt's cost: N = 2^ln (CPU and memory), r (block size), p (parallel lanes). */
export interface ScryptParams {
  ln: number
  r: number
  p: number
}

/**
 * OWASP's recommendation for scrypt (N = 2^17, r = 8, p = 1: 128 MiB, a few hundred ms). The
 * parameters are stored with each hash, so raising them here re-hashes each password at its
 * owner's next sign-in.
 */
export const PASSWORD_PARAMS: ScryptParams = { ln: 17, r: 8, p: 1 }

const KEY_LENGTH = 32
const SALT_LENGTH = 16
const PREFIX = '$scrypt$'

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  const N = 2 ** params.ln
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      // scrypt needs 128 * N * r bytes; allow twice that.
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  )
}

/** "$scrypt$ln=17,r=8,p=1$<salt>$<hash>" (base64, no padding): everything needed to check it later. */
export async function hashPassword(
  password: string,
  params: ScryptParams = PASSWORD_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, params, KEY_LENGTH)
  return `${PREFIX}ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

interface Parsed {
  params: ScryptParams
  salt: Buffer
  key: Buffer
}

function parse(stored: string): Parsed | null {
  const m = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(
    stored,
  )
  if (!m) return null
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) }
  // Refuse absurd parameters from a tampered row rather than run out of memory.
  if (params.ln < 1 || params.ln > 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16)
    return null
  const key = Buffer.from(m[5]!, 'base64url')
  if (key.length !== KEY_LENGTH) return null
  return { params, salt: Buffer.from(m[4]!, 'base64url'), key }
}

/** True when the password matches the stored hash; compared in constant time. A broken hash never matches. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored ? parse(stored) : null
  if (!parsed) return false
  const key = await derive(password, parsed.salt, parsed.params, KEY_LENGTH)
  return timingSafeEqual(key, parsed.key)
}

/** A hash made with a lower cost than today's should be made again (at the next good sign-in). */
export function needsRehash(stored: string, params: ScryptParams = PASSWORD_PARAMS): boolean {
  const parsed = parse(stored)
  if (!parsed) return true
  const p = parsed.params
  return p.ln < params.ln || p.r < params.r || p.p < params.p
}

const dummies = new Map<string, Promise<string>>()

/**
 * Spends the same time as a real check, for a name without a (valid) password, so the answer's
 * timing does not tell which names have one.
 */
export async function verifyDummy(password: string, params: ScryptParams = PASSWORD_PARAMS): Promise<void> {
  const key = `${params.ln},${params.r},${params.p}`
  let dummy = dummies.get(key)
  if (!dummy) {
    dummy = hashPassword('dummy-password-never-valid', params)
    dummies.set(key, dummy)
  }
  await verifyPassword(password, await dummy)
}
