import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose'
import type { DdasVsSettings } from '@shared/api/ddas-vs'
import { problems, type Problem } from './problems'

/**
 * OAuth 2.0 client credentials, as DDAS-VS.yaml's security scheme asks: CBS sends a bearer token
 * (a JWT) from the issuer the beheerder configured. jose checks its signature against the
 * issuer's public keys (a JWKS address, or keys pasted in the settings), its issuer, audience,
 * expiry and not-before; this module adds the scope `read` and names who collected.
 */
export const REQUIRED_SCOPE = 'read'

/** Asymmetric algorithms only: a shared secret would let anyone who can check a token mint one. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']

const remoteSets = new Map<string, JWTVerifyGetKey>()
const localSets = new Map<string, JWTVerifyGetKey>()

/** The issuer's keys: the pasted JWKS when there is one, else the JWKS address (cached by jose). */
export function issuerKeys(s: Pick<DdasVsSettings, 'jwks' | 'jwksUrl'>): JWTVerifyGetKey {
  if (s.jwks) {
    let set = localSets.get(s.jwks)
    if (!set) {
      set = createLocalJWKSet(JSON.parse(s.jwks) as Parameters<typeof createLocalJWKSet>[0])
      localSets.clear()
      localSets.set(s.jwks, set)
    }
    return set
  }
  let set = remoteSets.get(s.jwksUrl)
  if (!set) {
    set = createRemoteJWKSet(new URL(s.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 })
    remoteSets.set(s.jwksUrl, set)
  }
  return set
}

export type TokenOutcome =
  { ok: true; clientId: string; claims: JWTPayload } | { ok: false; problem: Problem }

const scopesOf = (claims: JWTPayload): string[] => {
  const scope = claims['scope'] ?? claims['scp']
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean)
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string')
  return []
}

/** Who collected: RFC 9068's client_id, else the authorised party, else the subject. */
function clientIdOf(claims: JWTPayload): string | null {
  for (const v of [claims['client_id'], claims['azp'], claims.sub])
    if (typeof v === 'string' && v.trim() !== '')
      // It goes into the logboek: printable characters only, and not endless.
      return v.replace(/[^\x20-\x7e\u00a0-\u024f]/g, '?').slice(0, 120)
  return null
}

/** jose errors that mean the issuer's keys could not be fetched: our problem, not the caller's. */
function keysUnreachable(err: unknown): boolean {
  if (!(err instanceof errors.JOSEError)) return true
  return err.code === 'ERR_JWKS_TIMEOUT' || err.code === 'ERR_JWKS_INVALID' || err.code === 'ERR_JOSE_GENERIC'
}

export async function verifyAccessToken(
  authorization: string | undefined,
  s: DdasVsSettings,
  at: Date,
): Promise<TokenOutcome> {
  const m = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(authorization ?? '')
  if (!authorization?.trim()) return { ok: false, problem: problems.tokenMissing() }
  if (!m)
    return { ok: false, problem: problems.tokenInvalid('De Authorization-header is geen "Bearer <token>".') }
  let claims: JWTPayload
  try {
    claims = (
      await jwtVerify(m[1]!, issuerKeys(s), {
        issuer: s.issuer,
        audience: s.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: 30,
        currentDate: at,
      })
    ).payload
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, problem: problems.tokenExpired() }
    if (err instanceof errors.JWTClaimValidationFailed)
      return {
        ok: false,
        problem: problems.tokenInvalid(`Het toegangstoken klopt niet: claim "${err.claim}".`),
      }
    if (
      err instanceof errors.JWSSignatureVerificationFailed ||
      err instanceof errors.JWKSNoMatchingKey ||
      err instanceof errors.JWKSMultipleMatchingKeys ||
      err instanceof errors.JWTInvalid ||
      err instanceof errors.JWSInvalid ||
      err instanceof errors.JOSEAlgNotAllowed ||
      err instanceof errors.JOSENotSupported
    )
      return {
        ok: false,
        problem: problems.tokenInvalid('Het toegangstoken is niet door de ingestelde uitgever ondertekend.'),
      }
    if (keysUnreachable(err))
      return {
        ok: false,
        problem: problems.unavailable(
          'De sleutels van de uitgever van de tokens konden niet opgehaald worden, dus het token kan nu niet gecontroleerd worden.',
        ),
      }
    return { ok: false, problem: problems.tokenInvalid('Het toegangstoken is ongeldig.') }
  }
  if (!scopesOf(claims).includes(REQUIRED_SCOPE)) return { ok: false, problem: problems.scopeMissing() }
  const clientId = clientIdOf(claims)
  if (!clientId)
    return {
      ok: false,
      problem: problems.tokenInvalid('Het toegangstoken noemt geen client (client_id, azp of sub).'),
    }
  return { ok: true, clientId, claims }
}
