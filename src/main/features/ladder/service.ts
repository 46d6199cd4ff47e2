import type { CaseScope } from '../access/scope'
import type { Db } from '../../db/database'
import {
  KANAAL_LABELS,
  KANAAL_SOORT,
  STAP_KANAAL,
  STAP_LABELS,
  STAP_SOORTEN,
  type CasePlanView,
  type Kanaal,
  type LadderConfig,
  type LadderResult,
  type PlanStap,
  type TodayGroup,
  type TodayView,
} from '@shared/api/ladder'
import { dagdeelForHour, type Dagdeel } from '@shared/domain/ddas'
import type { ZaakStatus } from '@shared/domain/case'
import { addDays, formatDate } from '@shared/format/dates'
import { displayName } from '@shared/format/person'
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors'
import { markPrintedCardDelivered } from '../documents/queue-service'
import { TIME_ZONE } from '../../lib/clock'
import { recordAudit } from '../audit/repository'
import { userRef } from '../dossier/repository'
import { loadDossier } from '../dossier/service'
import { claimCase } from '../dossier/version'
import { getTeamSettings } from '../settings/repository'
import type { UseCaseContext } from '../../app/use-case'
import { messageTexts } from './messages'
import { pendingAppointment } from '../appointments/repository'
import { reminderTasks } from '../appointments/agenda'
import { MOMENT_STAPPEN, momentHints } from '../monitor/moment'
import { isReached, planAfter, startState, stepAfter, type PlanState } from './planner'
import { dueCutoff, isVisitDue, nextStep } from './next-step'
import {
  attemptOfDay,
  attemptTally,
  dueCases,
  firstResident,
  getCasePlanRow,
  getLadderConfig,
  hasLaterCase,
  householdApproach,
  insertAttempt,
  phonesOf,
  plannedVisit,
  plannedVisitCases,
  putLadderConfig,
  setCaseStatus,
  stateOf,
  userContact,
  writePlan,
  type CasePlanRow,
} from './repository'

/** A closed case can be reopened this many days after closing; later, a new case is the way. */
export const REOPEN_DAYS = 28
const TODAY_LIMIT = 500

