import { caseInScope, type CaseScope } from '../access/scope'
import type { Db } from '../../db/database'
import type {
  MonitorCases,
  MonitorDashboard,
  MonitorSettings,
  monitorSettingsInput,
} from '@shared/api/monitor'
import type { z } from 'zod'
import { recordAudit } from '../audit/repository'
import { calendarDate } from '../../lib/clock'
import type { UseCaseContext } from '../signals/service'
import { monitorDb, refreshFacts } from './facts'
import { figuresFromDaily, loadDaily } from './daily'
import { DEFS, presentKeys, selectFacts, type CaseFact, type FigureContext } from './figures'

export interface Period {
  van: string
  tot: string
}

const SETTINGS_KEY = 'monitor'
export const DEFAULT_LEEFTIJDSGRENZEN = [25, 35, 45, 55, 66]
export const DEFAULT_BEDRAGGRENZEN = [100, 250, 500, 1000, 2000]

interface StoredSettings {
  leverancierCode: string
  leeftijdsgrenzen: number[]
  bedraggrenzen: number[]
}

async function storedSettings(db: Db): Promise<StoredSettings> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', SETTINGS_KEY)
    .executeTakeFirst()
  const v = row ? (JSON.parse(row.value) as Partial<StoredSettings>) : {}
  return {
    leverancierCode: v.leverancierCode ?? '',
    leeftijdsgrenzen: v.leeftijdsgrenzen ?? DEFAULT_LEEFTIJDSGRENZEN,
    bedraggrenzen: v.bedraggrenzen ?? DEFAULT_BEDRAGGRENZEN,
  }
}

export async function getMonitorSettings(db: Db): Promise<MonitorSettings> {
  const referenties = await monitorDb(db)
    .selectFrom('monitor_reference')
    .select(['key', 'label', 'percentage', 'bron', 'jaar'])
    .orderBy('key')
    .execute()
  return { ...(await storedSettings(db)), referenties }
}

export async function saveMonitorSettings(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof monitorSettingsInput>,
): Promise<MonitorSettings> {
  await db.transaction().execute(async (trx) => {
    const value = JSON.stringify({
      leverancierCode: input.leverancierCode,
      leeftijdsgrenzen: input.leeftijdsgrenzen,
      bedraggrenzen: input.bedraggrenzen,
    })
    await trx
      .insertInto('setting')
      .values({ key: SETTINGS_KEY, value, updated_at: ctx.at, updated_by: ctx.userId })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: ctx.at, updated_by: ctx.userId }))
      .execute()
    for (const r of input.referenties)
      await monitorDb(trx)
        .updateTable('monitor_reference')
        .set({ percentage: r.percentage, bron: r.bron, jaar: r.jaar, updated_at: ctx.at })
        .where('key', '=', r.key)
        .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'gewijzigd',
      entityType: 'instellingen',
      entityId: null,
      summary: 'Instellingen van de monitor gewijzigd',
    })
  })
  return getMonitorSettings(db)
}

/** The followed-up cases counting in the period (their peildatum, facts.ts), as anonymous facts. */
export async function loadFacts(db: Db, p: Period): Promise<CaseFact[]> {
  return monitorDb(db)
    .selectFrom('monitor_case_fact')
    .select([
      'case_id',
      'peildatum',
      'datum_opgepakt',
      'wijk_id',
      'consulent_id',
      'partner_types',
      'crisis',
      'bedrag_euro',
      'leeftijd',
      'pogingen',
      'soorten_mask',
      'bereikt_mask',
      'bereikt',
      'eerste_contact_soort',
      'eerste_contact_dagdeel',
      'eerste_contact_datum',
      'resultaat',
    ])
    .where('peildatum', '>=', p.van)
    .where('peildatum', '<=', p.tot)
    .where('opgepakt', '=', 1)
    .execute()
}

