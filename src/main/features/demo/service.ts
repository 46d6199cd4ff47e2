import type { Db } from '../../db/database'
import type { Clock } from '../../lib/clock'
import { setupInput, type SetupInput } from '@shared/api/setup'
import { dagdeelForHour } from '@shared/domain/ddas'
import { ConflictError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import { isSetupDone, markDemo } from '../settings/repository'
import { applySetup } from '../setup/service'
import { hashPassword, PASSWORD_PARAMS, type ScryptParams } from '../session/passwords'
import { DEMO_WACHTWOORD } from './password'
import { intakeSignal } from '../signals/service'
import { loadWijkRanges, type WijkRange } from '../wijken/assignment'
import { getLadderConfig } from '../ladder/repository'
import { localInstant } from './ladder'
import { workCurrentCase } from './progress'
import { planDemo, type PlannedCase, type PlannedSignal } from './plan'
import { createRandom } from './random'
import { caseConsulent, insertDemoAttempts, setDemoCaseState, setEveryPassword } from './repository'
import { DEMO_WIJKEN } from './streets'
import { buildOnScratchThenCopy } from './copy'
import { dialectOf } from '../../db/dialect'
import { holdsRows } from '../../db/export/copy'

/** Fixed, so every demo load (and every test) gets exactly the same people and amounts. */
export const DEMO_SEED = 0x5eed0957
/** Mixed into the seed for the consulenten's work on this month's cases (demo/progress.ts). */
const WORK_SEED = 0x0c0ffee

const CENTRUM = 'Centrum'
const KAPEL = "Kapel in 't Zand"
const MAASNIEL = 'Maasniel en Asenray'

export const DEMO_SETUP: SetupInput = {
  team: {
    gemeenteNaam: 'Roermond',
    gemeenteCode: '0957',
    teamNaam: 'Team Vroegsignalering',
    postadres: 'Postbus 900\n6040 AX Roermond',
    bezoekadres: 'Markt 31\n6041 EM Roermond',
    telefoon: '0475 359 999',
    email: 'vroegsignalering@roermond.nl',
    inloopDag: 'dinsdag',
    inloopStart: '09:00',
    inloopEind: '11:00',
    inloopPlaats: 'Stadskantoor, Markt 31',
  },
  wijken: DEMO_WIJKEN.map((w) => ({ naam: w.naam, postcodes: w.postcodes })),
  // Centrum is shared by two consulenten: new cases go to whoever has the fewest open ones.
  medewerkers: [
    {
      naam: 'Anouk Peeters',
      rol: 'consulent',
      telefoon: '06 12345678',
      email: 'a.peeters@roermond.nl',
      wijken: [CENTRUM, KAPEL, 'Herten'],
    },
    {
      naam: 'Sem Janssen',
      rol: 'consulent',
      telefoon: '06 23456789',
      email: 's.janssen@roermond.nl',
      wijken: ['Donderberg', 'Roermond-Oost'],
    },
    {
      naam: 'Yasmina Bouzid',
      rol: 'consulent',
      telefoon: '06 34567890',
      email: 'y.bouzid@roermond.nl',
      wijken: [MAASNIEL, 'Swalmen', CENTRUM],
    },
    {
      naam: 'Marloes Hendrikx',
      rol: 'kwaliteitsmedewerker',
      telefoon: '0475 359 931',
      email: 'm.hendrikx@roermond.nl',
      wijken: [],
    },
    {
      naam: 'Rob Geraedts',
      rol: 'beheerder',
      telefoon: '0475 359 940',
      email: 'r.geraedts@roermond.nl',
      wijken: [],
    },
  ],
  beheerder: { naam: 'Rob Geraedts', wachtwoord: DEMO_WACHTWOORD },
}

export interface DemoSummary {
  signals: number
  cases: number
  earlierCases: number
}

/**
 * Fills an empty database with a realistic month for Roermond: the team, its wijken, about 300
 * signals taken in through the real intake path, and about 40 earlier closed cases, so that
 * "eerder bekend" shows. One transaction: a failure leaves nothing behind.
 *
 * On PostgreSQL, when the database is as a fresh migration left it, the month is made on a
 * scratch SQLite database in memory by the same code and then written in with multi-row inserts
 * (demo/copy.ts): the same rows, without one round trip per statement.
 */
export async function loadDemoData(
  db: Db,
  clock: Clock,
  params: ScryptParams = PASSWORD_PARAMS,
): Promise<DemoSummary> {
  const at = clock.now()
  const today = clock.today()
  // One hash for the whole made-up team (they share the demo password), made before the transaction.
  const hash = await hashPassword(DEMO_WACHTWOORD, params)
  return db.transaction().execute(async (trx) => {
    if (await isSetupDone(trx))
      throw new ConflictError(
        'Lange Adem is al ingesteld. Voorbeeldgegevens kunnen alleen in een lege database worden geladen.',
      )
    if (dialectOf(trx) === 'postgres' && !(await holdsRows(trx)))
      return buildOnScratchThenCopy(trx, (scratch) => fillDemo(scratch, at, today, hash))
    return fillDemo(trx, at, today, hash)
  })
}

/** The demo month, written into `trx` (an empty database, inside the load's transaction). */
async function fillDemo(trx: Db, at: string, today: string, hash: string): Promise<DemoSummary> {
  await applySetup(trx, at, setupInput.parse(DEMO_SETUP), hash)
  // Every demo colleague signs in with the demo password shown on the demo's sign-in screen.
  await setEveryPassword(trx, hash)
  const ranges = await loadWijkRanges(trx)
  const plan = planDemo(createRandom(DEMO_SEED), today)

  // Earlier cases first, each closed before the next signal of its address arrives, so this
  // month's signals open new cases that show the history.
  for (const c of plan.earlier) {
    let caseId = 0
    for (const s of c.signals) caseId = await take(trx, s, ranges)
    await recordProgress(trx, caseId, c)
  }

  const caseIds = new Map<PlannedCase, number>()
  const intake = plan.current
    .flatMap((c) => c.signals.map((s) => ({ c, s })))
    .sort((a, b) => a.s.at.localeCompare(b.s.at))
  for (const { c, s } of intake) caseIds.set(c, await take(trx, s, ranges))
  // This month's cases are worked through the ladder itself, so every plan is the planner's.
  const cfg = await getLadderConfig(trx)
  const work = createRandom(DEMO_SEED ^ WORK_SEED)
  for (const c of plan.current)
    await workCurrentCase(trx, cfg, work, today, caseIds.get(c)!, c.attempts, c.closure)

  const summary: DemoSummary = {
    signals: intake.length,
    cases: plan.current.length,
    earlierCases: plan.earlier.length,
  }
  await markDemo(trx, at)
  await recordAudit(trx, at, {
    userId: null,
    action: 'demo geladen',
    entityType: 'demo',
    entityId: null,
    summary: `Voorbeeldgegevens geladen: ${summary.signals} signalen in ${summary.cases} zaken deze maand, ${summary.earlierCases} eerdere zaken`,
  })
  return summary
}

async function take(trx: Db, s: PlannedSignal, ranges: WijkRange[]): Promise<number> {
  const a = s.household.address
  const result = await intakeSignal(
    trx,
    { at: s.at, today: s.today, userId: null },
    s.signal,
    s.resident,
    {
      postcode: a.postcode,
      huisnummer: a.huisnummer,
      toevoeging: s.toevoeging,
      straat: a.straat,
      plaats: a.plaats,
    },
    { demo: true, ranges },
  )
  return result.caseId
}

/** The attempts on an earlier case, and its closing; closed cases have no plan. */
async function recordProgress(trx: Db, caseId: number, c: PlannedCase): Promise<void> {
  if (c.attempts.length === 0 && !c.closure) return
  const consulentId = await caseConsulent(trx, caseId)
  if (c.attempts.length > 0)
    await insertDemoAttempts(
      trx,
      c.attempts.map((a) => ({
        case_id: caseId,
        soort: a.soort,
        kanaal: a.kanaal,
        bereikt: a.bereikt ? 1 : 0,
        datum: a.datum,
        dagdeel: dagdeelForHour(a.hour),
        resultaat: a.resultaat,
        notitie: a.notitie,
        created_at: localInstant(a.datum, a.hour, a.minute),
        created_by: consulentId,
      })),
    )
  await setDemoCaseState(
    trx,
    caseId,
    c.closure
      ? {
          status: 'gesloten',
          is_open: 0,
          resultaat: c.closure.resultaat,
          gesloten_op: c.closure.geslotenOp,
        }
      : { status: 'in_behandeling' },
  )
}
