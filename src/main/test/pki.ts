import { webcrypto } from 'node:crypto'
import { x509 } from '../lib/x509'

/**
 * A test PKI made with @peculiar/x509 (Node cannot make certificates): a root standing in for
 * "Staat der Nederlanden", an intermediate for the PKIoverheid issuer, and leaf certificates
 * under it, each with an RSA 2048 key. For tests and the benchmark only.
 */

type CryptoKey = webcrypto.CryptoKey
type CryptoKeyPair = webcrypto.CryptoKeyPair

const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
}

export interface TestIdentity {
  cert: x509.X509Certificate
  keys: CryptoKeyPair
  /** The certificate alone, PEM. */
  certPem: string
  /** The private key, PKCS#8 PEM. */
  keyPem: string
}

const pemKey = async (key: CryptoKey) =>
  x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY')

async function identity(cert: x509.X509Certificate, keys: CryptoKeyPair): Promise<TestIdentity> {
  // Each PEM ends with a line break, so files can be made by putting them one after another.
  const nl = (pem: string) => (pem.endsWith('\n') ? pem : `${pem}\n`)
  return { cert, keys, certPem: nl(cert.toString('pem')), keyPem: nl(await pemKey(keys.privateKey)) }
}

const newKeys = () => webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify']) as Promise<CryptoKeyPair>

let serial = 0x1000
const nextSerial = () => (serial++).toString(16).padStart(4, '0')

export interface Validity {
  notBefore: Date
  notAfter: Date
}

export async function testRoot(name: string, v: Validity): Promise<TestIdentity> {
  const keys = await newKeys()
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `CN=${name}, O=Proef, C=NL`,
    ...v,
    signingAlgorithm: RSA,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 2, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  })
  return identity(cert, keys)
}

export async function testIssue(
  issuer: TestIdentity,
  name: string,
  v: Validity,
  kind: 'ca' | 'signing' | 'tls',
): Promise<TestIdentity> {
  const keys = await newKeys()
  const usage =
    kind === 'ca'
      ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
      : kind === 'signing'
        ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: `CN=${name}, O=Proef, C=NL`,
    issuer: issuer.cert.subject,
    ...v,
    signingAlgorithm: RSA,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(kind === 'ca', kind === 'ca' ? 0 : undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
      ...(kind === 'tls'
        ? [
            new x509.SubjectAlternativeNameExtension([
              { type: 'dns', value: 'localhost' },
              { type: 'ip', value: '127.0.0.1' },
            ]),
            new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          ]
        : []),
    ],
  })
  return identity(cert, keys)
}

export interface TestPki {
  root: TestIdentity
  intermediate: TestIdentity
  /** The municipality's signing certificate (PKIoverheid services certificate). */
  gemeente: TestIdentity
  /** CBS's signing certificate, for signed requests. */
  cbs: TestIdentity
  /** The transport certificate of the listener (localhost, 127.0.0.1). */
  tls: TestIdentity
  /** A root nobody trusts, with a leaf under it: a forged chain. */
  stranger: TestIdentity
  strangerLeaf: TestIdentity
}

/** Everything valid from a year before `at` to two years after. */
export async function makeTestPki(at: Date): Promise<TestPki> {
  const v = {
    notBefore: new Date(at.getTime() - 365 * 86_400_000),
    notAfter: new Date(at.getTime() + 2 * 365 * 86_400_000),
  }
  const root = await testRoot('Proef Staat der Nederlanden Root CA', v)
  const intermediate = await testIssue(root, 'Proef PKIoverheid Private Services CA', v, 'ca')
  const stranger = await testRoot('Onbekende Root CA', v)
  const [gemeente, cbs, tls, strangerLeaf] = await Promise.all([
    testIssue(intermediate, 'gemeente-roermond-ddas-ondertekening', v, 'signing'),
    testIssue(intermediate, 'cbs-ddas-ondertekening', v, 'signing'),
    testIssue(intermediate, 'localhost', v, 'tls'),
    testIssue(stranger, 'cbs-ddas-ondertekening', v, 'signing'),
  ])
  return { root, intermediate, gemeente, cbs, tls, stranger, strangerLeaf }
}

/** base64 DER, as `x5c` carries a certificate. */
export const derBase64 = (id: TestIdentity) => Buffer.from(id.cert.rawData).toString('base64')