export async function figureContext(db: Db): Promise<FigureContext & { bron: string | null }> {
  const [settings, wijken, users] = await Promise.all([
    getMonitorSettings(db),
    db.selectFrom('wijk').select(['id', 'naam']).execute(),
    db.selectFrom('app_user').select(['id', 'naam']).execute(),
  ])
  const refs = settings.referenties.filter((r) => r.percentage !== null)
  const bronnen = [...new Set(refs.map((r) => `${r.bron} ${r.jaar}`))]
  return {
    leeftijdsgrenzen: settings.leeftijdsgrenzen,
    bedraggrenzen: settings.bedraggrenzen,
    landelijk: new Map(refs.map((r) => [r.key, r.percentage!])),
    wijken: new Map(wijken.map((w) => [w.id, w.naam])),
    consulenten: new Map(users.map((u) => [u.id, u.naam])),
    bron: bronnen.length ? bronnen.join('; ') : null,
  }
}

/** The day the team was set up: the first colleague's creation. */
export async function teamStartDate(db: Db): Promise<string | null> {
  const started = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.min('created_at').as('at'))
    .executeTakeFirst()
  return started?.at ? calendarDate(started.at) : null
}

export async function getDashboard(db: Db, p: Period): Promise<MonitorDashboard> {
  await refreshFacts(db)
  const ctx = await figureContext(db)
  const [sums, amounts] = await loadDaily(db, p, ctx.bedraggrenzen)
  return {
    van: p.van,
    tot: p.tot,
    ...figuresFromDaily(sums, amounts, ctx),
    referentieBron: ctx.bron,
    inGebruikSinds: await teamStartDate(db),
  }
}

const WAT_LABEL = {
  opgepakt: 'opgepakte zaken',
  bereikt: 'bereikte zaken',
  hulp: 'zaken met hulp geaccepteerd',
}

/** The cases behind one number of the dashboard, newest first (at most 500 listed). */
export async function listMonitorCases(
  db: Db,
  p: Period & { tabel: string; groep: string; wat: 'opgepakt' | 'bereikt' | 'hulp' },
  scope: CaseScope,
): Promise<MonitorCases> {
  await refreshFacts(db)
  const ctx = await figureContext(db)
  // The figures are the team's; the names behind them only for who may see those cases.
  const selected = selectFacts(await loadFacts(db, p), ctx, p.tabel, p.groep, p.wat)
    .filter((f) => caseInScope(scope, f))
    .sort((a, b) => b.datum_opgepakt.localeCompare(a.datum_opgepakt) || b.case_id - a.case_id)
  const shown = selected.slice(0, 500)
  const details = new Map<number, { case_number: string; display_name: string }>()
  for (let i = 0; i < shown.length; i += 400) {
    const ids = shown.slice(i, i + 400).map((f) => f.case_id)
    for (const r of await db
      .selectFrom('vroegsignaalzaak')
      .select(['id', 'case_number', 'display_name'])
      .where('id', 'in', ids)
      .execute())
      details.set(r.id, r)
  }
  const def = DEFS.find((d) => d.key === p.tabel)
  const row = def?.rows(ctx, presentKeys(def, selected, ctx)).find((r) => r.key === p.groep)
  return {
    titel: `${def ? `${def.titel}: ${row?.label ?? p.groep}` : 'Alle zaken'} (${WAT_LABEL[p.wat]})`,
    total: selected.length,
    rows: shown.map((f) => {
      const d = details.get(f.case_id)
      return {
        id: f.case_id,
        caseNumber: d?.case_number ?? '',
        // A case whose personal data were deleted still counts, but has no name any more.
        naam: d?.display_name ?? 'Gegevens verwijderd',
        wijkNaam: f.wijk_id ? (ctx.wijken.get(f.wijk_id) ?? null) : null,
        consulentNaam: f.consulent_id ? (ctx.consulenten.get(f.consulent_id) ?? null) : null,
        datumOpgepakt: f.datum_opgepakt,
        pogingen: f.pogingen,
        bereikt: f.bereikt === 1,
        resultaat: f.resultaat,
      }
    }),
  }
}
