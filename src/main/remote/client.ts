import { Agent, request } from 'node:https'
import { connect, rootCertificates, type PeerCertificate } from 'node:tls'
import { apiContract } from '@shared/api'
import type { ApiErrorPayload, ApiResult } from '@shared/api/define'
import { APP_VERSION } from '@shared/version'
import type { Dispatcher } from '../app/dispatcher'
import { INPUT_HEADER, TEAM_PREFIX, VERSION_HEADER, type Hallo } from '../server/protocol'
import { fingerprintOf, normaliseFingerprint } from '../server/fingerprint'

/**
 * A workstation in team mode: a Dispatcher that forwards every call to the team server instead
 * of running it here. The transports (Electron's IPC, the browser mode's loopback server) use it
 * exactly as they use the local one, so the renderer does not change and never sees the server's
 * session token; this process keeps no database and no cache.
 *
 * The server's certificate is pinned by its SHA-256 fingerprint: before anything is sent, a
 * handshake alone reads the certificate the server presents and compares it with the pin. Every
 * request then trusts that certificate (and the chain it came with) and checks the pin again in
 * `checkServerIdentity`, which Node calls only after the chain verified: a different certificate,
 * even one a public CA signed for the same name, is refused before a byte of the request leaves.
 */
export class RemoteError extends Error {
  constructor(
    message: string,
    /** The request never reached the server (refused, no route): sending it again is safe. */
    readonly neverSent = false,
  ) {
    super(message)
    this.name = 'RemoteError'
  }
}

/**
 * Waits before sending again a request that never reached the server (a server restarting, a
 * network coming back): then the screen shows "niet bereikbaar". A request that may have arrived
 * is never sent twice.
 */
export const RETRY_DELAYS_MS = [250, 500, 1000]

export interface RemoteDispatcher extends Dispatcher {
  /** Forgets the session on the server. */
  close(): Promise<void>
}

const UNREACHABLE =
  'De teamserver is niet bereikbaar. Er is niets opgeslagen. Controleer de netwerkverbinding; Lange Adem probeert het opnieuw als je de actie nog eens doet.'
const CUT_OFF =
  'De verbinding met de teamserver werd verbroken voordat die antwoordde. Kijk of je wijziging er staat voordat je het opnieuw doet.'

export const fingerprintMismatchMessage = (expected: string, found: string) =>
  `De teamserver laat een ander certificaat zien dan het vastgelegde. Er is geen verbinding gemaakt en niets verstuurd.\nVerwacht: ${expected}\nGekregen: ${found}\nVraag de beheerder of het certificaat van de server is vervangen.`

/** Whether the method is one only a signed-in user may call (the contract's access). */
function needsSignIn(method: string): boolean {
  if (!Object.hasOwn(apiContract, method)) return true
  return apiContract[method as keyof typeof apiContract].access !== 'none'
}

interface Peer {
  fingerprint: string
  /** The presented chain as PEM, leaf first, to trust on the real requests. */
  chain: string[]
}

