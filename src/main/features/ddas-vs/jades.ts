import { createHash, X509Certificate } from 'node:crypto'
import { decodeProtectedHeader, FlattenedSign, flattenedVerify, type ProtectedHeaderParameters } from 'jose'
import { CertificateError, thumbprintS256, verifyChain } from './certificates'
import type { SigningCredentials } from './credentials'

/**
 * Payload signing as the DDAS-VS specification asks, after the NL GOV API Design Rules module
 * "HTTP message and payload signing with JAdES" (Geonovum KP-APIs, signing-jades):
 *
 * - the body's SHA-256 goes in a `Digest` header (RFC 3230): `SHA-256=<base64>`;
 * - a detached JWS (RFC 7515 appendix F) in the `nlgov-adr-payload-sig` header, compact form
 *   `<protected>..<signature>`, PS256, with `typ: JOSE`, `kid`, `x5c` (the chain) and `x5t#S256`;
 * - JAdES's HttpHeaders mechanism: `sigD` names `http://uri.etsi.org/19182/HttpHeaders` with
 *   `pars: ["digest"]`, so what is signed is the line `digest: <Digest value>` (unencoded,
 *   `b64: false`), and the digest binds the body. `sigT` is the signing time (JAdES baseline B).
 *
 * jose does the JWS; OpenSSL (Node) checks the certificates. Nothing here computes a signature.
 */
export const PAYLOAD_SIG_HEADER = 'nlgov-adr-payload-sig'
export const HTTP_HEADERS_MECHANISM = 'http://uri.etsi.org/19182/HttpHeaders'
const CRIT = { sigT: true, sigD: true }

export const digestOf = (body: Uint8Array) => `SHA-256=${createHash('sha256').update(body).digest('base64')}`

const signedLine = (digest: string) => new TextEncoder().encode(`digest: ${digest}`)

/** JAdES wants the signing time without fractions: 2026-11-10T09:30:00Z. */
const sigTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z')

export async function signPayload(
  body: Uint8Array,
  creds: SigningCredentials,
  at: Date,
): Promise<{ digest: string; signature: string }> {
  const digest = digestOf(body)
  const jws = await new FlattenedSign(signedLine(digest))
    .setProtectedHeader({
      alg: 'PS256',
      typ: 'JOSE',
      kid: creds.kid,
      x5c: creds.x5c,
      'x5t#S256': creds.thumbprint,
      sigT: sigTime(at),
      sigD: { mId: HTTP_HEADERS_MECHANISM, pars: ['digest'] },
      b64: false,
      crit: ['sigT', 'sigD', 'b64'],
    })
    .sign(creds.key, { crit: CRIT })
  return { digest, signature: `${jws.protected}..${jws.signature}` }
}

export class SignatureError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SignatureError'
  }
}

const COMPACT_DETACHED = /^([A-Za-z0-9_-]+)\.\.([A-Za-z0-9_-]+)$/

/**
 * Checks a signed message the way the specification tells a receiver to: decode the protected
 * header, take the first certificate of `x5c`, check the chain to a trusted root and its
 * validity, then the signature over the digest (sigD) or, without sigD, over the body itself.
 * The Digest header, when there, must match the body. Returns the signer's certificate.
 * Throws a SignatureError with a Dutch reason.
 */
export async function verifyPayloadSignature(opts: {
  body: Uint8Array
  digest: string | undefined
  signature: string
  anchors: X509Certificate[]
  at: Date
}): Promise<X509Certificate> {
  const { body, digest, signature } = opts
  if (digest !== undefined && digest !== digestOf(body))
    throw new SignatureError('De Digest-header klopt niet met de inhoud van het bericht.')
  const parts = COMPACT_DETACHED.exec(signature.trim())
  if (!parts)
    throw new SignatureError(
      `De ${PAYLOAD_SIG_HEADER}-header is geen losse JWS-handtekening (header..handtekening).`,
    )
  let header: ProtectedHeaderParameters & Record<string, unknown>
  try {
    header = decodeProtectedHeader(signature.trim())
  } catch {
    throw new SignatureError('De kop van de handtekening kan niet gelezen worden.')
  }
  if (header.alg !== 'PS256') throw new SignatureError('De handtekening moet met PS256 gezet zijn.')
  const x5c = header.x5c
  if (!Array.isArray(x5c) || x5c.length === 0 || !x5c.every((c) => typeof c === 'string'))
    throw new SignatureError('De handtekening heeft geen certificaatketen (x5c).')
  let chain: X509Certificate[]
  try {
    chain = x5c.map((c) => new X509Certificate(Buffer.from(c, 'base64')))
  } catch {
    throw new SignatureError('Een certificaat in x5c kan niet gelezen worden.')
  }
  try {
    verifyChain(chain, opts.anchors, opts.at)
  } catch (err) {
    if (err instanceof CertificateError) throw new SignatureError(err.message)
    throw err
  }
  const leaf = chain[0]!
  if (header['x5t#S256'] !== undefined && header['x5t#S256'] !== thumbprintS256(leaf))
    throw new SignatureError('x5t#S256 hoort niet bij het eerste certificaat van x5c.')

  let payload: Uint8Array
  const sigD = header['sigD'] as { mId?: unknown; pars?: unknown } | undefined
  if (sigD !== undefined) {
    const pars = sigD.pars
    if (
      sigD.mId !== HTTP_HEADERS_MECHANISM ||
      !Array.isArray(pars) ||
      pars.length !== 1 ||
      pars[0] !== 'digest'
    )
      throw new SignatureError(
        `sigD moet het mechanisme ${HTTP_HEADERS_MECHANISM} met alleen "digest" noemen (payload signing).`,
      )
    if (header.b64 !== false) throw new SignatureError('Bij sigD hoort "b64": false.')
    if (digest === undefined) throw new SignatureError('De Digest-header ontbreekt.')
    payload = signedLine(digest)
  } else {
    payload = body
  }
  try {
    await flattenedVerify(
      {
        protected: parts[1]!,
        signature: parts[2]!,
        payload: header.b64 === false ? payload : Buffer.from(payload).toString('base64url'),
      },
      leaf.publicKey,
      { algorithms: ['PS256'], crit: CRIT },
    )
  } catch {
    throw new SignatureError('De handtekening klopt niet met het bericht.')
  }
  return leaf
}
