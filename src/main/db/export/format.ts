import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs'
import { deflateRawSync, inflateRawSync } from 'node:zlib'

/**
 * The export file: nothing in it is readable without the key, and any change is found.
 *
 *   preamble   56 bytes, plain: magic "LANGEADEM-EXPORT", format version (u16), compression (u8,
 *              1 = raw deflate), reserved (u8), largest plain chunk (u32), salt (32 random bytes)
 *   chunks     each: ciphertext length (u32), ciphertext, GCM tag (16). AES-256-GCM with a key
 *              derived (HKDF-SHA256) from the database key and the salt, so every file has its own
 *              key; nonce = the chunk's index, so no chunk can be moved, dropped or repeated; the
 *              preamble and a "last chunk" flag are authenticated data. Each chunk holds whole
 *              lines of JSON (deflated before encryption). The body chunks come first; the last
 *              chunk is the header (format, versions, migrations, tables with counts and hashes),
 *              written at the end because the counts and hashes are known only then.
 *   trailer    48 bytes, plain: offset of the header chunk (u64), SHA-256 of every byte before
 *              this checksum (a quick check for a damaged or cut-off file), magic "LAEND\0\0\0".
 *
 * Plain personal data never reaches the disk: a chunk is encrypted in memory before it is written.
 */
export const FORMAT_VERSION = 1
const MAGIC = Buffer.from('LANGEADEM-EXPORT', 'latin1')
const END = Buffer.from('LAEND\0\0\0', 'latin1')
const PREAMBLE = 56
const TRAILER = 48
const TAG = 16
/** Plain bytes per chunk before it is sealed; a single longer line makes one longer chunk. */
export const CHUNK_BYTES = 1 << 20
const MAX_CHUNK = 256 << 20

/** Why an export cannot be read; the message is for the beheerder (Dutch). */
export class ExportFileError extends Error {
  constructor(
    readonly reason: 'not-export' | 'too-new' | 'truncated' | 'damaged' | 'wrong-key' | 'mismatch',
    message: string,
  ) {
    super(message)
    this.name = 'ExportFileError'
  }
}

const damaged = () =>
  new ExportFileError(
    'damaged',
    'Het exportbestand is beschadigd of gewijzigd: de controle klopt niet. Er is niets teruggezet.',
  )

function fileKey(databaseKey: string, salt: Buffer): Buffer {
  if (!/^[0-9a-f]{64}$/.test(databaseKey)) throw new Error('invalid database key')
  return Buffer.from(
    hkdfSync('sha256', Buffer.from(databaseKey, 'hex'), salt, 'lange-adem export v1 aes-256-gcm', 32),
  )
}

function nonce(index: number): Buffer {
  const n = Buffer.alloc(12)
  n.writeBigUInt64BE(BigInt(index), 4)
  return n
}

function aad(preamble: Buffer, last: boolean): Buffer {
  return Buffer.concat([preamble, Buffer.from([last ? 1 : 0])])
}

/** Writes an export file chunk by chunk; `finish` adds the header and the trailer. */
export class ExportWriter {
  private readonly fd: number
  private readonly key: Buffer
  private readonly preamble: Buffer
  private readonly checksum = createHash('sha256')
  private readonly plainHash = createHash('sha256')
  private pending: string[] = []
  private pendingBytes = 0
  private offset = 0
  private chunks = 0

  constructor(file: string, databaseKey: string) {
    const salt = randomBytes(32)
    this.preamble = Buffer.alloc(PREAMBLE)
    MAGIC.copy(this.preamble, 0)
    this.preamble.writeUInt16BE(FORMAT_VERSION, 16)
    this.preamble.writeUInt8(1, 18)
    this.preamble.writeUInt32BE(CHUNK_BYTES, 20)
    salt.copy(this.preamble, 24)
    this.key = fileKey(databaseKey, salt)
    this.fd = openSync(file, 'wx', 0o600)
    this.write(this.preamble)
  }

  private write(b: Buffer): void {
    this.checksum.update(b)
    writeSync(this.fd, b)
    this.offset += b.length
  }

  private seal(plain: Buffer, last: boolean): void {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.chunks++))
    cipher.setAAD(aad(this.preamble, last))
    const body = Buffer.concat([cipher.update(deflateRawSync(plain, { level: 1 })), cipher.final()])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(body.length)
    this.write(Buffer.concat([len, body, cipher.getAuthTag()]))
  }

  /** One line of the body (no newline in it: JSON.stringify output). */
  line(text: string): void {
    this.pending.push(text)
    this.pendingBytes += text.length + 1
    if (this.pendingBytes >= CHUNK_BYTES) this.flush()
  }

  private flush(): void {
    if (!this.pending.length) return
    const plain = Buffer.from(this.pending.join('\n') + '\n', 'utf8')
    this.plainHash.update(plain)
    this.pending = []
    this.pendingBytes = 0
    this.seal(plain, false)
  }

  /** Seals the header (given the body's chunk count and plain SHA-256) and closes the file. */
  finish(header: (body: { chunks: number; sha256: string }) => object): void {
    this.flush()
    const at = this.offset
    const head = header({ chunks: this.chunks, sha256: this.plainHash.digest('hex') })
    this.seal(Buffer.from(JSON.stringify(head), 'utf8'), true)
    const pos = Buffer.alloc(8)
    pos.writeBigUInt64BE(BigInt(at))
    this.write(pos)
    const sum = this.checksum.digest()
    writeSync(this.fd, Buffer.concat([sum, END]))
    closeSync(this.fd)
  }

  abort(): void {
    try {
      closeSync(this.fd)
    } catch {
      // already closed
    }
  }
}