const pem = (raw: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${raw
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`

/** A TLS handshake alone (nothing is sent): the certificate the server shows. */
export function readServerCertificate(url: URL, timeoutMs = 10_000): Promise<Peer> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 443),
      ...(/^[\d.]+$|:/.test(url.hostname) ? {} : { servername: url.hostname }),
      rejectUnauthorized: false,
      timeout: timeoutMs,
    })
    socket.once('secureConnect', () => {
      const leaf = socket.getPeerCertificate(true)
      const chain: string[] = []
      let c: PeerCertificate | undefined = leaf
      const seen = new Set<string>()
      while (c?.raw && !seen.has(c.fingerprint256)) {
        seen.add(c.fingerprint256)
        chain.push(pem(c.raw))
        c = (c as { issuerCertificate?: PeerCertificate }).issuerCertificate
      }
      socket.end()
      if (!chain[0]) return reject(new RemoteError('De teamserver liet geen certificaat zien.'))
      resolve({ fingerprint: fingerprintOf(chain[0]), chain })
    })
    socket.once('timeout', () => {
      socket.destroy()
      reject(new RemoteError(UNREACHABLE))
    })
    socket.once('error', () => reject(new RemoteError(UNREACHABLE)))
  })
}

/** A client closes a connection idle this long; the server waits longer (team-server.ts). */
export const IDLE_SOCKET_MS = 15_000

interface Answer {
  status: number
  body: string
}

export async function connectToServer(opts: {
  url: string
  /** The pinned fingerprint; required for https. */
  fingerprint?: string
  werkplek: string
}): Promise<RemoteDispatcher> {
  const base = new URL(opts.url)
  // Workstations speak TLS only (a server behind a reverse proxy is reached through the proxy).
  if (base.protocol !== 'https:')
    throw new RemoteError(`Het adres van de teamserver moet met https:// beginnen: ${opts.url}`)
  let agent: Agent
  {
    const pin = opts.fingerprint ? normaliseFingerprint(opts.fingerprint) : null
    const peer = await readServerCertificate(base)
    if (!pin)
      throw new RemoteError(
        `Leg eerst de vingerafdruk van de teamserver vast. De server laat deze zien:\n${peer.fingerprint}\nVergelijk die met wat de server bij het starten toonde.`,
      )
    if (peer.fingerprint !== pin) throw new RemoteError(fingerprintMismatchMessage(pin, peer.fingerprint))
    agent = new Agent({
      keepAlive: true,
      maxSockets: 16,
      timeout: IDLE_SOCKET_MS,
      ca: [...rootCertificates, ...peer.chain],
      rejectUnauthorized: true,
      // The pin replaces the name check: only this one certificate is accepted, whatever its names.
      checkServerIdentity: (_host, cert) => {
        const found = fingerprintOf(pem(cert.raw))
        return found === pin ? undefined : new RemoteError(fingerprintMismatchMessage(pin, found))
      },
    })
  }

  async function send(
    path: string,
    method: 'GET' | 'POST',
    headers: Record<string, string>,
    body?: Uint8Array | string,
  ): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await sendOnce(path, method, headers, body)
      } catch (err) {
        const delay = RETRY_DELAYS_MS[attempt]
        if (!(err instanceof RemoteError) || !err.neverSent || delay === undefined) throw err
        await new Promise((r) => setTimeout(r, delay))
      }
    }
  }

  function sendOnce(
    path: string,
    method: 'GET' | 'POST',
    headers: Record<string, string>,
    body?: Uint8Array | string,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, base),
        { method, agent, headers: { [VERSION_HEADER]: APP_VERSION, ...headers } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          )
          res.on('error', () => reject(new RemoteError(CUT_OFF)))
        },
      )
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof RemoteError) return reject(err)
        // Refused or unknown host: the request never reached the server.
        const never = ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(
          err.code ?? '',
        )
        reject(new RemoteError(never ? UNREACHABLE : CUT_OFF, never))
      })
      req.end(body)
    })
  }

  const hallo = await send(`${TEAM_PREFIX}/hallo`, 'GET', {})
  let serverVersion = '?'
  try {
    const h = JSON.parse(hallo.body) as Hallo
    if (h.toepassing === 'lange-adem') serverVersion = h.versie
  } catch {
    throw new RemoteError(`Op ${opts.url} draait geen Lange Adem-teamserver.`)
  }
  if (serverVersion !== APP_VERSION)
    throw new RemoteError(
      `De teamserver heeft Lange Adem ${serverVersion}, deze computer ${APP_VERSION}. Werk deze computer bij naar versie ${serverVersion}, of vraag de beheerder om hulp.`,
    )

  async function openSession(): Promise<string> {
    const a = await send(
      `${TEAM_PREFIX}/sessie`,
      'POST',
      { 'content-type': 'application/json' },
      JSON.stringify({ werkplek: opts.werkplek }),
    )
    const parsed = JSON.parse(a.body) as { token?: string; error?: ApiErrorPayload }
    if (!parsed.token) throw new RemoteError(parsed.error?.message ?? 'De teamserver opende geen sessie.')
    return parsed.token
  }
  let token = await openSession()

  const failure = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'internal', message } })

  function parse<T>(a: Answer): ApiResult<T> {
    try {
      return JSON.parse(a.body) as ApiResult<T>
    } catch {
      return failure(
        `De teamserver gaf een onleesbaar antwoord (status ${a.status}). Er is mogelijk niets opgeslagen.`,
      )
    }
  }

  /** A session the server no longer knows (it restarted, or 12 hours unused): open a new one. */
  async function renewSession(): Promise<ApiResult<never> | null> {
    try {
      token = await openSession()
      return null
    } catch (err) {
      return failure(err instanceof RemoteError ? err.message : UNREACHABLE)
    }
  }

  function post(method: string, input: unknown, file: Uint8Array | undefined): Promise<Answer> {
    const path = `${TEAM_PREFIX}/api/${encodeURIComponent(method)}`
    const auth = { authorization: `Bearer ${token}` }
    return file
      ? send(
          path,
          'POST',
          {
            ...auth,
            'content-type': 'application/octet-stream',
            [INPUT_HEADER]: encodeURIComponent(JSON.stringify(input ?? {})),
          },
          file,
        )
      : send(path, 'POST', { ...auth, 'content-type': 'application/json' }, JSON.stringify(input ?? {}))
  }

  return {
    async call(_session, method, input, file) {
      // The local session is not used: who is signed in here lives in the server's session.
      let a: Answer
      try {
        a = await post(method, input, file)
        if (a.status === 401) {
          // The server refused the token before running anything. In the new session nobody is
          // signed in: a call that needs no one (the app's status, the sign-in screen's names)
          // is simply asked again there, so the screen shows the sign-in without an error; any
          // other call gets the server's "meld je opnieuw aan", which sends the screen there.
          const renewed = await renewSession()
          if (renewed) return renewed
          if (!needsSignIn(method)) a = await post(method, input, file)
        }
      } catch (err) {
        return failure(err instanceof RemoteError ? err.message : UNREACHABLE)
      }
      return parse(a)
    },
    async close() {
      try {
        await send(`${TEAM_PREFIX}/afmelden`, 'POST', { authorization: `Bearer ${token}` })
      } catch {
        // The server is gone already: its session expires by itself.
      }
      agent.destroy()
    },
  }
}
