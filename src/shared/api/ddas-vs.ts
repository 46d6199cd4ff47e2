import { z } from 'zod'
import { method } from './define'

/**
 * The DDAS-VS API (issue 22): CBS collects the DDAS data from the team server with
 * `POST <pad>/gegevens`. Switched off by default; the beheerder switches it on and configures it
 * (Instellingen > Koppeling CBS). These are the settings, the check of the configuration and the
 * list of collections the Monitor shows.
 */

/** The base path the endpoint lives under unless the beheerder chooses another. */
export const DEFAULT_DDAS_VS_PAD = '/ddas-vs/v1'
export const DEFAULT_DDAS_VS_POORT = 8443
export const DEFAULT_DDAS_VS_PER_MINUUT = 30
/** The most signals one answer holds (DDAS non-functional requirements: 50,000 vroegsignalen). */
export const MAX_DDAS_VS_PAGE_SIZE = 50_000

export interface DdasVsSettings {
  /** Off by default: no answer leaves the server until the beheerder switches it on. */
  aan: boolean
  /** The token issuer CBS's tokens must name (`iss`), exactly. */
  issuer: string
  /** The audience the tokens must be meant for (`aud`). */
  audience: string
  /** Where the issuer publishes its public keys (https), or '' when the keys are pasted below. */
  jwksUrl: string
  /** The issuer's public keys as a JWKS (JSON), or '' when jwksUrl is used. */
  jwks: string
  /** PEM file on the server: the PKIoverheid signing certificate, its intermediates (and the root). */
  certificaatPad: string
  /** PEM file on the server: the private key of that certificate (RSA, for PS256). */
  sleutelPad: string
  /**
   * PEM file with the root certificates a signed request from CBS must chain to; '' = the root
   * certificates in certificaatPad (the PKIoverheid root IT installed with the chain).
   */
  vertrouwdeCaPad: string
  /** The `kid` in every signature; '' = the certificate's SHA-256 thumbprint. */
  kid: string
  /** The port the stand-alone listener uses (`npm run cli -- ddas-vs`). */
  poort: number
  /** The base path: the endpoint is `<pad>/gegevens`. */
  pad: string
  /** Requests per minute, over all callers (behind an FSC inway every call comes from the inway). */
  maxPerMinuut: number
  /** Refuse a request that carries no signature (a signature that is there is always checked). */
  ondertekeningVerplicht: boolean
}

/** One line of the configuration check: fine, a warning, or a fault that stops the API. */
export interface DdasVsCheckItem {
  status: 'goed' | 'waarschuwing' | 'fout'
  titel: string
  tekst: string
}

export interface DdasVsCheck {
  items: DdasVsCheckItem[]
  /** True when nothing is 'fout': the API can answer with these settings. */
  bruikbaar: boolean
}

/** One collection by CBS (one page of one period), as the logboek and the Monitor show it. */
export interface DdasVsCollection {
  /** When it was served (UTC instant). */
  op: string
  /** The token's client id: who collected. */
  clientId: string
  van: string
  tot: string
  pagina: number
  paginas: number
  /** Signals on this page, and in the whole period. */
  signalen: number
  totaalSignalen: number
  zaken: number
}

export interface DdasVsOverview {
  aan: boolean
  /** The endpoint's path, `<pad>/gegevens`. */
  eindpunt: string
  /** Newest first, at most 20. */
  collections: DdasVsCollection[]
}

const PATH_RE = /^(\/[A-Za-z0-9._~-]+)*$/
const isLoopback = (host: string) => ['localhost', '127.0.0.1', '[::1]'].includes(host)

/** https, or http to this machine only (a test issuer or a local proxy). */
export function isAllowedKeyUrl(v: string): boolean {
  try {
    const u = new URL(v)
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname))
  } catch {
    return false
  }
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']

