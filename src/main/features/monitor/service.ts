import { caseInScope, type CaseScope } from '../access/scope'
import type { Db } from '../../db/database'
import type {
  AanleverendeOrganisatie,
  MonitorCases,
  MonitorDashboard,
  MonitorSettings,
  monitorSettingsInput,
} from '@shared/api/monitor'
import type { z } from 'zod'
import { recordAudit } from '../audit/repository'
import { getTeamSettings } from '../settings/repository'
import { APP_VERSION } from '@shared/version'
import { calendarDate } from '../../lib/clock'
import type { UseCaseContext } from '../../app/use-case'
import { refreshFacts } from './facts'
import { figuresFromDaily, loadDaily } from './daily'
import { appointmentsByPlace } from './appointment-figures'
import { DEFS, presentKeys, selectFacts, type CaseFact, type FigureContext, type Period } from './figures'

const SETTINGS_KEY = 'monitor'
export const DEFAULT_LEEFTIJDSGRENZEN = [25, 35, 45, 55, 66]
export const DEFAULT_BEDRAGGRENZEN = [100, 250, 500, 1000, 2000]
/** The software's name in codeGegevensleverancier, as the DDAS FAQ asks (with the version). */
export const DEFAULT_LEVERANCIER = 'Lange Adem'

interface StoredSettings {
  leverancierNaam: string
  organisatie: AanleverendeOrganisatie | null
  geboortedatumMeesturen: boolean
  leeftijdsgrenzen: number[]
  bedraggrenzen: number[]
}

async function storedSettings(db: Db): Promise<StoredSettings> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', SETTINGS_KEY)
    .executeTakeFirst()
  // leverancierCode: the free code kept before v1.2 (it then became the name before the version).
  const v = row ? (JSON.parse(row.value) as Partial<StoredSettings> & { leverancierCode?: string }) : {}
  return {
    leverancierNaam: v.leverancierNaam || v.leverancierCode || DEFAULT_LEVERANCIER,
    organisatie: v.organisatie ?? null,
    geboortedatumMeesturen: v.geboortedatumMeesturen ?? true,
    leeftijdsgrenzen: v.leeftijdsgrenzen ?? DEFAULT_LEEFTIJDSGRENZEN,
    bedraggrenzen: v.bedraggrenzen ?? DEFAULT_BEDRAGGRENZEN,
  }
}

/** The age bands' upper limits the monitor uses (also for Vandaag's hint, monitor/moment.ts). */
export async function ageLimits(db: Db): Promise<number[]> {
  return (await storedSettings(db)).leeftijdsgrenzen
}

/** codeGegevensleverancier: the supplier's name and the version of the software that delivers. */
export const supplierCode = (naam: string) => `${naam} ${APP_VERSION}`

export async function getMonitorSettings(db: Db): Promise<MonitorSettings> {
  const [stored, team, referenties] = await Promise.all([
    storedSettings(db),
    getTeamSettings(db),
    db
      .selectFrom('monitor_reference')
      .select(['key', 'label', 'percentage', 'bron', 'jaar'])
      .orderBy('key')
      .execute(),
  ])
  const organisatie = stored.organisatie ?? {
    naam: team ? `Gemeente ${team.gemeenteNaam}` : '',
    kvkNummer: '',
    contactpersonen: [],
  }
  const voorstel = organisatie.contactpersonen.length
    ? []
    : (
        await db
          .selectFrom('app_user')
          .select(['naam', 'telefoon', 'email'])
          .where('rol', '=', 'kwaliteitsmedewerker')
          .where('actief', '=', 1)
          .orderBy('naam')
          .execute()
      ).map((u) => ({
        naam: u.naam,
        telefoon: u.telefoon,
        email: u.email,
        functie: 'Kwaliteitsmedewerker vroegsignalering',
      }))
  return {
    leverancierNaam: stored.leverancierNaam,
    softwareVersie: APP_VERSION,
    codeGegevensleverancier: supplierCode(stored.leverancierNaam),
    organisatie,
    voorstelContactpersonen: voorstel,
    geboortedatumMeesturen: stored.geboortedatumMeesturen,
    leeftijdsgrenzen: stored.leeftijdsgrenzen,
    bedraggrenzen: stored.bedraggrenzen,
    referenties,
  }
}

export async function saveMonitorSettings(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof monitorSettingsInput>,
): Promise<MonitorSettings> {
  await db.transaction().execute(async (trx) => {
    const value = JSON.stringify({
      leverancierNaam: input.leverancierNaam,
      organisatie: input.organisatie,
      geboortedatumMeesturen: input.geboortedatumMeesturen,
      leeftijdsgrenzen: input.leeftijdsgrenzen,
      bedraggrenzen: input.bedraggrenzen,
    } satisfies StoredSettings)
    await trx
      .insertInto('setting')
      .values({ key: SETTINGS_KEY, value, updated_at: ctx.at, updated_by: ctx.userId })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: ctx.at, updated_by: ctx.userId }))
      .execute()
    for (const r of input.referenties)
      await trx
        .updateTable('monitor_reference')
        .set({ percentage: r.percentage, bron: r.bron, jaar: r.jaar, updated_at: ctx.at })
        .where('key', '=', r.key)
        .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'gewijzigd',
      entityType: 'instellingen',
      entityId: null,
      summary: `Instellingen van de monitor gewijzigd (aanleverende organisatie: ${input.organisatie.naam}, ${input.organisatie.contactpersonen.length} contactpersonen)`,
    })
  })
  return getMonitorSettings(db)
}

/** The followed-up cases counting in the period (their peildatum, facts.ts), as anonymous facts. */
export async function loadFacts(db: Db, p: Period): Promise<CaseFact[]> {
  return db
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
      'afspraak',
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
    afspraken: await appointmentsByPlace(db, p),
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
