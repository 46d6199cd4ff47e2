import { createHash, createPrivateKey, webcrypto, X509Certificate } from 'node:crypto'
import { fingerprintOf } from './fingerprint'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * The team server's TLS certificate: the files IT gives (`--tls-cert`, `--tls-key`), or else a
 * self-signed one made at the first start and kept in the data folder (`team-tls.pem`,
 * `team-tls-key.pem`, the key readable by the owner only). Node has no certificate generator,
 * so @peculiar/x509 builds it over Node's own WebCrypto (ECDSA P-256); the signature arithmetic
 * stays OpenSSL's. Clients pin the SHA-256 fingerprint the server prints, so a self-signed
 * certificate is as safe as a bought one once the fingerprint is compared at the first connection.
 * The library is loaded only when a certificate is made (lib/x509.ts, with its polyfill first).
 */
export const SELF_CERT_FILE = 'team-tls.pem'
export const SELF_KEY_FILE = 'team-tls-key.pem'

export interface TlsMaterial {
  cert: Buffer
  key: Buffer
  /** SHA-256 of the leaf certificate's DER, as "AB:CD:…" (the form browsers and openssl show). */
  fingerprint: string
  /** Made by the server itself at this start. */
  created: boolean
}

export class CertificateFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CertificateFileError'
  }
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }

/** A self-signed server certificate valid for ten years, for these names and addresses. */
export async function makeSelfSigned(names: string[], now: Date): Promise<{ cert: string; key: string }> {
  const { x509 } = await import('../lib/x509')
  const keys = (await webcrypto.subtle.generateKey(ECDSA, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair
  const notAfter = new Date(now)
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10)
  const unique = [...new Set(names.filter(Boolean))]
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: createHash('sha256')
      .update(webcrypto.getRandomValues(new Uint8Array(16)))
      .digest('hex')
      .slice(0, 16),
    name: `CN=Lange Adem teamserver ${hostname()}`.replace(/[,+="<>#;\\]/g, ' '),
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    signingAlgorithm: ECDSA,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        unique.map((n) => (isIP(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n })),
      ),
    ],
  })
  const der = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)
  return { cert: cert.toString('pem') + '\n', key: x509.PemConverter.encode(der, 'PRIVATE KEY') + '\n' }
}

/**
 * The certificate to listen with. Given files are read and checked (a key that does not belong
 * to the certificate is refused here, in Dutch, not by a TLS error later); without them the
 * data folder's own certificate is used, made first when there is none.
 */
export async function loadOrCreateCertificate(opts: {
  dataDir: string
  certFile?: string
  keyFile?: string
  names: string[]
  now: Date
}): Promise<TlsMaterial> {
  if (opts.certFile || opts.keyFile) {
    if (!opts.certFile || !opts.keyFile)
      throw new CertificateFileError(
        'Geef het certificaat en de sleutel samen: --tls-cert BESTAND --tls-key BESTAND.',
      )
    const cert = readOrExplain(opts.certFile, 'het TLS-certificaat')
    const key = readOrExplain(opts.keyFile, 'de TLS-sleutel')
    return { cert, key, fingerprint: checkPair(cert, key), created: false }
  }
  const certPath = join(opts.dataDir, SELF_CERT_FILE)
  const keyPath = join(opts.dataDir, SELF_KEY_FILE)
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath)
    const key = readFileSync(keyPath)
    return { cert, key, fingerprint: checkPair(cert, key), created: false }
  }
  const made = await makeSelfSigned(opts.names, opts.now)
  // Key first and each file whole (written aside, then renamed): a crash never leaves half a pair.
  writeFileSync(`${keyPath}.new`, made.key, { mode: 0o600 })
  renameSync(`${keyPath}.new`, keyPath)
  writeFileSync(`${certPath}.new`, made.cert)
  renameSync(`${certPath}.new`, certPath)
  const cert = Buffer.from(made.cert)
  return { cert, key: Buffer.from(made.key), fingerprint: fingerprintOf(cert), created: true }
}

function readOrExplain(path: string, what: string): Buffer {
  try {
    return readFileSync(path)
  } catch {
    throw new CertificateFileError(`Het bestand met ${what} kan niet gelezen worden: ${path}`)
  }
}

function checkPair(cert: Buffer, key: Buffer): string {
  let parsed: X509Certificate
  try {
    parsed = new X509Certificate(cert)
  } catch {
    throw new CertificateFileError('Het TLS-certificaat is geen geldig PEM-certificaat.')
  }
  let privateKey
  try {
    privateKey = createPrivateKey(key)
  } catch {
    throw new CertificateFileError('De TLS-sleutel is geen geldige PEM-sleutel.')
  }
  if (!parsed.checkPrivateKey(privateKey))
    throw new CertificateFileError('De TLS-sleutel hoort niet bij het TLS-certificaat.')
  return fingerprintOf(cert)
}
