import { auditContract } from './audit'
import { backupContract } from './backup'
import { caseloadContract } from './caseload'
import { dossierContract } from './dossier'
import { ladderContract } from './ladder'
import { visitsContract } from './visits'
import { appointmentsContract } from './appointments'
import { walkinContract } from './walkin'
import { documentsContract } from './documents'
import { monitorContract } from './monitor'
import { sessionContract } from './session'
import { settingsContract } from './settings'
import { setupContract } from './setup'
import { signalsContract } from './signals'
import { intakeContract } from './intake'
import { retentionContract } from './retention'
import { ddasVsContract } from './ddas-vs'
import { changesContract } from './changes'
import { werkplekContract } from './workstation'
import type { InputOf, OutputOf } from './define'
import type { METHOD_NAMES } from './method-names'

/**
 * The whole API between renderer and main: the union of each feature's contract.
 * `composeContracts` refuses a method name that two features both declare.
 */
function composeContracts<T extends Record<string, object>[]>(...parts: T): UnionToIntersection<T[number]> {
  const out: Record<string, unknown> = {}
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (name in out) throw new Error(`API method "${name}" is declared twice`)
      out[name] = def
    }
  }
  return out as UnionToIntersection<T[number]>
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never

export const apiContract = composeContracts(
  setupContract,
  sessionContract,
  settingsContract,
  signalsContract,
  intakeContract,
  caseloadContract,
  dossierContract,
  auditContract,
  ladderContract,
  visitsContract,
  appointmentsContract,
  walkinContract,
  documentsContract,
  monitorContract,
  backupContract,
  retentionContract,
  ddasVsContract,
  changesContract,
  werkplekContract,
)
export type ApiContract = typeof apiContract
export type MethodName = keyof ApiContract & string
export type ApiInput<M extends MethodName> = InputOf<ApiContract[M]>
export type ApiOutput<M extends MethodName> = OutputOf<ApiContract[M]>

export { METHOD_NAMES } from './method-names'

// Both directions: a method in the contract but not in the list, or the other way round,
// is a compile error.
type ListedName = (typeof METHOD_NAMES)[number]
type Missing = Exclude<MethodName, ListedName>
type Extra = Exclude<ListedName, MethodName>
const _namesComplete: [Missing, Extra] extends [never, never] ? true : { missing: Missing; extra: Extra } =
  true
void _namesComplete
