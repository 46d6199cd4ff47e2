import { createHash, X509Certificate } from 'node:crypto'

/**
 * Certificate fingerprints as people compare them (the server prints one, a workstation pins it).
 * Apart from certificate.ts so a workstation never loads the certificate generator.
 */
/** "AB:CD:…" over the DER of the first certificate in a PEM text. */
export function fingerprintOf(pem: string | Buffer): string {
  const cert = new X509Certificate(pem)
  return formatFingerprint(createHash('sha256').update(cert.raw).digest('hex'))
}

/** Any way a person may type a fingerprint (colons, spaces, lower case) to the one form. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/^sha-?256[:=\s]*/i, '').replace(/[\s:]/g, '')
  return /^[0-9a-f]{64}$/i.test(hex) ? formatFingerprint(hex) : null
}

function formatFingerprint(hex: string): string {
  return hex.toUpperCase().match(/.{2}/g)!.join(':')
}
