import type { z } from 'zod'
import type { Db } from '../../db/database'
import { checkedTransaction } from '../../db/dialect'
import type {
  Urgentie,
  WalkinHit,
  WalkinSearchResult,
  WalkinSessionView,
  newVisitorInput,
  registerInput,
} from '@shared/api/walkin'
import { URGENTIE_LABELS } from '@shared/api/walkin'
import { WEEKDAGEN } from '@shared/domain/case'
import { formatDate, parseDutchDate } from '@shared/format/dates'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { displayName } from '@shared/format/person'
import { ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import { explainSearch, parseSearch } from '../caseload/search'
import { getHousehold, insertNote } from '../dossier/repository'
import { getTeamSettings } from '../settings/repository'
import { findOrCreateHousehold, findOrCreateResident, insertNewCase } from '../signals/households'
import type { UseCaseContext } from '../../app/use-case'
import { consulentForWijk, loadWijkRanges } from '../wijken/assignment'
import { writePlan } from '../ladder/repository'
import { localTime, recordAttempt } from '../ladder/service'
import { addWorkdays } from '../ladder/planner'
import { getLadderConfig, phonesOf } from '../ladder/repository'
import { nextStep } from '../ladder/next-step'
import {
  caseDoNotApproach,
  findVisitors,
  getResident,
  insertWalkinVisit,
  openCaseOf,
  residentHome,
  sessionOfDay,
  visitorDetails,
  visitsOfDay,
} from './repository'

const MAX_HITS = 25

/**
 * Finds visitors by surname (optionally with a birth date: "Berg 12-03-1984"), birth date,
 * postcode and house number (from the card they bring), or case number. Every query starts from
 * an index on the typed value and stops at 25 people, so it stays fast on a big database.
 */
export async function searchVisitors(db: Db, zoek: string): Promise<WalkinSearchResult> {
  const dateToken = /(\d{1,2}[-/.]\d{1,2}[-/.]\d{4})/.exec(zoek)
  const rest = dateToken ? zoek.replace(dateToken[1]!, '').trim() : ''
  const date = dateToken ? parseDutchDate(dateToken[1]!) : null
  const parsed = date && rest ? parseSearch(rest) : parseSearch(zoek)
  let uitleg = explainSearch(parsed)
  if (parsed.kind === 'none') return { uitleg: null, hits: [] }
  if (parsed.kind === 'houseNumber')
    return { uitleg: 'Typ de postcode met het huisnummer, bijvoorbeeld 6041 AB 12.', hits: [] }
  if (parsed.kind === 'surname' && date) uitleg = `${uitleg}, geboren ${formatDate(date)}`
  const found = await findVisitors(db, parsed, parsed.kind === 'surname' ? date : null, MAX_HITS)
  return { uitleg, hits: await describe(db, found) }
}

async function describe(db: Db, found: { id: number; household_id: number }[]): Promise<WalkinHit[]> {
  if (found.length === 0) return []
  const households = [...new Set(found.map((f) => f.household_id))]
  const [residents, homes, cases] = await visitorDetails(
    db,
    found.map((f) => f.id),
    households,
  )
  const [cfg, phones] = await Promise.all([getLadderConfig(db), phonesOf(db, households)])
  const home = new Map(homes.map((h) => [h.id, h]))
  const byId = new Map(residents.map((r) => [r.id, r]))
  return found.map((f) => {
    const r = byId.get(f.id)!
    const h = home.get(r.household_id)!
    const mine = cases.filter((c) => c.household_id === r.household_id)
    const open = mine.find((c) => c.is_open === 1)
    return {
      residentId: r.id,
      householdId: r.household_id,
      naam: displayName({ initials: r.voorletters, prefix: r.tussenvoegsel, surname: r.achternaam }),
      geboortedatum: r.geboortedatum,
      adres: `${h.straat} ${formatHouseNumber(h.huisnummer, h.toevoeging)}, ${h.plaats}`,
      postcode: formatPostcode(h.postcode),
      openCase: open
        ? {
            id: open.id,
            caseNumber: open.case_number,
            consulent: open.naam,
            stap: nextStep(cfg, open, !!phones.get(open.household_id))?.label ?? null,
          }
        : null,
      eerdereZaken: mine.filter((c) => c.is_open === 0).length,
      nietBenaderen: h.niet_benaderen === 1,
    }
  })
}

export async function loadSession(db: Db, today: string): Promise<WalkinSessionView> {
  const team = await getTeamSettings(db)
  const weekday = WEEKDAGEN[(new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7]!
  const rows = await visitsOfDay(db, today)
  return {
    datum: today,
    dag: team?.inloopDag ?? 'dinsdag',
    van: team?.inloopStart ?? '09:00',
    tot: team?.inloopEind ?? '11:00',
    plaats: team?.inloopPlaats ?? '',
    isInloopdag: weekday === (team?.inloopDag ?? 'dinsdag'),
    bezoekers: rows.map((r) => ({
      id: r.id,
      tijd: r.tijd,
      caseId: r.case_id,
      caseNumber: r.case_number,
      naam: r.display_name,
      nieuweZaak: r.nieuwe_zaak === 1,
      urgentie: r.urgentie as Urgentie,
      urgentieDatum: r.urgentie_datum,
      vervolgstap: r.vervolgstap,
      door: r.naam,
    })),
  }
}

/** A case for someone who came in without a signal: no signals, the visitor as its name. */
async function startCase(
  trx: Db,
  ctx: UseCaseContext,
  householdId: number,
  residentId: number,
): Promise<number> {
  const hh = await getHousehold(trx, householdId)
  const r = await getResident(trx, residentId)
  const consulentId = await consulentForWijk(trx, hh.wijk_id)
  const id = await insertNewCase(trx, ctx, {
    household_id: hh.id,
    wijk_id: hh.wijk_id,
    consulent_id: consulentId ?? ctx.userId,
    postcode: hh.postcode,
    latest_signal_date: ctx.today,
    display_name: displayName({ initials: r.voorletters, prefix: r.tussenvoegsel, surname: r.achternaam }),
    sort_name: `${r.achternaam_key} ${r.voorletters}`.toLowerCase(),
    adres: `${hh.straat} ${formatHouseNumber(hh.huisnummer, hh.toevoeging)}`,
  })
  await recordAudit(trx, ctx.at, {
    userId: ctx.userId,
    action: 'zaak geopend',
    entityType: 'zaak',
    entityId: id,
    summary: 'Nieuwe zaak via het inloopspreekuur, zonder signaal',
  })
  return id
}

async function newVisitor(trx: Db, ctx: UseCaseContext, n: z.output<typeof newVisitorInput>) {
  const ranges = await loadWijkRanges(trx)
  const hh = await findOrCreateHousehold(
    trx,
    {
      postcode: n.adres.postcode,
      huisnummer: n.adres.huisnummer.number,
      toevoeging: n.adres.toevoeging || n.adres.huisnummer.addition,
      straat: n.adres.straat,
      plaats: n.adres.plaats,
    },
    ranges,
    ctx.at,
  )
  const residentId = await findOrCreateResident(trx, hh.id, n.bewoner, ctx.at)
  return { householdId: hh.id, residentId }
}

/**
 * Registers a walk-in visit: the visitor's open case, or a new one (a household with only closed
 * cases, or someone without a signal), gets a reached attempt on channel "inloop", the intake as
 * a note, and the agreed next step as its plan.
 */
export async function registerVisit(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof registerInput>,
): Promise<{ session: WalkinSessionView; caseId: number; nieuweZaak: boolean }> {
  return checkedTransaction(db).execute(async (trx) => {
    let householdId: number
    let residentId: number
    if (input.residentId !== undefined) {
      const r = await residentHome(trx, input.residentId)
      if (!r)
        throw new ValidationError('Deze bezoeker bestaat niet (meer). Zoek opnieuw.', {
          residentId: 'Zoek opnieuw.',
        })
      householdId = r.household_id
      residentId = r.id
    } else {
      ;({ householdId, residentId } = await newVisitor(trx, ctx, input.nieuw!))
    }
    const open = await openCaseOf(trx, householdId)
    const nieuweZaak = !open
    const caseId = open ? open.id : await startCase(trx, ctx, householdId, residentId)
    const it = input.intake
    await recordAttempt(trx, ctx, {
      caseId,
      kanaal: 'inloop',
      bereikt: true,
      resultaat: 'Langsgekomen op het inloopspreekuur',
      notitie: `Afgesproken: ${it.vervolgstap}`,
    })
    const cfg = await getLadderConfig(trx)
    if (!(await caseDoNotApproach(trx, caseId)))
      await writePlan(trx, caseId, {
        stap: 'opvolgen',
        poging: 0,
        datum: it.vervolgDatum ?? addWorkdays(ctx.today, cfg.opvolgDagen),
        dagdeel: null,
      })
    const tekst = [
      'Inloopspreekuur, korte intake.',
      `Wat speelt er: ${it.watSpeelt}`,
      it.rekeningen ? `Rekeningen: ${it.rekeningen}` : '',
      it.urgentie !== 'geen'
        ? `Haast: ${URGENTIE_LABELS[it.urgentie]}${it.urgentieDatum ? ` op ${formatDate(it.urgentieDatum)}` : ''}`
        : '',
      `Vervolgstap: ${it.vervolgstap}${it.vervolgDatum ? ` (${formatDate(it.vervolgDatum)})` : ''}`,
    ]
      .filter(Boolean)
      .join('\n')
    await insertNote(trx, caseId, tekst, ctx.at, ctx.userId)
    await insertWalkinVisit(trx, {
      sessie_id: await sessionOfDay(trx, ctx.today, ctx.at, ctx.userId),
      case_id: caseId,
      tijd: localTime(ctx.at).hhmm,
      nieuwe_zaak: nieuweZaak ? 1 : 0,
      wat_speelt: it.watSpeelt,
      rekeningen: it.rekeningen,
      urgentie: it.urgentie,
      urgentie_datum: it.urgentieDatum,
      vervolgstap: it.vervolgstap,
      created_at: ctx.at,
      created_by: ctx.userId,
    })
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'inloopspreekuur',
      entityType: 'zaak',
      entityId: caseId,
      summary: `Bezoek op het inloopspreekuur${nieuweZaak ? '; nieuwe zaak' : ''}`,
    })
    return { session: await loadSession(trx, ctx.today), caseId, nieuweZaak }
  })
}