/** What is wrong with pasted keys, in Dutch, or null when they look like a set of public keys. */
export function jwksProblem(text: string): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return 'De sleutels zijn geen geldige JSON. Plak de JWKS van de uitgever, zoals {"keys": [...]}.'
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys
  if (!Array.isArray(keys) || keys.length === 0)
    return 'In de JWKS staat geen lijst "keys" met minstens één sleutel.'
  if (keys.length > 20) return 'Hoogstens 20 sleutels.'
  for (const k of keys) {
    if (!k || typeof k !== 'object' || typeof (k as { kty?: unknown }).kty !== 'string')
      return 'Elke sleutel in de JWKS heeft een "kty" nodig.'
    if (!['RSA', 'EC', 'OKP'].includes((k as { kty: string }).kty))
      return 'Alleen openbare RSA-, EC- of OKP-sleutels kunnen tokens controleren.'
    if (PRIVATE_MEMBERS.some((m) => m in k))
      return 'Dit is een geheime sleutel. Plak alleen de openbare sleutels van de uitgever.'
  }
  return null
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is geen tekst.` })
    .trim()
    .max(max, `${label} is te lang (hoogstens ${max} tekens).`)

export const ddasVsSettingsInput = z
  .object({
    aan: z.boolean({ error: 'Kies of de koppeling aan staat.' }),
    issuer: text('Uitgever van de tokens', 500),
    audience: text('Audience', 500),
    jwksUrl: text('Adres van de sleutels (JWKS)', 1000).refine(
      (v) => v === '' || isAllowedKeyUrl(v),
      'Het adres van de sleutels moet met https:// beginnen.',
    ),
    jwks: text('Sleutels van de uitgever', 50_000).superRefine((v, ctx) => {
      const problem = v === '' ? null : jwksProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
    certificaatPad: text('Bestand met het certificaat', 1000),
    sleutelPad: text('Bestand met de sleutel', 1000),
    vertrouwdeCaPad: text('Bestand met vertrouwde basiscertificaten', 1000),
    kid: text('Sleutel-id (kid)', 200).refine(
      (v) => /^[\x21-\x7e]*$/.test(v),
      'De sleutel-id mag geen spaties of bijzondere tekens bevatten.',
    ),
    poort: z
      .number({ error: 'De poort is geen getal.' })
      .int('De poort is een heel getal.')
      .min(1, 'Een poort ligt tussen 1 en 65535.')
      .max(65535, 'Een poort ligt tussen 1 en 65535.'),
    pad: text('Pad', 200)
      .transform((v) => v.replace(/\/+$/, ''))
      .refine(
        (v) => PATH_RE.test(v),
        'Het pad begint met / en bevat alleen letters, cijfers, - _ . en / (bijvoorbeeld /ddas-vs/v1).',
      ),
    maxPerMinuut: z
      .number({ error: 'Het aantal verzoeken per minuut is geen getal.' })
      .int('Het aantal verzoeken per minuut is een heel getal.')
      .min(1, 'Sta minstens 1 verzoek per minuut toe.')
      .max(600, 'Hoogstens 600 verzoeken per minuut.'),
    ondertekeningVerplicht: z.boolean({ error: 'Kies of een verzoek ondertekend moet zijn.' }),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Switched off, the beheerder may save half-finished settings; switched on, all must be there.
    if (!s.aan) return
    const need = (path: keyof typeof s, message: string) => {
      if (s[path] === '') ctx.addIssue({ code: 'custom', path: [path], message })
    }
    need('issuer', 'Vul de uitgever van de tokens in: anders kan niemand zich aanmelden.')
    need('audience', 'Vul de audience in die in de tokens van CBS staat.')
    need('certificaatPad', 'Vul het bestand met het certificaat voor ondertekenen in.')
    need('sleutelPad', 'Vul het bestand met de sleutel van dat certificaat in.')
    if (s.jwksUrl === '' && s.jwks === '')
      ctx.addIssue({
        code: 'custom',
        path: ['jwksUrl'],
        message: 'Vul het adres van de sleutels van de uitgever in, of plak de sleutels zelf.',
      })
  })

export const ddasVsContract = {
  'ddasVs.settings': method<DdasVsSettings>()(z.object({}).strict()),
  'ddasVs.saveSettings': method<DdasVsSettings>()(ddasVsSettingsInput),
  'ddasVs.check': method<DdasVsCheck>()(z.object({}).strict()),
  'ddasVs.collections': method<DdasVsOverview>()(z.object({}).strict()),
}
