import { signalInScope, type CaseScope } from '../access/scope'
import type { ColumnMapping, ImportSignalView, ImportView } from '@shared/api/intake'
import type { Signaalstatus } from '@shared/domain/ddas'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { displayName } from '@shared/format/person'
import type { Db } from '../../db/database'
import { ConflictError, NotFoundError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import { insertNewCase, refreshCaseSummary } from '../signals/households'
import type { UseCaseContext } from '../signals/service'
import { consulentForWijk } from '../wijken/assignment'
import { intakeDb } from './tables'
import { sql } from 'kysely'

/** Why an import can no longer be undone, or null when it can. */
async function undoBlocked(db: Db, importId: number, at: string): Promise<string | null> {
  const worked = await sql<{ id: number }>`
    select z.id from vroegsignaalzaak z
    where z.id in (select s.case_id from signaal_intake si join vroegsignaal s on s.id = si.signal_id
                   where si.import_id = ${importId} and s.case_id is not null)
      and (z.status != 'nieuw'
        or exists (select 1 from contactpoging c where c.case_id = z.id and c.created_at >= ${at})
        or exists (select 1 from note n where n.case_id = z.id and n.created_at >= ${at}))
    limit 1`.execute(db)
  if (worked.rows.length > 0) return 'Aan zaken uit deze inlezing is al gewerkt.'
  // A signal of another import or entered by hand in a case this import opened
  const foreign = await sql<{ id: number }>`
    select s.id from (
      select entity_id as first_id, entity_id as last_id from import_effect where import_id = ${importId} and kind = 'zaak'
      union all
      select first_id, last_id from import_range where import_id = ${importId} and kind = 'zaak'
    ) c
    join vroegsignaal s on s.case_id between c.first_id and c.last_id
    left join signaal_intake si on si.signal_id = s.id
    where si.import_id is null or si.import_id != ${importId}
    limit 1`.execute(db)
  if (foreign.rows.length > 0)
    return 'Een latere inlezing of invoer heeft signalen aan zaken uit deze inlezing toegevoegd.'
  return null
}

async function toView(
  db: Db,
  r: {
    id: number
    bestandsnaam: string
    bron: string
    at: string
    naam: string | null
    rows_total: number
    rows_new: number
    rows_duplicate: number
    rows_problem: number
    undone_at: string | null
    mapping_json: string
  },
): Promise<ImportView> {
  const counts = await intakeDb(db)
    .selectFrom('signaal_intake')
    .select(['besluit', (eb) => eb.fn.countAll<number>().as('n')])
    .where('import_id', '=', r.id)
    .groupBy('besluit')
    .execute()
  const n = (b: string) => Number(counts.find((c) => c.besluit === b)?.n ?? 0)
  const open = await intakeDb(db)
    .selectFrom('import_problem')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('import_id', '=', r.id)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow()
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
    teControleren: Number(open.n),
    doorgezet: n('doorzetten'),
    nietDoorgezet: n('niet'),
    ongedaanOp: r.undone_at,
    undoBlocked: r.undone_at ? 'Al ongedaan gemaakt.' : await undoBlocked(db, r.id, r.at),
    mapping: JSON.parse(r.mapping_json) as ColumnMapping,
  }
}

