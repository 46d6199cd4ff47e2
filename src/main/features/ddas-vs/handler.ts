import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Db } from '../../db/database'
import type { Clock } from '../../lib/clock'
import type { DdasVsSettings } from '@shared/api/ddas-vs'
import { AppError } from '../../lib/errors'
import { buildDdasDelivery } from '../monitor/ddas'
import { ddasSchemaErrors } from '../monitor/ddas-schema'
import { getMonitorSettings } from '../monitor/service'
import { getTeamSettings } from '../settings/repository'
import { credentialCache, CredentialError, type SigningCredentials } from './credentials'
import { digestOf, PAYLOAD_SIG_HEADER, signPayload, SignatureError, verifyPayloadSignature } from './jades'
import { pageOf, pageOrder, type PagedDelivery } from './paging'
import { problemBody, problemHeaders, problems, type Problem } from './problems'
import { rateLimiter } from './rate-limit'
import { getDdasVsSettings, recordCollection, settingStamp } from './repository'
import { requestProblem, resolveRequest, sameOrganisation, type GegevensRequest } from './request'
import { verifyAccessToken } from './tokens'

/**
 * `POST <pad>/gegevens` of DDAS-VS.yaml as a plain Node request handler, so the team server
 * (issue 18) can mount it on its own port or under its own path with one call, and
 * `npm run cli -- ddas-vs` can serve it over HTTPS until then (./listen.ts).
 *
 * Per request: the rate limit; whether the beheerder switched the API on; the path and method;
 * the bearer token (issuer, keys, expiry, scope `read`); the request's own signature when it has
 * one (required when the beheerder says so); the request body; then one page of the v1.2
 * delivery of the period. The collection is in the logboek before the answer leaves, and every
 * answer, refusals included, carries a Digest and a JAdES signature.
 *
 * The settings are read from the database on every request, so switching the API off in the
 * app takes effect at the next request; the certificate files are read again when they change.
 */

/** DDAS-VS.yaml's info.version, sent as API-Version (NL GOV API Design Rules). */
export const DDAS_VS_API_VERSION = '1.0.0'
const MAX_BODY = 64 * 1024
/** How long one period's delivery is kept for the following pages (and repeated requests). */
export const SNAPSHOT_MINUTES = 60
const SNAPSHOTS_KEPT = 2

export interface DdasVsDeps {
  /** The open database; a read through a function, because a restore replaces it. */
  db: () => Db
  clock: Clock
  /** One line per request (no personal data); the team server passes its own logger. */
  log?: (line: string) => void
}

export interface DdasVsHandler {
  /** Answers one request. Every path reaching it is answered (404 for what it does not know). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>
  /** The base path the beheerder configured: a server routing by path mounts the handler there. */
  basePath(): Promise<string>
}

interface Snapshot {
  key: string
  builtAt: number
  delivery: Promise<PagedDelivery>
}

class Refusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail)
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Refusal(problems.badRequest('Het verzoek is te groot.')))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** A header that must appear at most once: its value, undefined, or a refusal when repeated. */
function single(req: IncomingMessage, name: string): string | undefined {
  const values = req.headersDistinct[name]
  if (!values) return undefined
  if (values.length > 1)
    throw new Refusal(problems.badRequest(`De header ${name} staat er meer dan één keer in.`))
  return values[0]
}