/** The local hour and minute of an instant, in the team's time zone. */
export function localTime(instant: string): { hour: number; minute: number; hhmm: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant))
  const hour = Number(parts.find((p) => p.type === 'hour')!.value)
  const minute = Number(parts.find((p) => p.type === 'minute')!.value)
  return { hour, minute, hhmm: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` }
}

export async function saveLadderConfig(
  db: Db,
  ctx: UseCaseContext,
  cfg: LadderConfig,
): Promise<LadderConfig> {
  return db.transaction().execute(async (trx) => {
    await putLadderConfig(trx, cfg, ctx.at, ctx.userId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'gewijzigd',
      entityType: 'instellingen',
      entityId: null,
      summary: `Stappenplan: ${cfg.stappen.map((s) => STAP_LABELS[s.soort]).join(' → ')}`,
    })
    return cfg
  })
}

/** Where an open case stands before its next attempt: its stored plan, or the ladder's start. */
export function currentState(cfg: LadderConfig, row: CasePlanRow): PlanState {
  return row.plan_datum === null && row.plan_stap === null
    ? startState(cfg, row.datum_opgepakt)
    : stateOf(row)
}

export interface AttemptInput {
  caseId: number
  kanaal: Kanaal
  bereikt: boolean
  resultaat: string
  notitie: string
  datum?: string | null
  tijd?: string
}

export interface RecordedAttempt {
  id: number
  /** The plan written after the attempt; null when nothing is planned (closed, do not approach). */
  plan: PlanState | null
}

/**
 * Stores one contact attempt and moves the case's plan on: the one write path for attempts of
 * every screen (the ladder, visits, the print queue, the walk-in hour). Runs inside the caller's
 * transaction. An attempt is never dated after the day it is recorded. `closedOk`: a letter that
 * went out before its case was closed is still a contact; it is stored, the plan left alone.
 */
export async function recordAttempt(
  trx: Db,
  ctx: UseCaseContext,
  a: AttemptInput,
  opts: { closedOk?: boolean } = {},
): Promise<RecordedAttempt> {
  const row = await getCasePlanRow(trx, a.caseId)
  if (!row) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  if (row.is_open !== 1 && !opts.closedOk)
    throw new ConflictError('Deze zaak is gesloten. Heropen de zaak eerst.')
  const now = localTime(ctx.at)
  const hour = a.tijd ? Number(a.tijd.slice(0, 2)) : now.hour
  const dagdeel: Dagdeel = dagdeelForHour(hour)
  const datum = a.datum || ctx.today
  if (datum > ctx.today)
    throw new ValidationError(
      'Een contactpoging ligt nooit in de toekomst: leg haar vast als ze gedaan is.',
      {
        datum: 'Kies vandaag of een dag in het verleden.',
      },
    )
  const bereikt = isReached(a)
  const id = await insertAttempt(trx, {
    caseId: a.caseId,
    kanaal: a.kanaal,
    soort: KANAAL_SOORT[a.kanaal],
    bereikt,
    datum,
    dagdeel,
    resultaat: a.resultaat,
    notitie: a.notitie,
    at: ctx.at,
    by: ctx.userId,
  })
  const cfg = await getLadderConfig(trx)
  const current = currentState(cfg, row)
  const next: PlanState | null =
    row.niet_benaderen === 1 || row.is_open !== 1
      ? null
      : planAfter(cfg, current, { kanaal: a.kanaal, bereikt, resultaat: a.resultaat, datum, dagdeel })
  if (next) await writePlan(trx, a.caseId, next)
  if (row.status === 'nieuw') await setCaseStatus(trx, a.caseId, 'in_behandeling')
  await recordAudit(trx, ctx.at, {
    userId: ctx.userId,
    action: 'contactpoging',
    entityType: 'zaak',
    entityId: a.caseId,
    summary: `${KANAAL_LABELS[a.kanaal]} op ${formatDate(datum)} (${dagdeel}): ${a.resultaat || (bereikt ? 'bereikt' : 'niet bereikt')}${
      next?.stap ? `; volgende stap ${STAP_LABELS[next.stap]} op ${formatDate(next.datum)}` : ''
    }`,
  })
  return { id, plan: next }
}

/**
 * A card through the letterbox is one contact, however many screens say so: the visit's outcome,
 * a logged "Kaartje" attempt and the confirmed print batch all come here. One card per case per
 * day; a second report of the same day finds the first (`existing`). A printed card of the case
 * that was not yet confirmed is marked delivered with it, so confirming its batch later does not
 * count it again.
 */
export async function recordCard(
  trx: Db,
  ctx: UseCaseContext,
  c: { caseId: number; datum: string; tijd?: string; notitie: string },
  opts: { closedOk?: boolean } = {},
): Promise<{ id: number; existing: boolean }> {
  const same = await attemptOfDay(trx, c.caseId, KANAAL_SOORT.kaartje, c.datum)
  const id = same
    ? same.id
    : (
        await recordAttempt(
          trx,
          ctx,
          {
            caseId: c.caseId,
            kanaal: 'kaartje',
            bereikt: false,
            resultaat: 'Kaartje achtergelaten',
            notitie: c.notitie,
            datum: c.datum,
            tijd: c.tijd,
          },
          opts,
        )
      ).id
  await markPrintedCardDelivered(trx, c.caseId, id, c.datum)
  return { id, existing: !!same }
}

/** An attempt logged from the case file, on the version of the case the consulent read. */
export async function logAttempt(
  db: Db,
  ctx: UseCaseContext,
  a: AttemptInput & { versie: number },
): Promise<LadderResult> {
  await db.transaction().execute(async (trx) => {
    await claimCase(trx, a.caseId, a.versie)
    if (a.kanaal === 'kaartje') {
      const card = await recordCard(trx, ctx, {
        caseId: a.caseId,
        datum: a.datum || ctx.today,
        tijd: a.tijd,
        notitie: a.notitie,
      })
      if (card.existing)
        throw new ConflictError(
          'Voor deze dag staat al een kaartje bij deze zaak: één kaartje is één contactpoging.',
        )
    } else await recordAttempt(trx, ctx, a)
  })
  // Read after the commit, so the write lock (and the logboek's lock on PostgreSQL) is held for
  // the writes only.
  return result(db, ctx, a.caseId)
}

export async function result(db: Db, ctx: UseCaseContext, caseId: number): Promise<LadderResult> {
  return { plan: await loadPlan(db, ctx.today, caseId), dossier: await loadDossier(db, caseId) }
}

/** Where the case stands on the ladder, with ready message texts. */
export async function loadPlan(db: Db, today: string, caseId: number): Promise<CasePlanView> {
  const row = await getCasePlanRow(db, caseId)
  if (!row) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  const cfg = await getLadderConfig(db)
  const [household, r, consulent, team, attempts, later] = await Promise.all([
    householdApproach(db, row.household_id),
    firstResident(db, row.household_id),
    row.consulent_id ? userContact(db, row.consulent_id) : undefined,
    getTeamSettings(db),
    attemptTally(db, caseId),
    hasLaterCase(db, row.household_id, caseId),
  ])
  const open = row.is_open === 1
  const phones = await phonesOf(db, [row.household_id])
  const step = nextStep(cfg, row, !!phones.get(row.household_id))
  const visit = await plannedVisit(db, caseId)
  const afspraak = await pendingAppointment(db, caseId)
  const stap = step?.stap ?? null
  const stepCfg = cfg.stappen.find((s) => s.soort === stap)
  const bewoner = r
    ? displayName({ initials: r.voorletters, prefix: r.tussenvoegsel, surname: r.achternaam })
    : 'bewoner'
  const after = step ? stepAfter(cfg, stap) : null
  return {
    caseId,
    status: row.status as ZaakStatus,
    open,
    wijkId: row.wijk_id,
    nietBenaderen: row.niet_benaderen === 1 || household.niet_benaderen === 1,
    nietBenaderenReden: household.niet_benaderen_reden,
    stap,
    stapLabel: step?.label ?? null,
    poging: step?.poging ?? 1,
    pogingen: stepCfg?.pogingen ?? 1,
    datum: step?.datum ?? null,
    dagdeel: step?.dagdeel ?? null,
    daarna: after ? STAP_LABELS[after] : null,
    kanaal: stap ? STAP_KANAAL[stap] : 'telefoon',
    huisbezoekNodig: isVisitDue(step, today, !!visit),
    huisbezoek: visit,
    afspraak,
    pogingenTotaal: attempts.n,
    bereikt: attempts.bereikt,
    hulpAangeboden: row.hulp_aangeboden === null ? null : row.hulp_aangeboden === 1,
    hulpGeaccepteerd: row.hulp_geaccepteerd === null ? null : row.hulp_geaccepteerd === 1,
    verwijzing: row.verwijzing,
    heropenbaar: !open && !later && !!row.gesloten_op && row.gesloten_op >= addDays(today, -REOPEN_DAYS),
    berichten: messageTexts({
      bewoner,
      consulent: consulent ?? null,
      team: team
        ? {
            teamNaam: team.teamNaam,
            gemeenteNaam: team.gemeenteNaam,
            telefoon: team.telefoon,
            email: team.email,
          }
        : null,
      inloop: team
        ? { dag: team.inloopDag, start: team.inloopStart, eind: team.inloopEind, plaats: team.inloopPlaats }
        : null,
    }),
  }
}

/** What is due today and overdue for one consulent, grouped by step in ladder order. */
export async function todayList(
  db: Db,
  today: string,
  consulentId: number,
  scope: CaseScope,
): Promise<TodayView> {
  // Independent reads side by side (as listCaseload): on PostgreSQL each is a round trip on its
  // own pool connection; SQLite runs them one after the other as before.
  // The appointment reminders need none of the rest, so they go in the first round too.
  const [user, cfg, rows, herinneringen] = await Promise.all([
    userRef(db, consulentId),
    getLadderConfig(db),
    dueCases(db, consulentId, dueCutoff(today), TODAY_LIMIT + 1, scope),
    reminderTasks(db, today, consulentId, scope),
  ])
  if (!user) throw new NotFoundError('Deze medewerker bestaat niet (meer).')
  const afgekapt = rows.length > TODAY_LIMIT
  const shown = rows.slice(0, TODAY_LIMIT)
  const ids = shown.map((r) => r.id)
  const [phones, visits, hints] = await Promise.all([
    phonesOf(db, [...new Set(shown.map((r) => r.household_id))]),
    plannedVisitCases(db, ids),
    momentHints(db, ids),
  ])
  const order: PlanStap[] = [
    'afspraak',
    ...cfg.stappen.map((s) => s.soort),
    ...STAP_SOORTEN,
    'opvolgen',
    'afronden',
  ]
  const groups = new Map<PlanStap, TodayGroup>()
  let telaat = 0
  for (const r of shown) {
    const step = nextStep(cfg, { ...r, is_open: 1, niet_benaderen: 0 }, !!phones.get(r.household_id))
    if (!step) continue
    const late = step.datum < today
    if (late) telaat++
    if (!groups.has(step.stap)) groups.set(step.stap, { stap: step.stap, label: step.label, items: [] })
    groups.get(step.stap)!.items.push({
      caseId: r.id,
      caseNumber: r.case_number,
      naam: r.display_name,
      adres: r.adres,
      wijkId: r.wijk_id,
      telefoon: phones.get(r.household_id) ?? '',
      stap: step.stap,
      poging: step.poging,
      datum: step.datum,
      dagdeel: step.dagdeel,
      telaat: late,
      huisbezoekNodig: isVisitDue(step, today, visits.has(r.id)),
      moment: MOMENT_STAPPEN.includes(step.stap) ? (hints.get(r.id) ?? null) : null,
    })
  }
  const groepen = [...new Set(order)].filter((s) => groups.has(s)).map((s) => groups.get(s)!)
  return { datum: today, consulent: user, groepen, totaal: shown.length, telaat, afgekapt, herinneringen }
}
