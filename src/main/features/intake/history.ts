import { signalInScope, type CaseScope } from '../access/scope'
import type { ColumnMapping, ImportSignalView, ImportView } from '@shared/api/intake'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { displayName } from '@shared/format/person'
import type { Db } from '../../db/database'
import { NotFoundError } from '../../lib/errors'
import {
  batchQuery,
  caseWorkedSince,
  decisionCounts,
  foreignSignalInCases,
  openProblemCount,
  signalQuery,
  type BatchRow,
  type SignalRow,
} from './repository'

/** Why an import can no longer be undone, or null when it can. */
export async function undoBlocked(db: Db, importId: number, at: string): Promise<string | null> {
  if (await caseWorkedSince(db, importId, at)) return 'Aan zaken uit deze inlezing is al gewerkt.'
  // A signal of another import or entered by hand in a case this import opened
  if (await foreignSignalInCases(db, importId))
    return 'Een latere inlezing of invoer heeft signalen aan zaken uit deze inlezing toegevoegd.'
  return null
}

async function toView(db: Db, r: BatchRow): Promise<ImportView> {
  const counts = await decisionCounts(db, r.id)
  const n = (b: string) => Number(counts.find((c) => c.besluit === b)?.n ?? 0)
  const open = await openProblemCount(db, r.id)
  return {
    id: r.id,
    bestandsnaam: r.bestandsnaam,
    bron: r.bron,
    at: r.at,
    gebruiker: r.naam,
    rows: r.rows_total,
    nieuw: r.rows_new,
    eerderIngelezen: r.rows_duplicate,
    problemen: r.rows_problem,
    teControleren: open,
    doorgezet: n('doorzetten'),
    nietDoorgezet: n('niet'),
    ongedaanOp: r.undone_at,
    undoBlocked: r.undone_at ? 'Al ongedaan gemaakt.' : await undoBlocked(db, r.id, r.at),
    mapping: JSON.parse(r.mapping_json) as ColumnMapping,
  }
}

export async function listImports(db: Db): Promise<ImportView[]> {
  const rows = await batchQuery(db).orderBy('b.id', 'desc').limit(100).execute()
  return Promise.all(rows.map((r) => toView(db, r)))
}

export async function getImport(db: Db, id: number): Promise<ImportView> {
  const r = await batchQuery(db).where('b.id', '=', id).executeTakeFirst()
  if (!r) throw new NotFoundError('Deze inlezing bestaat niet.')
  return toView(db, r)
}

export function signalView(r: SignalRow): ImportSignalView {
  return {
    signalId: r.signal_id,
    line: r.line,
    naam: displayName({ initials: r.voorletters, prefix: r.tussenvoegsel, surname: r.achternaam }),
    adres: `${r.straat} ${formatHouseNumber(r.huisnummer, r.toevoeging)}, ${formatPostcode(r.postcode)}`,
    partnerType: r.partner_type,
    bedragCents: r.bedrag_cents,
    signaaldatum: r.signaaldatum,
    advies: r.advies as ImportSignalView['advies'],
    adviesReden: r.advies_reden,
    besluit: r.besluit as ImportSignalView['besluit'],
    status: r.status,
    overruleReden: r.overrule_reden,
    meervoudig: r.meervoudig === 1,
    opeenvolgend: r.opeenvolgend === 1,
    eerdereSignalen: r.eerdere_signalen,
    caseId: r.case_id,
    caseNumber: r.case_number,
  }
}

export async function importSignals(db: Db, importId: number, scope: CaseScope): Promise<ImportSignalView[]> {
  const rows = await signalQuery(db)
    .where('si.import_id', '=', importId)
    .where(signalInScope(scope, 'z', 'h'))
    .orderBy('si.line')
    .limit(5000)
    .execute()
  return rows.map(signalView)
}