function batchQuery(db: Db) {
  return intakeDb(db)
    .selectFrom('import_batch as b')
    .leftJoin('app_user as u', 'u.id', 'b.user_id')
    .select([
      'b.id',
      'b.bestandsnaam',
      'b.bron',
      'b.at',
      'u.naam',
      'b.rows_total',
      'b.rows_new',
      'b.rows_duplicate',
      'b.rows_problem',
      'b.undone_at',
      'b.mapping_json',
    ])
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

/** The ids an import created of one kind: ranges per run, and single rows added later (a decision). */
async function created(db: Db, importId: number, kind: 'zaak' | 'huishouden' | 'bewoner') {
  const idb = intakeDb(db)
  const ranges = await idb
    .selectFrom('import_range')
    .select(['first_id', 'last_id'])
    .where('import_id', '=', importId)
    .where('kind', '=', kind)
    .execute()
  const singles = await idb
    .selectFrom('import_effect')
    .select('entity_id')
    .where('import_id', '=', importId)
    .where('kind', '=', kind)
    .execute()
  return [
    ...ranges.map((r) => [r.first_id, r.last_id] as const),
    ...singles.map((e) => [e.entity_id, e.entity_id] as const),
  ]
}

/**
 * Puts back the phone number, e-mail, BSN and birth date the import changed on residents known
 * before it: each field only where it still holds what the import set (a later change stays).
 */
async function restoreResidents(trx: Db, importId: number): Promise<number> {
  const idb = intakeDb(trx)
  const rows = await idb
    .selectFrom('import_resident_before as b')
    .innerJoin('resident as r', 'r.id', 'b.resident_id')
    .select([
      'b.resident_id',
      'b.telefoon',
      'b.email',
      'b.bsn',
      'b.geboortedatum',
      'b.updated_at',
      'b.set_telefoon',
      'b.set_email',
      'b.set_bsn',
      'b.set_geboortedatum',
      'r.telefoon as now_telefoon',
      'r.email as now_email',
      'r.bsn as now_bsn',
      'r.geboortedatum as now_geboortedatum',
    ])
    .where('b.import_id', '=', importId)
    .execute()
  let restored = 0
  for (const b of rows) {
    const back: { telefoon?: string; email?: string; bsn?: string | null; geboortedatum?: string | null } = {}
    if (b.now_telefoon === b.set_telefoon) back.telefoon = b.telefoon
    if (b.now_email === b.set_email) back.email = b.email
    if (b.now_bsn === b.set_bsn) back.bsn = b.bsn
    if (b.now_geboortedatum === b.set_geboortedatum) back.geboortedatum = b.geboortedatum
    const all = Object.keys(back).length === 4
    await trx
      .updateTable('resident')
      .set({ ...back, ...(all ? { updated_at: b.updated_at } : {}) })
      .where('id', '=', b.resident_id)
      .execute()
    restored++
  }
  await idb.deleteFrom('import_resident_before').where('import_id', '=', importId).execute()
  return restored
}

/**
 * Undoes a whole import: its signals, the cases, households and residents it created, and the
 * details it changed on residents it found.
 */
export async function undoImport(db: Db, ctx: UseCaseContext, importId: number): Promise<ImportView> {
  await db.transaction().execute(async (trx) => {
    const idb = intakeDb(trx)
    const batch = await idb
      .selectFrom('import_batch')
      .selectAll()
      .where('id', '=', importId)
      .executeTakeFirst()
    if (!batch) throw new NotFoundError('Deze inlezing bestaat niet.')
    if (batch.undone_at) throw new ConflictError('Deze inlezing is al ongedaan gemaakt.')
    const blocked = await undoBlocked(trx, importId, batch.at)
    if (blocked) throw new ConflictError(`Deze inlezing kan niet meer ongedaan worden gemaakt. ${blocked}`)
    const signals = await idb
      .selectFrom('signaal_intake as si')
      .innerJoin('vroegsignaal as s', 's.id', 'si.signal_id')
      .select(['s.id', 's.case_id'])
      .where('si.import_id', '=', importId)
      .execute()
    const cases = await created(trx, importId, 'zaak')
    const isCreated = (id: number) => cases.some(([a, b]) => id >= a && id <= b)
    const touched = new Set(
      signals.map((s) => s.case_id).filter((c): c is number => c !== null && !isCreated(c)),
    )
    const signalIds = signals.map((s) => s.id)
    for (let i = 0; i < signalIds.length; i += 500) {
      const chunk = signalIds.slice(i, i + 500)
      await idb
        .updateTable('import_problem')
        .set({ signal_id: null })
        .where('signal_id', 'in', chunk)
        .execute()
      await idb.deleteFrom('signaal_intake').where('signal_id', 'in', chunk).execute()
      await trx.deleteFrom('vroegsignaal').where('id', 'in', chunk).execute()
    }
    for (const c of touched) await refreshCaseSummary(trx, c)
    let caseCount = 0
    for (const [a, b] of cases) {
      const res = await trx
        .deleteFrom('vroegsignaalzaak')
        .where('id', '>=', a)
        .where('id', '<=', b)
        .executeTakeFirst()
      caseCount += Number(res.numDeletedRows)
    }
    const restored = await restoreResidents(trx, importId)
    for (const [a, b] of await created(trx, importId, 'bewoner'))
      await sql`delete from resident where id between ${a} and ${b}
        and not exists (select 1 from vroegsignaal s where s.resident_id = resident.id)`.execute(trx)
    for (const [a, b] of await created(trx, importId, 'huishouden'))
      await sql`delete from household where id between ${a} and ${b}
        and not exists (select 1 from resident r where r.household_id = household.id)
        and not exists (select 1 from vroegsignaalzaak z where z.household_id = household.id)
        and not exists (select 1 from vroegsignaal s where s.household_id = household.id)`.execute(trx)
    await idb
      .updateTable('import_problem')
      .set({
        status: 'afgewezen',
        reden: 'Inlezing ongedaan gemaakt',
        resolved_at: ctx.at,
        resolved_by: ctx.userId,
      })
      .where('import_id', '=', importId)
      .where('status', '=', 'open')
      .execute()
    await idb
      .updateTable('import_batch')
      .set({ undone_at: ctx.at, undone_by: ctx.userId })
      .where('id', '=', importId)
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'inlezing ongedaan gemaakt',
      entityType: 'import',
      entityId: importId,
      summary:
        `${batch.bestandsnaam}: ${signalIds.length} signalen en ${caseCount} zaken verwijderd` +
        (restored
          ? `, gegevens van ${restored} bekende ${restored === 1 ? 'bewoner' : 'bewoners'} teruggezet`
          : ''),
    })
  })
  return getImport(db, importId)
}

