import type { z } from 'zod'
import { apiContract, type MethodName } from '@shared/api'
import { forbiddenMessage, mayCall } from '@shared/api/permissions'
import type { Rol } from '@shared/domain/case'
import type { ApiErrorPayload, ApiResult } from '@shared/api/define'
import { zodFieldErrors } from '@shared/api/validation'
import { AppError, CaseConflictError } from '../lib/errors'
import type { Db } from '../db/database'
import type { Clock } from '../lib/clock'
import type { AllHandlers } from './handlers'
import { isSerializationFailure, PartlySavedError, retryOnSerializationFailure } from '../db/retry'
import { IMPORT_BUSY } from '../features/intake/import-lock'
import type { HandlerContext, Session } from './context'
import type { Maintenance } from './maintenance'
import { enforceCaseAccess } from '../features/access/rules'
import { withFreshCaseFile } from '../features/dossier/conflict'
import type { ScryptParams } from '../features/session/passwords'
import { sessionGate } from '../features/session/idle'
import { callerState } from '../features/session/repository'
import { cleanInput, InputTooDeepError } from './clean-input'

/** Turns a zod error into one Dutch message plus a message per field path ("bewoner.achternaam"). */
export function validationPayload(error: z.ZodError): ApiErrorPayload {
  const fields = zodFieldErrors(error)
  const first = Object.values(fields)[0] ?? 'De invoer klopt niet.'
  const count = Object.keys(fields).length
  return {
    code: 'validation',
    message: count > 1 ? `${first} (en nog ${count - 1} andere ${count === 2 ? 'fout' : 'fouten'})` : first,
    fields,
  }
}

/** The Dutch refusal of a file or request body over a limit (the dispatcher and the web server). */
export function tooLarge(maxBytes: number): { message: string; fields: Record<string, string> } {
  const mb = megabytes(maxBytes)
  return {
    message: `Het bestand is groter dan ${mb}. Dat is meer dan een jaar aan signalen van een grote gemeente; deel het op in kleinere bestanden.`,
    fields: { bestand: `Groter dan ${mb}.` },
  }
}

export interface Dispatcher {
  /**
   * One call: `file` is the bytes of a file sent beside the input, for a method whose contract
   * takes one (an import file); the transports read it (a path main was given by the user's
   * own file dialog, or a streamed upload), never the page.
   */
  call(session: Session, method: string, input: unknown, file?: Uint8Array): Promise<ApiResult<unknown>>
}

