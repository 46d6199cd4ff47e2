import { describe, expect, it } from 'vitest'
import { wachtwoordProbleem } from '@shared/api/session'
import { hashPassword, needsRehash, PASSWORD_PARAMS, verifyPassword } from './passwords'

const CHEAP = { ln: 10, r: 8, p: 1 }

describe('password hashing (scrypt)', () => {
  it('stores algorithm, cost, salt and hash in one string, and checks it', async () => {
    const hash = await hashPassword('een lange zin om te onthouden', CHEAP)
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(await verifyPassword('een lange zin om te onthouden', hash)).toBe(true)
    expect(await verifyPassword('een lange zin om te onthoudeN', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts each hash: the same password twice gives two different strings, both valid', async () => {
    const a = await hashPassword('hetzelfde wachtwoord', CHEAP)
    const b = await hashPassword('hetzelfde wachtwoord', CHEAP)
    expect(a).not.toBe(b)
    expect(await verifyPassword('hetzelfde wachtwoord', a)).toBe(true)
    expect(await verifyPassword('hetzelfde wachtwoord', b)).toBe(true)
  })

  it('uses the production cost by default (N = 2^17, r = 8, p = 1) and asks for a re-hash of cheaper ones', async () => {
    expect(PASSWORD_PARAMS).toEqual({ ln: 17, r: 8, p: 1 })
    const strong = await hashPassword('sterk wachtwoord hier')
    expect(strong.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true)
    expect(await verifyPassword('sterk wachtwoord hier', strong)).toBe(true)
    expect(needsRehash(strong)).toBe(false)
    expect(needsRehash(await hashPassword('x'.repeat(12), CHEAP))).toBe(true)
  })

  it('never matches a missing, damaged or absurd hash', async () => {
    const hash = await hashPassword('geheim wachtwoord', CHEAP)
    expect(await verifyPassword('geheim wachtwoord', null)).toBe(false)
    expect(await verifyPassword('geheim wachtwoord', 'geheim wachtwoord')).toBe(false)
    expect(await verifyPassword('geheim wachtwoord', hash.slice(0, -4))).toBe(false)
    expect(await verifyPassword('geheim wachtwoord', hash.replace('ln=10', 'ln=30'))).toBe(false)
    // Another cost on the same salt and key: a different key comes out, so no match.
    expect(await verifyPassword('geheim wachtwoord', hash.replace('ln=10', 'ln=11'))).toBe(false)
  })
})

describe('password rules', () => {
  it.each([
    ['kort', /minstens 10 tekens/],
    ['wachtwoord123', /heel vaak gebruikt/],
    ['1234567890', /heel vaak gebruikt/],
    ['aaaaaaaaaaaa', /één en hetzelfde teken/],
    ['AnoukPeeters!', /eigen naam/],
    ['anouk-zomer-2026', /eigen naam/],
    ['zomer.peeters.26', /eigen naam/],
  ])('refuses "%s"', (pw, message) => {
    expect(wachtwoordProbleem(pw, 'Anouk Peeters')).toMatch(message)
  })

  it('accepts a long sentence, also one with a short word like a three-letter name in it', () => {
    expect(wachtwoordProbleem('de maas stroomt traag', 'Anouk Peeters')).toBeNull()
    expect(wachtwoordProbleem('semantiek is leuk!', 'Sem Janssen')).toBeNull()
  })
})
