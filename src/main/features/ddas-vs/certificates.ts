import { createHash, X509Certificate } from 'node:crypto'

/**
 * X.509 for the DDAS-VS signatures: reading PEM files, putting a chain in order, and checking a
 * chain against trust anchors. The signature arithmetic is OpenSSL's (Node's X509Certificate:
 * `checkIssued`, `verify`); this module only decides which certificate must be checked against
 * which, and when. Revocation (OCSP, CRL) is not checked here: it needs the PKIoverheid
 * responders on the internet, which the FSC inway in front of us has (see README).
 */

export class CertificateError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CertificateError'
  }
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** Every certificate in a PEM text, in the order of the file. */
export function parsePemCertificates(pem: string): X509Certificate[] {
  return (pem.match(PEM_CERT) ?? []).map((block) => new X509Certificate(block))
}

export const isSelfSigned = (c: X509Certificate) => c.checkIssued(c) && c.verify(c.publicKey)

/** `x5t#S256`: the base64url SHA-256 of the certificate's DER. */
export const thumbprintS256 = (c: X509Certificate) => createHash('sha256').update(c.raw).digest('base64url')

export const validFrom = (c: X509Certificate) => new Date(Date.parse(c.validFrom))
export const validTo = (c: X509Certificate) => new Date(Date.parse(c.validTo))

function assertValidAt(c: X509Certificate, at: Date, role: string): void {
  if (at < validFrom(c)) throw new CertificateError(`${role} is pas geldig vanaf ${c.validFrom}.`)
  if (at > validTo(c)) throw new CertificateError(`${role} is verlopen op ${c.validTo}.`)
}

const issues = (issuer: X509Certificate, subject: X509Certificate) =>
  subject.checkIssued(issuer) && subject.verify(issuer.publicKey)

/**
 * Puts `leaf` first and follows issuers through `pool` as far as they go. Self-signed roots
 * are left out of the chain (a receiver trusts its own copy of the root, and `x5c` carries
 * the certificates it may not have).
 */
export function orderChain(leaf: X509Certificate, pool: X509Certificate[]): X509Certificate[] {
  const chain = [leaf]
  let current = leaf
  while (chain.length < 10) {
    const next = pool.find((c) => !chain.includes(c) && !isSelfSigned(c) && issues(c, current))
    if (!next) break
    chain.push(next)
    current = next
  }
  return chain
}

/**
 * Checks that `chain` (leaf first) is unbroken, that every certificate in it and its anchor is
 * valid at `at`, that every issuer is a CA, and that it ends at (or is issued by) one of
 * `anchors`. Returns the anchor. Throws a CertificateError with a Dutch reason otherwise.
 */
export function verifyChain(chain: X509Certificate[], anchors: X509Certificate[], at: Date): X509Certificate {
  if (chain.length === 0) throw new CertificateError('Er is geen certificaat meegestuurd.')
  if (anchors.length === 0)
    throw new CertificateError('Er is geen vertrouwd basiscertificaat ingesteld om tegen te controleren.')
  chain.forEach((c, i) => {
    assertValidAt(c, at, i === 0 ? 'Het certificaat' : `Tussencertificaat ${i}`)
    if (i > 0 && !c.ca) throw new CertificateError(`Tussencertificaat ${i} is geen CA-certificaat.`)
    const issuer = chain[i + 1]
    if (issuer && !issues(issuer, c))
      throw new CertificateError(
        `De keten is onderbroken: certificaat ${i + 1} heeft certificaat ${i} niet uitgegeven.`,
      )
  })
  const last = chain[chain.length - 1]!
  const anchor =
    anchors.find((a) => a.fingerprint256 === last.fingerprint256) ?? anchors.find((a) => issues(a, last))
  if (!anchor)
    throw new CertificateError('De keten eindigt niet bij een vertrouwd basiscertificaat (PKIoverheid).')
  if (!anchor.ca) throw new CertificateError('Het basiscertificaat is geen CA-certificaat.')
  assertValidAt(anchor, at, 'Het basiscertificaat')
  return anchor
}

/** A short, readable name for a certificate: its CN, else the whole subject on one line. */
export function certificateName(c: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(c.subject)?.[1]
  return cn ?? c.subject.replace(/\n/g, ', ')
}
