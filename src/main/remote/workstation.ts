import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { apiContract, type MethodName } from '@shared/api'
import type { ApiErrorPayload, ApiResult } from '@shared/api/define'
import type { AppStatus } from '@shared/api/setup'
import type { ServerProbe, WerkplekStatus } from '@shared/api/workstation'
import { validationPayload, type Dispatcher } from '../app/dispatcher'
import type { Session } from '../app/context'
import { cleanInput } from '../app/clean-input'
import { normaliseFingerprint } from '../server/fingerprint'
import { cleanWorkstationName } from '../server/sessions'
import { connectToServer, readServerCertificate, RemoteError, type RemoteDispatcher } from './client'
import { TEAM_CONFIG_FILE, type TeamConfig } from './config'

/**
 * The computer's side of "how do you work": alone or with the team server. A Dispatcher in front
 * of whichever backend is current (this computer's own app, or the forwarding client), which
 * answers the `werkplek.*` methods itself and passes every other call on. Choosing the team
 * connects in main (the fingerprint handshake, the version check, a session whose token only this
 * process holds), pins the fingerprint in `team.json` and from then on forwards every call;
 * going back to working alone opens this computer's own data again. Both the Electron shell and
 * the browser mode use it, so both behave the same.
 */
export interface SoloBackend {
  dispatcher: Dispatcher
  /** Stops its background work and closes the database. */
  close(): Promise<void>
}

export type Current =
  { modus: 'alleen'; solo: SoloBackend } | { modus: 'team'; remote: RemoteDispatcher; config: TeamConfig }

export interface WorkstationOptions {
  /** The folder that holds team.json; null when the command line named the server (it decides). */
  dataDir: string | null
  /** The workstation's name when the person gives none: the computer's name. */
  defaultWerkplek: string
  /** Opens this computer's own data, to work alone. */
  openSolo(): Promise<SoloBackend>
  start: Current
  /** Replaceable in tests; the real client otherwise. */
  connect?: typeof connectToServer
}

export interface Workstation {
  dispatcher: Dispatcher
  current(): Current
  close(): Promise<void>
}

const refuse = (code: ApiErrorPayload['code'], message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message },
})

const NOT_HERE =
  'Deze werkplek is gestart met een teamserver op de opdrachtregel (--server). Stop Lange Adem en start het zonder --server om dit te wijzigen.'