/** A file's size in words, for the refusal: "64 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}

export function createDispatcher(
  deps: {
    db: Db
    clock: Clock
    log?: (msg: string, err: unknown) => void
    maintenance?: Maintenance
    /** The cost of new password hashes; only tests lower it. */
    passwordParams?: ScryptParams
  },
  handlers: AllHandlers,
): Dispatcher {
  const log = deps.log ?? ((msg, err) => console.error(msg, err))
  return {
    async call(session, method, input, file) {
      if (typeof method !== 'string' || !Object.hasOwn(apiContract, method)) {
        return { ok: false, error: { code: 'not_found', message: 'Deze actie bestaat niet.' } }
      }
      const name = method as MethodName
      const def = apiContract[name]
      if (def.access === 'user') {
        if (session.userId === null)
          return { ok: false, error: { code: 'not_signed_in', message: 'Kies eerst wie je bent.' } }
        // Read the user each call: a colleague made inactive, or given another role, is stopped at once.
        const user = await callerState(deps.db, session.userId)
        if (!user || user.actief !== 1) {
          session.userId = null
          return {
            ok: false,
            error: {
              code: 'not_signed_in',
              message: 'Je bent niet (meer) actief in dit team. Kies opnieuw wie je bent.',
            },
          }
        }
        // A password reset by the beheerder ends the sessions that were open with the old one.
        if (user.password_must_change === 1) {
          session.userId = null
          return {
            ok: false,
            error: {
              code: 'not_signed_in',
              message: 'De beheerder heeft je wachtwoord opnieuw ingesteld. Meld je opnieuw aan.',
            },
          }
        }
        // Locked, or idle for too long: nothing is answered until the password is given again.
        const gate = await sessionGate(deps.db, deps.clock, session, name)
        if (gate) return { ok: false, error: gate }
        if (!mayCall(name, user.rol as Rol))
          return {
            ok: false,
            error: { code: 'forbidden', message: forbiddenMessage(name) },
          }
      }
      // Validated after the role check: who may not call a method learns nothing about its input.
      // Every text made clean at this one edge (no lone surrogates, controls or bidi overrides).
      let clean: unknown
      try {
        clean = cleanInput(input ?? {})
      } catch (err) {
        if (!(err instanceof InputTooDeepError)) throw err
        return {
          ok: false,
          error: { code: 'validation', message: 'De gegevens zijn te diep genest om te kunnen lezen.' },
        }
      }
      const parsed = def.input.safeParse(clean)
      if (!parsed.success) return { ok: false, error: validationPayload(parsed.error) }
      const spec = (def as { file?: { maxBytes: number } }).file
      if (file !== undefined && !spec)
        return { ok: false, error: { code: 'validation', message: 'Deze actie neemt geen bestand aan.' } }
      if (spec && (file === undefined || file.byteLength === 0))
        return {
          ok: false,
          error: {
            code: 'validation',
            message: 'Het bestand ontbreekt of is leeg.',
            fields: { bestand: 'Leeg.' },
          },
        }
      if (spec && file && file.byteLength > spec.maxBytes)
        return { ok: false, error: { code: 'validation', ...tooLarge(spec.maxBytes) } }
      try {
        const handler = handlers[name] as (i: unknown, c: unknown) => Promise<unknown>
        const ctx: HandlerContext = {
          db: deps.db,
          clock: deps.clock,
          session,
          userId: session.userId ?? 0,
          ...(deps.maintenance ? { maintenance: deps.maintenance } : {}),
          ...(deps.passwordParams ? { passwordParams: deps.passwordParams } : {}),
          ...(file ? { file } : {}),
        }
        // On PostgreSQL a call whose transaction lost a race (a serialization failure or a
        // deadlock) changed nothing and runs again, a few times at most (db/retry.ts). A change
        // refused because a colleague changed the case comes back with the fresh case file.
        const value = await retryOnSerializationFailure(async () => {
          // Which cases this user may see or change: one rule per method (features/access/rules.ts).
          if (def.access === 'user') await enforceCaseAccess(ctx, name, parsed.data)
          return handler(parsed.data, ctx)
        }).catch((e: unknown) => withFreshCaseFile(ctx, e))
        return { ok: true, value }
      } catch (err) {
        if (err instanceof AppError) {
          return {
            ok: false,
            error: {
              code: err.code,
              message: err.message,
              ...(err.fields ? { fields: err.fields } : {}),
              ...(err instanceof CaseConflictError ? { dossier: err.dossier } : {}),
            },
          }
        }
        // PostgreSQL: the call lost a race after it had stored a first part; not run again (db/retry.ts).
        if (err instanceof PartlySavedError)
          return {
            ok: false,
            error: {
              code: 'conflict',
              message:
                'Een collega wijzigde tegelijk dezelfde gegevens. Een deel van deze handeling is al opgeslagen, de rest niet. Bekijk wat er nu staat en probeer het zo nodig opnieuw.',
            },
          }
        // PostgreSQL: the call lost a race more often than it is retried (db/retry.ts).
        if (isSerializationFailure(err))
          return {
            ok: false,
            error: {
              code: 'conflict',
              message:
                'Collega’s wijzigden tegelijk dezelfde gegevens. Er is niets gewijzigd; probeer het opnieuw.',
            },
          }
        // PostgreSQL: a lock stayed taken longer than a statement waits (lock_timeout, db/postgres.ts),
        // most likely by the monthly import; the transaction was rolled back.
        if ((err as { code?: unknown } | null)?.code === '55P03')
          return { ok: false, error: { code: 'conflict', message: IMPORT_BUSY } }
        // Another connection held the write lock for longer than a write waits for it (60 s,
        // db/driver.ts): a very large import in its worker, or a backup being put back. Nothing
        // was changed; trying again a little later works.
        if ((err as { code?: unknown } | null)?.code === 'SQLITE_BUSY')
          return {
            ok: false,
            error: {
              code: 'conflict',
              message:
                'Lange Adem is even bezig met een groot bestand. Er is niets gewijzigd; probeer het over een paar seconden opnieuw.',
            },
          }
        log(`Fout in ${name}`, err)
        return {
          ok: false,
          error: {
            code: 'internal',
            message:
              'Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw of meld het aan de beheerder.',
          },
        }
      }
    },
  }
}