/**
 * Opens an export file: checks the preamble, the trailer and the checksum of the whole file,
 * then decrypts the header with the key. Each step fails with its own Dutch message, before
 * anything is read into a database.
 */
export class ExportReader<H> {
  readonly header: H
  private readonly fd: number
  private readonly key: Buffer
  private readonly preamble: Buffer
  private readonly headerAt: number
  private readonly bodyChunks: number
  private readonly bodySha: string

  constructor(
    file: string,
    databaseKey: string,
    check: (header: unknown) => { header: H; chunks: number; sha256: string },
  ) {
    this.fd = openSync(file, 'r')
    try {
      const size = fstatSync(this.fd).size
      this.preamble = this.read(0, Math.min(PREAMBLE, size))
      if (this.preamble.length < MAGIC.length || !this.preamble.subarray(0, 16).equals(MAGIC))
        throw new ExportFileError('not-export', 'Dit bestand is geen export van Lange Adem.')
      if (this.preamble.length < PREAMBLE) throw this.truncated()
      const version = this.preamble.readUInt16BE(16)
      if (version > FORMAT_VERSION)
        throw new ExportFileError(
          'too-new',
          'Deze export is gemaakt met een nieuwere versie van Lange Adem. Installeer de nieuwste versie; er is niets teruggezet.',
        )
      if (size < PREAMBLE + TRAILER || !this.read(size - END.length, END.length).equals(END))
        throw this.truncated()
      const sum = createHash('sha256')
      const buf = Buffer.alloc(1 << 22)
      const end = size - 40
      for (let pos = 0; pos < end;) {
        const n = readSync(this.fd, buf, 0, Math.min(buf.length, end - pos), pos)
        if (n <= 0) throw this.truncated()
        sum.update(buf.subarray(0, n))
        pos += n
      }
      if (!sum.digest().equals(this.read(end, 32))) throw damaged()
      this.headerAt = Number(this.read(size - TRAILER, 8).readBigUInt64BE())
      if (this.headerAt < PREAMBLE || this.headerAt >= size - TRAILER) throw damaged()
      this.key = fileKey(databaseKey, this.preamble.subarray(24, 56))
      // The header is the last chunk; its index is the number of body chunks, which only the
      // header itself states: try it as the index it claims after decrypting (see below).
      const { plain, index } = this.headerChunk(size)
      let parsed: unknown
      try {
        parsed = JSON.parse(plain.toString('utf8'))
      } catch {
        throw damaged()
      }
      const checked = check(parsed)
      if (checked.chunks !== index) throw damaged()
      this.header = checked.header
      this.bodyChunks = checked.chunks
      this.bodySha = checked.sha256
    } catch (err) {
      closeSync(this.fd)
      throw err
    }
  }

  private truncated(): ExportFileError {
    return new ExportFileError(
      'truncated',
      'Het exportbestand is onvolledig (afgebroken bij het maken of kopiëren). Er is niets teruggezet.',
    )
  }

  private read(pos: number, length: number): Buffer {
    const b = Buffer.alloc(length)
    const n = readSync(this.fd, b, 0, length, pos)
    return b.subarray(0, n)
  }

  /**
   * The header chunk's index is the body's chunk count. Body chunks are walked by their length
   * fields (plain, but covered by the checksum) to count them, then the header is opened.
   */
  private headerChunk(size: number): { plain: Buffer; index: number } {
    let index = 0
    for (let pos = PREAMBLE; pos < this.headerAt; index++) {
      const len = this.read(pos, 4)
      if (len.length < 4) throw damaged()
      pos += 4 + len.readUInt32BE() + TAG
      if (pos > this.headerAt) throw damaged()
    }
    const len = this.read(this.headerAt, 4).readUInt32BE()
    if (this.headerAt + 4 + len + TAG !== size - TRAILER) throw damaged()
    const sealed = this.read(this.headerAt + 4, len + TAG)
    try {
      return { plain: this.open(sealed, index, true), index }
    } catch (err) {
      if (err instanceof ExportFileError) throw err
      // The checksum matched, so the bytes are as written: the key is not the one it was made with.
      throw new ExportFileError(
        'wrong-key',
        'Deze export opent niet met deze sleutel (of is na het maken gewijzigd). Gebruik de sleutel van de database waarvan de export gemaakt is (de herstelsleutel). Er is niets teruggezet.',
      )
    }
  }

  private open(sealed: Buffer, index: number, last: boolean): Buffer {
    if (sealed.length > MAX_CHUNK + TAG) throw damaged()
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce(index))
    decipher.setAAD(aad(this.preamble, last))
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG))
    const deflated = Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG)),
      decipher.final(),
    ])
    return inflateRawSync(deflated)
  }

  /** The body's lines, each chunk authenticated before any of its lines is given out. */
  *lines(): Generator<string> {
    const plainHash = createHash('sha256')
    let pos = PREAMBLE
    for (let index = 0; index < this.bodyChunks; index++) {
      const len = this.read(pos, 4).readUInt32BE()
      let plain: Buffer
      try {
        plain = this.open(this.read(pos + 4, len + TAG), index, false)
      } catch {
        throw damaged()
      }
      plainHash.update(plain)
      pos += 4 + len + TAG
      const text = plain.toString('utf8')
      let start = 0
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        yield text.slice(start, nl)
        start = nl + 1
      }
    }
    if (pos !== this.headerAt || plainHash.digest('hex') !== this.bodySha) throw damaged()
  }

  close(): void {
    closeSync(this.fd)
  }
}