export function createWorkstation(opts: WorkstationOptions): Workstation {
  let current: Current = opts.start
  const connect = opts.connect ?? connectToServer
  const backend = (): Dispatcher => (current.modus === 'alleen' ? current.solo.dispatcher : current.remote)
  /** One switch at a time: a second click waits for the first to finish. */
  let switching: Promise<unknown> = Promise.resolve()

  function status(): WerkplekStatus {
    return current.modus === 'team'
      ? {
          modus: 'team',
          server: current.config.server,
          vingerafdruk: current.config.vingerafdruk,
          werkplek: current.config.werkplek,
          wijzigbaar: opts.dataDir !== null,
        }
      : {
          modus: 'alleen',
          server: null,
          vingerafdruk: null,
          werkplek: null,
          wijzigbaar: opts.dataDir !== null,
        }
  }

  /**
   * Who may change how this computer works: anyone while nothing is set up yet (the first run),
   * afterwards only a signed-in beheerder: it decides where a team's data is kept.
   */
  async function mayChange(session: Session): Promise<ApiResult<never> | null> {
    if (opts.dataDir === null) return refuse('forbidden', NOT_HERE)
    const res = await backend().call(session, 'app.status', {})
    if (!res.ok) return res
    const st = res.value as AppStatus
    if (!st.setupDone) return null
    if (st.currentUser?.rol === 'beheerder' && !st.locked) return null
    return refuse('forbidden', 'Alleen de beheerder kan dit wijzigen. Meld je aan als beheerder.')
  }

  /** The window starts over: nobody is signed in on the new backend yet. */
  function forget(session: Session): void {
    session.userId = null
    session.locked = false
    session.lastActivityAt = null
    delete session.inloop
  }

  async function probe(adres: string): Promise<ServerProbe> {
    const peer = await readServerCertificate(new URL(adres))
    return { server: adres, vingerafdruk: peer.fingerprint }
  }

  async function joinTeam(
    session: Session,
    input: { adres: string; vingerafdruk: string; werkplek?: string | undefined },
  ): Promise<ApiResult<WerkplekStatus>> {
    const werkplek = cleanWorkstationName(input.werkplek || opts.defaultWerkplek)
    if (!werkplek)
      return {
        ok: false,
        error: {
          code: 'validation',
          message: 'Geef deze werkplek een naam (letters, cijfers, spatie, punt of streepje).',
          fields: { werkplek: 'Geef deze werkplek een naam.' },
        },
      }
    const pin = normaliseFingerprint(input.vingerafdruk)!
    let remote: RemoteDispatcher
    try {
      remote = await connect({ url: input.adres, fingerprint: pin, werkplek })
    } catch (err) {
      return refuse(
        'validation',
        err instanceof RemoteError ? err.message : `Verbinden lukte niet: ${String(err)}`,
      )
    }
    const config: TeamConfig = { server: input.adres, vingerafdruk: pin, werkplek }
    // Written whole or not at all: a half-written file would stop the next start.
    const file = join(opts.dataDir!, TEAM_CONFIG_FILE)
    writeFileSync(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o644 })
    renameSync(`${file}.tmp`, file)
    const before = current
    current = { modus: 'team', remote, config }
    forget(session)
    await leave(before)
    return { ok: true, value: status() }
  }

  async function workAlone(session: Session): Promise<ApiResult<WerkplekStatus>> {
    if (current.modus === 'alleen') return { ok: true, value: status() }
    let solo: SoloBackend
    try {
      solo = await opts.openSolo()
    } catch (err) {
      return refuse(
        'internal',
        `De gegevens op deze computer konden niet worden geopend. Er is niets gewijzigd: Lange Adem werkt nog met de teamserver.\n${err instanceof Error ? err.message : String(err)}`,
      )
    }
    rmSync(join(opts.dataDir!, TEAM_CONFIG_FILE), { force: true })
    const before = current
    current = { modus: 'alleen', solo }
    forget(session)
    await leave(before)
    return { ok: true, value: status() }
  }

  async function leave(before: Current): Promise<void> {
    if (before.modus === 'team') await before.remote.close()
    else await before.solo.close()
  }

  async function own(session: Session, method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
    const def = apiContract[method]
    let clean: unknown
    try {
      clean = cleanInput(input ?? {})
    } catch {
      return refuse('validation', 'De gegevens konden niet worden gelezen.')
    }
    const parsed = def.input.safeParse(clean)
    if (!parsed.success) return { ok: false, error: validationPayload(parsed.error) }
    if (method === 'werkplek.status') return { ok: true, value: status() }
    const denied = await mayChange(session)
    if (denied) return denied
    const data = parsed.data as { adres: string; vingerafdruk: string; werkplek?: string }
    if (method === 'werkplek.bekijkServer') {
      try {
        return { ok: true, value: await probe(data.adres) }
      } catch (err) {
        return refuse('validation', err instanceof RemoteError ? err.message : String(err))
      }
    }
    const run = switching.then(() =>
      method === 'werkplek.koppel' ? joinTeam(session, data) : workAlone(session),
    )
    switching = run.catch(() => undefined)
    return run
  }

  return {
    dispatcher: {
      async call(session, method, input, file) {
        if (
          typeof method === 'string' &&
          method.startsWith('werkplek.') &&
          Object.hasOwn(apiContract, method)
        ) {
          if (file !== undefined) return refuse('validation', 'Deze actie neemt geen bestand aan.')
          return own(session, method as MethodName, input)
        }
        return backend().call(session, method, input, file)
      },
    },
    current: () => current,
    close: () => leave(current),
  }
}
