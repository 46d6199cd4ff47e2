import { createPrivateKey, type KeyObject, type X509Certificate } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import {
  CertificateError,
  isSelfSigned,
  orderChain,
  parsePemCertificates,
  thumbprintS256,
  validFrom,
  validTo,
} from './certificates'

/**
 * The signing identity IT installs on the server: a PKIoverheid certificate for signing (not the
 * TLS certificate: the DDAS specification asks for two) with its intermediates, and its private
 * key, as PEM files. Read on first use and again whenever a file changes (IT renews the
 * certificate without restarting anything).
 */
export interface SigningCredentials {
  key: KeyObject
  /** Leaf first, then the intermediates; no self-signed root. */
  chain: X509Certificate[]
  /** Self-signed roots found in the certificate file (trusted for signed requests by default). */
  roots: X509Certificate[]
  /** The chain as `x5c` carries it: base64 DER. */
  x5c: string[]
  kid: string
  thumbprint: string
}

export class CredentialError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CredentialError'
  }
}

function readText(path: string, what: string): string {
  if (!path) throw new CredentialError(`Het bestand met ${what} is niet ingesteld.`)
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new CredentialError(`Het bestand met ${what} bestaat niet op de server: ${path}`)
    if (code === 'EACCES' || code === 'EPERM')
      throw new CredentialError(`Lange Adem mag het bestand met ${what} niet lezen: ${path}`)
    throw new CredentialError(`Het bestand met ${what} kan niet gelezen worden: ${path}`)
  }
}

/** Reads and checks the signing certificate chain and key; throws a CredentialError in Dutch. */
export function readSigningCredentials(
  certificaatPad: string,
  sleutelPad: string,
  kid: string,
  at: Date,
): SigningCredentials {
  const certs = parseCertificates(readText(certificaatPad, 'het certificaat'), certificaatPad)
  let key: KeyObject
  try {
    key = createPrivateKey(readText(sleutelPad, 'de sleutel'))
  } catch (err) {
    if (err instanceof CredentialError) throw err
    throw new CredentialError(
      `De sleutel in ${sleutelPad} kan niet gelezen worden. Het moet een PEM-bestand zonder wachtwoord zijn.`,
    )
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new CredentialError(
      'De sleutel is geen RSA-sleutel: ondertekenen met PS256 vraagt een RSA-sleutel.',
    )
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
    throw new CredentialError('De RSA-sleutel is korter dan 2048 bits: te zwak om mee te ondertekenen.')
  const leaf = certs.find((c) => c.checkPrivateKey(key))
  if (!leaf)
    throw new CredentialError(
      `De sleutel in ${sleutelPad} hoort bij geen van de certificaten in ${certificaatPad}.`,
    )
  if (at < validFrom(leaf))
    throw new CredentialError(`Het certificaat is pas geldig vanaf ${leaf.validFrom}.`)
  if (at > validTo(leaf)) throw new CredentialError(`Het certificaat is verlopen op ${leaf.validTo}.`)
  const chain = orderChain(leaf, certs)
  const thumbprint = thumbprintS256(leaf)
  return {
    key,
    chain,
    roots: certs.filter((c) => c !== leaf && isSelfSigned(c)),
    x5c: chain.map((c) => c.raw.toString('base64')),
    kid: kid || thumbprint,
    thumbprint,
  }
}

function parseCertificates(pem: string, path: string): X509Certificate[] {
  try {
    const certs = parsePemCertificates(pem)
    if (certs.length === 0) throw new CertificateError('')
    return certs
  } catch {
    throw new CredentialError(`In ${path} staat geen leesbaar certificaat (PEM, "BEGIN CERTIFICATE").`)
  }
}

/** Root certificates a signed request must chain to, from their own file. */
export function readTrustAnchors(path: string): X509Certificate[] {
  return parseCertificates(readText(path, 'de vertrouwde basiscertificaten'), path)
}

const stamp = (path: string) => {
  try {
    const s = statSync(path)
    return `${s.mtimeMs}:${s.size}`
  } catch {
    return 'missing'
  }
}

/**
 * The credentials and trust anchors for one configuration, read again only when a file changed.
 * An expired certificate is noticed at the first request after it expires.
 */
export function credentialCache() {
  let cached: { key: string; creds: SigningCredentials; validTo: number } | null = null
  let anchors: { key: string; certs: X509Certificate[] } | null = null
  return {
    signing(certificaatPad: string, sleutelPad: string, kid: string, at: Date): SigningCredentials {
      const key = [certificaatPad, sleutelPad, kid, stamp(certificaatPad), stamp(sleutelPad)].join('|')
      if (!cached || cached.key !== key || at.getTime() > cached.validTo) {
        const creds = readSigningCredentials(certificaatPad, sleutelPad, kid, at)
        cached = { key, creds, validTo: validTo(creds.chain[0]!).getTime() }
      }
      return cached.creds
    },
    /** The configured roots, else the roots IT put in the certificate file. */
    anchors(vertrouwdeCaPad: string, creds: SigningCredentials): X509Certificate[] {
      if (!vertrouwdeCaPad) return creds.roots
      const key = `${vertrouwdeCaPad}|${stamp(vertrouwdeCaPad)}`
      if (!anchors || anchors.key !== key) anchors = { key, certs: readTrustAnchors(vertrouwdeCaPad) }
      return anchors.certs
    },
  }
}