export function createDdasVsHandler(deps: DdasVsDeps): DdasVsHandler {
  const credentials = credentialCache()
  const limiter = rateLimiter()
  let snapshots: Snapshot[] = []
  const log = deps.log ?? (() => {})

  /** One delivery per period, shared by its pages and by requests arriving together. */
  async function delivery(db: Db, van: string, tot: string, now: number): Promise<PagedDelivery> {
    const key = `${van}|${tot}|${await settingStamp(db)}`
    snapshots = snapshots.filter((s) => now - s.builtAt < SNAPSHOT_MINUTES * 60_000)
    const found = snapshots.find((s) => s.key === key)
    if (found) return found.delivery
    const built: Snapshot = {
      key,
      builtAt: now,
      delivery: buildDdasDelivery(db, { van, tot }, deps.clock.now(), '1.2').then(({ file }) =>
        pageOrder(file),
      ),
    }
    built.delivery.catch(() => {
      snapshots = snapshots.filter((s) => s !== built)
    })
    snapshots = [built, ...snapshots].slice(0, SNAPSHOTS_KEPT)
    return built.delivery
  }

  async function send(
    res: ServerResponse,
    status: number,
    contentType: string,
    payload: unknown,
    headers: Record<string, string>,
    creds: SigningCredentials | null,
    at: Date,
  ): Promise<number> {
    const body = Buffer.from(JSON.stringify(payload), 'utf8')
    const out: Record<string, string | number> = {
      'Content-Type': contentType,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'API-Version': DDAS_VS_API_VERSION,
      ...headers,
    }
    if (creds) {
      const { digest, signature } = await signPayload(body, creds, at)
      out['Digest'] = digest
      out[PAYLOAD_SIG_HEADER] = signature
    }
    res.writeHead(status, out)
    res.end(body)
    return body.length
  }

  async function answer(
    req: IncomingMessage,
    s: DdasVsSettings,
    creds: SigningCredentials,
    at: Date,
    path: string,
  ): Promise<{ clientId: string; payload: unknown; summary: string }> {
    const db = deps.db()
    if (!s.aan) throw new Refusal(problems.notFound('De koppeling met CBS staat uit.'))
    if (path !== `${s.pad}/gegevens`)
      throw new Refusal(problems.notFound(`Hier is geen service. De gegevens staan op ${s.pad}/gegevens.`))
    if (req.method !== 'POST') throw new Refusal(problems.methodNotAllowed(req.method ?? '?'))

    const token = await verifyAccessToken(req.headers.authorization, s, at)
    if (!token.ok) throw new Refusal(token.problem)

    const signature = single(req, PAYLOAD_SIG_HEADER)
    const digest = single(req, 'digest')
    const contentType = req.headers['content-type']
    if (contentType && !/^application\/json\s*(;|$)/i.test(contentType))
      throw new Refusal(problems.badRequest('Stuur het verzoek als application/json.'))
    const body = await readBody(req)
    if (signature !== undefined) {
      try {
        await verifyPayloadSignature({
          body,
          digest,
          signature,
          anchors: credentials.anchors(s.vertrouwdeCaPad, creds),
          at,
        })
      } catch (err) {
        if (err instanceof SignatureError || err instanceof CredentialError)
          throw new Refusal(problems.badSignature(err.message))
        throw err
      }
    } else if (s.ondertekeningVerplicht) {
      throw new Refusal(
        problems.badSignature(`Het verzoek is niet ondertekend: de ${PAYLOAD_SIG_HEADER}-header ontbreekt.`),
      )
    } else if (digest !== undefined) {
      if (digest !== digestOf(body))
        throw new Refusal(problems.badSignature('De Digest-header klopt niet met de inhoud van het verzoek.'))
    }

    let parsed: unknown = {}
    const text = body.toString('utf8')
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text)
      } catch {
        throw new Refusal(problems.badRequest('Het verzoek is geen geldige JSON.'))
      }
    }
    const wrong = requestProblem(parsed)
    if (wrong) throw new Refusal(problems.badRequest(wrong))
    const request = parsed as GegevensRequest
    const r = resolveRequest(request, deps.clock.today())
    if ('problem' in r) throw new Refusal(problems.unprocessable(r.problem))
    if (request.aanleverendeOrganisatie !== undefined) {
      const [monitor, team] = await Promise.all([getMonitorSettings(db), getTeamSettings(db)])
      if (
        !sameOrganisation(request.aanleverendeOrganisatie, monitor.organisatie.naam, team?.gemeenteCode ?? '')
      )
        throw new Refusal(
          problems.unprocessable(
            `Deze server levert alleen gegevens over ${monitor.organisatie.naam}, niet over "${request.aanleverendeOrganisatie}".`,
          ),
        )
    }

    let paged: PagedDelivery
    try {
      paged = await delivery(db, r.van, r.tot, at.getTime())
    } catch (err) {
      // The supplying organisation is not filled in, or the delivery failed its own schema check.
      if (err instanceof AppError) throw new Refusal(problems.unavailable(err.message))
      throw err
    }
    const page = pageOf(paged, r.page, r.pageSize)
    const errors = ddasSchemaErrors(page.gegevens, '1.2')
    if (errors.length)
      throw new Error(`page ${r.page} of ${r.van}..${r.tot} fails the v1.2 schema: ${errors[0]}`)
    const lev = page.gegevens.leveringen[0]!
    await recordCollection(db, {
      op: at.toISOString(),
      clientId: token.clientId,
      van: r.van,
      tot: r.tot,
      pagina: r.page,
      paginas: page.paginering.totalPages,
      signalen: lev.vroegsignalen.length,
      totaalSignalen: page.paginering.totalRecords,
      zaken: lev.vroegsignaalzaken.length,
    })
    return {
      clientId: token.clientId,
      payload: page,
      summary: `${r.van}..${r.tot} page ${r.page}/${page.paginering.totalPages} signals ${lev.vroegsignalen.length}/${page.paginering.totalRecords}`,
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now()
    const at = new Date(deps.clock.now())
    const path = new URL(req.url ?? '/', 'http://ddas-vs').pathname
    let creds: SigningCredentials | null = null
    let status = 500
    let note = ''
    let clientId = '-'
    try {
      const s = await getDdasVsSettings(deps.db())
      const wait = limiter.take(s.maxPerMinuut, at.getTime())
      try {
        creds = credentials.signing(s.certificaatPad, s.sleutelPad, s.kid, at)
      } catch (err) {
        if (!(err instanceof CredentialError)) throw err
        // Without the key nothing can be signed: the answer goes unsigned, and says why.
        if (!s.aan) throw new Refusal(problems.notFound('De koppeling met CBS staat uit.'))
        throw new Refusal(
          problems.unavailable(`Het certificaat voor ondertekenen kan niet gebruikt worden. ${err.message}`),
        )
      }
      if (wait > 0) throw new Refusal(problems.tooMany(wait))
      const done = await answer(req, s, creds, at, path)
      clientId = done.clientId
      note = done.summary
      status = 200
      await send(res, 200, 'application/json', done.payload, {}, creds, at)
    } catch (err) {
      const p = err instanceof Refusal ? err.problem : problems.internal()
      if (!(err instanceof Refusal)) note = err instanceof Error ? (err.stack ?? err.message) : String(err)
      else note = p.slug
      status = p.status
      if (!res.headersSent) {
        try {
          await send(
            res,
            p.status,
            'application/problem+json',
            problemBody(p, path),
            problemHeaders(p),
            creds,
            at,
          )
        } catch {
          res.destroy()
        }
      } else res.destroy()
    } finally {
      log(
        `${at.toISOString()} ${req.method ?? '?'} ${path} ${status} client=${clientId} ${Math.round(performance.now() - started)}ms ${note}`,
      )
    }
  }

  return {
    handle,
    basePath: async () => (await getDdasVsSettings(deps.db())).pad,
  }
}
