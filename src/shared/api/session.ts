import { z } from 'zod'
import { method } from './define'
import type { Rol } from '../domain/case'
import { id } from './fields'

export interface TeamMember {
  id: number
  naam: string
  rol: Rol
}

/** The result of a sign-in: with a starting password, the user must choose their own first. */
export interface SignInResult extends TeamMember {
  moetWachtwoordKiezen: boolean
}

export const MIN_WACHTWOORD = 10
export const MAX_WACHTWOORD = 200

/** The rule as the user reads it, beside every field where a new password is chosen. */
export const WACHTWOORD_REGEL =
  'Kies een wachtwoord van minstens 10 tekens. Een zin van een paar woorden is goed te onthouden en moeilijk te raden. Gebruik niet je eigen naam.'

/** Passwords that are guessed first. Shorter ones are refused by the length rule already. */
const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  '0000000000',
  'qwertyuiop',
  'azertyuiop',
  'password123',
  'password1234',
  'passwordpassword',
  'wachtwoord',
  'wachtwoord1',
  'wachtwoord12',
  'wachtwoord123',
  'wachtwoord!',
  'welkom1234',
  'welkom12345',
  'welkomwelkom',
  'welkom2024',
  'welkom2025',
  'welkom2026',
  'zomer2025!',
  'lente2026!',
  'iloveyou12',
  'abcdefghij',
  'abc1234567',
  'qwerty1234',
  'qwerty123456',
  'langeadem1',
  'langeadem123',
  'lange-adem',
  'vroegsignalering',
  'gemeente123',
  'gemeente1234',
])

/** "Anouk Peeters" and "anouk.peeters!" both become "anoukpeeters". */
const letters = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')

/**
 * What is wrong with a new password for this user, in plain Dutch, or null when it is fine.
 * The same rules run in the screen (at once) and in main (always).
 */
export function wachtwoordProbleem(wachtwoord: string, naam: string): string | null {
  if (wachtwoord.length < MIN_WACHTWOORD)
    return `Het wachtwoord is te kort: gebruik minstens ${MIN_WACHTWOORD} tekens.`
  if (wachtwoord.length > MAX_WACHTWOORD)
    return `Het wachtwoord is te lang: hoogstens ${MAX_WACHTWOORD} tekens.`
  const plain = wachtwoord.toLowerCase()
  if (COMMON.has(plain) || COMMON.has(plain.replace(/\s+/g, '')))
    return 'Dit wachtwoord wordt heel vaak gebruikt en is makkelijk te raden. Kies een ander.'
  if (/^(.)\1+$/.test(wachtwoord))
    return 'Een wachtwoord van één en hetzelfde teken is te makkelijk te raden.'
  const pw = letters(wachtwoord)
  const whole = letters(naam)
  // The name itself, or one of its words of 4 letters or more ("Anouk", "Peeters").
  const parts = naam
    .split(/[\s-]+/)
    .map(letters)
    .filter((p) => p.length >= 4)
  if ((whole.length >= 3 && pw.includes(whole)) || parts.some((p) => pw.includes(p)))
    return 'Gebruik niet je eigen naam in je wachtwoord.'
  return null
}

/** A password typed to sign in: only its presence is checked here, never its rules. */
const given = z
  .string({ error: 'Vul je wachtwoord in.' })
  .min(1, 'Vul je wachtwoord in.')
  .max(MAX_WACHTWOORD, 'Dit wachtwoord is te lang.')

/** A new password: the rules that do not need the name; the name is checked in main and the screen. */
export const nieuwWachtwoord = z
  .string({ error: 'Vul een nieuw wachtwoord in.' })
  .min(MIN_WACHTWOORD, `Het wachtwoord is te kort: gebruik minstens ${MIN_WACHTWOORD} tekens.`)
  .max(MAX_WACHTWOORD, `Het wachtwoord is te lang: hoogstens ${MAX_WACHTWOORD} tekens.`)

export const MIN_VERGRENDEL_MINUTEN = 1
export const MAX_VERGRENDEL_MINUTEN = 60
export const STANDAARD_VERGRENDEL_MINUTEN = 5

/** A database upgraded from before passwords: does anyone active have one yet, and who may set the first. */
export interface UpgradeStatus {
  /** True while no active colleague has a password: only then may a beheerder set his own here. */
  geenWachtwoorden: boolean
  /** The active beheerders who may do that (empty: only the command line helps). */
  beheerders: TeamMember[]
}

export interface SecuritySettings {
  /** After this many minutes without mouse or keyboard, the app locks itself. */
  vergrendelMinuten: number
}

export const sessionContract = {
  /** The team to pick yourself from before typing your password (a small team: names are not secret). */
  'session.team': method<TeamMember[]>('none')(z.object({}).strict()),
  'session.signIn': method<SignInResult>('none')(z.object({ userId: id, wachtwoord: given }).strict()),
  /** The first sign-in with a starting password: prove it, choose your own, and you are signed in. */
  'session.choosePassword': method<TeamMember>('none')(
    z.object({ userId: id, wachtwoord: given, nieuwWachtwoord }).strict(),
  ),
  'session.signOut': method<null>('none')(z.object({}).strict()),
  /** Whether this database came from before passwords (nobody active has one yet). */
  'session.upgradeStatus': method<UpgradeStatus>('none')(z.object({}).strict()),
  /**
   * Only while nobody active has a password (a database from before passwords): an active
   * beheerder sets his own, with the same trust as the first set-up, and is signed in.
   */
  'session.setFirstPassword': method<TeamMember>('none')(z.object({ userId: id, nieuwWachtwoord }).strict()),
  /** Locks the window at once (Ctrl+L, "Vergrendelen", the idle timer); only a password opens it. */
  'session.lock': method<null>('none')(z.object({}).strict()),
  'session.unlock': method<TeamMember>('none')(z.object({ wachtwoord: given }).strict()),
  /** Mouse or keyboard in the window: keeps the signed-in session from locking in main too. */
  'session.activity': method<null>()(z.object({}).strict()),
  /** The beheerder gives a colleague a starting password (new, or a reset); they choose their own next. */
  'session.setStartPassword': method<null>()(z.object({ userId: id, wachtwoord: nieuwWachtwoord }).strict()),
  'session.changePassword': method<null>()(z.object({ wachtwoord: given, nieuwWachtwoord }).strict()),
  'session.settings': method<SecuritySettings>()(z.object({}).strict()),
  'session.saveSettings': method<SecuritySettings>()(
    z
      .object({
        vergrendelMinuten: z
          .number({ error: 'Vul een aantal minuten in.' })
          .int('Vul een heel aantal minuten in.')
          .min(MIN_VERGRENDEL_MINUTEN, 'Kies minstens 1 minuut.')
          .max(MAX_VERGRENDEL_MINUTEN, 'Kies hoogstens 60 minuten.'),
      })
      .strict(),
  ),
}