function signalQuery(db: Db) {
  return intakeDb(db)
    .selectFrom('signaal_intake as si')
    .innerJoin('vroegsignaal as s', 's.id', 'si.signal_id')
    .innerJoin('resident as r', 'r.id', 's.resident_id')
    .innerJoin('household as h', 'h.id', 's.household_id')
    .leftJoin('vroegsignaalzaak as z', 'z.id', 's.case_id')
    .select([
      'si.signal_id',
      'si.line',
      'si.advies',
      'si.advies_reden',
      'si.besluit',
      'si.overrule_reden',
      'si.meervoudig',
      'si.opeenvolgend',
      'si.eerdere_signalen',
      's.partner_type',
      's.bedrag_cents',
      's.signaaldatum',
      's.status',
      's.case_id',
      'z.case_number',
      'r.voorletters',
      'r.tussenvoegsel',
      'r.achternaam',
      'h.straat',
      'h.huisnummer',
      'h.toevoeging',
      'h.postcode',
    ])
}

type SignalRow = Awaited<ReturnType<ReturnType<typeof signalQuery>['executeTakeFirstOrThrow']>>

function signalView(r: SignalRow): ImportSignalView {
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

/**
 * The consulent overrules the triage proposal: a signal not followed up gets a case after all
 * (the household's open case, or a new one), or a followed-up signal leaves its case with a
 * DDAS status (an empty new case without work is removed).
 */
export async function decideSignal(
  db: Db,
  ctx: UseCaseContext,
  input: { signalId: number; doorzetten: boolean; status?: string; reden: string },
): Promise<ImportSignalView> {
  await db.transaction().execute(async (trx) => {
    const idb = intakeDb(trx)
    const s = await idb
      .selectFrom('vroegsignaal as s')
      .innerJoin('signaal_intake as si', 'si.signal_id', 's.id')
      .innerJoin('household as h', 'h.id', 's.household_id')
      .select([
        's.id',
        's.case_id',
        's.household_id',
        's.signaaldatum',
        'h.wijk_id',
        'h.postcode',
        'si.import_id',
      ])
      .where('s.id', '=', input.signalId)
      .executeTakeFirst()
    if (!s) throw new NotFoundError('Dit signaal bestaat niet (meer).')
    let caseId = s.case_id
    if (input.doorzetten && caseId === null) {
      const open = await trx
        .selectFrom('vroegsignaalzaak')
        .select('id')
        .where('household_id', '=', s.household_id)
        .where('is_open', '=', 1)
        .orderBy('id', 'desc')
        .executeTakeFirst()
      caseId = open?.id ?? (await openCase(trx, ctx, s))
      if (!open)
        await idb
          .insertInto('import_effect')
          .values({ import_id: s.import_id, kind: 'zaak', entity_id: caseId })
          .execute()
      await trx
        .updateTable('vroegsignaal')
        .set({ case_id: caseId, status: null })
        .where('id', '=', s.id)
        .execute()
      await refreshCaseSummary(trx, caseId)
    } else if (!input.doorzetten) {
      const status = (input.status ?? 'Niet opgepakt: andere reden') as Signaalstatus
      await trx.updateTable('vroegsignaal').set({ case_id: null, status }).where('id', '=', s.id).execute()
      if (caseId !== null) {
        const left = await trx
          .selectFrom('vroegsignaal')
          .select('id')
          .where('case_id', '=', caseId)
          .executeTakeFirst()
        if (left) await refreshCaseSummary(trx, caseId)
        else {
          const work = await trx
            .selectFrom('contactpoging')
            .select('id')
            .where('case_id', '=', caseId)
            .executeTakeFirst()
          const note = await trx
            .selectFrom('note')
            .select('id')
            .where('case_id', '=', caseId)
            .executeTakeFirst()
          if (work || note)
            throw new ConflictError(
              'Aan de zaak van dit signaal is al gewerkt. Sluit de zaak in het dossier af.',
            )
          await idb
            .deleteFrom('import_effect')
            .where('kind', '=', 'zaak')
            .where('entity_id', '=', caseId)
            .execute()
          await trx.deleteFrom('vroegsignaalzaak').where('id', '=', caseId).execute()
        }
      }
      caseId = null
    }
    await idb
      .updateTable('signaal_intake')
      .set({
        besluit: input.doorzetten ? 'doorzetten' : 'niet',
        overrule_reden: input.reden,
        overruled_by: ctx.userId,
      })
      .where('signal_id', '=', s.id)
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: input.doorzetten ? 'signaal toch doorgezet' : 'signaal niet doorgezet',
      entityType: caseId !== null ? 'zaak' : 'signaal',
      entityId: caseId ?? s.id,
      summary: `Voorstel afwegingskader overruled voor signaal nr ${s.id}: ${input.reden}`,
    })
  })
  const r = await signalQuery(db).where('si.signal_id', '=', input.signalId).executeTakeFirstOrThrow()
  return signalView(r)
}

/** A new case for a household, as intakeSignal opens one. */
async function openCase(
  trx: Db,
  ctx: UseCaseContext,
  s: { household_id: number; wijk_id: number | null; postcode: string; signaaldatum: string },
): Promise<number> {
  const consulentId = await consulentForWijk(trx, s.wijk_id)
  return insertNewCase(trx, ctx, {
    household_id: s.household_id,
    wijk_id: s.wijk_id,
    consulent_id: consulentId,
    postcode: s.postcode,
    latest_signal_date: s.signaaldatum,
  })
}
