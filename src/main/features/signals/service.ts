import { ALL_CASES, caseInScope, type CaseScope } from '../access/scope'
import type { UseCaseContext } from '../../app/use-case'
import type { z } from 'zod'
import type { Db } from '../../db/database'
import { checkedTransaction } from '../../db/dialect'
import type {
  AddressCheck,
  ManualSignalResult,
  ManualSignalSaved,
  manualSignalInput,
} from '@shared/api/signals'
import { formatCents } from '@shared/format/money'
import { recordAudit } from '../audit/repository'
import { consulentForWijk, loadWijkRanges, wijkForPostcode } from '../wijken/assignment'
import {
  caseNumberFor,
  findHousehold,
  findOrCreateHousehold,
  findOrCreateResident,
  insertNewCase,
  findOrCreateResidentWithFlag,
  refreshCaseSummary,
} from './households'
import type { Signaalstatus } from '@shared/domain/ddas'
import { ConflictError } from '../../lib/errors'

export interface NewSignal {
  externId: string | null
  bron: 'handmatig' | 'import' | 'demo'
  partnerType: string
  partnerNaam: string
  bedragCents: number
  ontstaansdatum: string | null
  signaaldatum: string
  crisis: boolean
  warmeOverdracht: boolean
}

/**
 * Puts one signal into the household's open case, or opens a case for it. Must run inside a
 * transaction (the caller's use case opens it).
 */
export async function intakeSignal(
  trx: Db,
  ctx: UseCaseContext,
  signal: NewSignal,
  resident: Parameters<typeof findOrCreateResident>[2],
  address: Parameters<typeof findOrCreateHousehold>[1],
  opts: { ranges?: Awaited<ReturnType<typeof loadWijkRanges>>; demo?: boolean } = {},
): Promise<ManualSignalResult> {
  const r = await takeInSignal(trx, ctx, signal, resident, address, opts)
  if (r.caseId === null || r.caseNumber === null) throw new Error('a followed-up signal has a case')
  return { ...r, caseId: r.caseId, caseNumber: r.caseNumber }
}

export interface IntakeOutcome extends Omit<ManualSignalResult, 'caseId' | 'caseNumber'> {
  caseId: number | null
  caseNumber: string | null
  signalId: number
  householdId: number
  residentId: number
  newResident: boolean
}

/**
 * The one path from a signal to stored rows. With `notFollowed` (triage said no) the signal is
 * kept with its DDAS status and without a case; otherwise as `intakeSignal`.
 */
export async function takeInSignal(
  trx: Db,
  ctx: UseCaseContext,
  signal: NewSignal,
  resident: Parameters<typeof findOrCreateResident>[2],
  address: Parameters<typeof findOrCreateHousehold>[1],
  opts: {
    ranges?: Awaited<ReturnType<typeof loadWijkRanges>>
    demo?: boolean
    notFollowed?: Signaalstatus
  } = {},
): Promise<IntakeOutcome> {
  const ranges = opts.ranges ?? (await loadWijkRanges(trx))
  const demo = opts.demo ? 1 : 0
  if (signal.externId) {
    const dup = await trx
      .selectFrom('vroegsignaal')
      .select('id')
      .where('extern_id', '=', signal.externId)
      .executeTakeFirst()
    if (dup)
      throw new ConflictError(
        `Er is al een signaal met kenmerk ${signal.externId}. Het is niet opnieuw ingevoerd.`,
      )
  }
  const hh = await findOrCreateHousehold(trx, address, ranges, ctx.at)
  const res = await findOrCreateResidentWithFlag(trx, hh.id, resident, ctx.at)
  const residentId = res.id
  if (opts.notFollowed) {
    const { id: signalId } = await trx
      .insertInto('vroegsignaal')
      .values({
        ...signalRow(signal, demo, ctx),
        status: opts.notFollowed,
        resident_id: residentId,
        household_id: hh.id,
        case_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (!opts.demo)
      await recordAudit(trx, ctx.at, {
        userId: ctx.userId,
        action: 'signaal niet opgepakt',
        entityType: 'signaal',
        entityId: signalId,
        summary: `Signaal ${signal.partnerType} van ${formatCents(signal.bedragCents)} (${signal.bron}, nr ${signalId}); ${opts.notFollowed}`,
      })
    return {
      caseId: null,
      caseNumber: null,
      newCase: false,
      newHousehold: hh.created,
      wijkNaam: null,
      consulentNaam: null,
      signalId,
      householdId: hh.id,
      residentId,
      newResident: res.created,
    }
  }
  let zaak = await trx
    .selectFrom('vroegsignaalzaak')
    .select(['id', 'case_number', 'consulent_id', 'wijk_id'])
    .where('household_id', '=', hh.id)
    .where('is_open', '=', 1)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  const newCase = !zaak
  if (!zaak) {
    const consulentId = await consulentForWijk(trx, hh.wijkId)
    const id = await insertNewCase(trx, ctx, {
      household_id: hh.id,
      wijk_id: hh.wijkId,
      consulent_id: consulentId,
      postcode: address.postcode,
      latest_signal_date: signal.signaaldatum,
      is_demo: demo,
    })
    const caseNumber = caseNumberFor(id, ctx.today)
    zaak = { id, case_number: caseNumber, consulent_id: consulentId, wijk_id: hh.wijkId }
  }
  const { id: signalId } = await trx
    .insertInto('vroegsignaal')
    .values({
      ...signalRow(signal, demo, ctx),
      status: null,
      resident_id: residentId,
      household_id: hh.id,
      case_id: zaak.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await refreshCaseSummary(trx, zaak.id)
  if (!opts.demo) {
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: newCase ? 'zaak geopend' : 'signaal toegevoegd',
      entityType: 'zaak',
      entityId: zaak.id,
      summary: `Signaal ${signal.partnerType} van ${formatCents(signal.bedragCents)} (${signal.bron}, nr ${signalId})${
        newCase ? '; nieuwe zaak' : ''
      }`,
    })
  }
  const names = await namesFor(trx, zaak.wijk_id, zaak.consulent_id)
  return {
    caseId: zaak.id,
    caseNumber: zaak.case_number,
    newCase,
    newHousehold: hh.created,
    ...names,
    signalId,
    householdId: hh.id,
    residentId,
    newResident: res.created,
  }
}

function signalRow(signal: NewSignal, demo: number, ctx: UseCaseContext) {
  return {
    extern_id: signal.externId || null,
    bron: signal.bron,
    partner_type: signal.partnerType,
    partner_naam: signal.partnerNaam,
    bedrag_cents: signal.bedragCents,
    ontstaansdatum: signal.ontstaansdatum,
    signaaldatum: signal.signaaldatum,
    crisis: signal.crisis ? 1 : 0,
    warme_overdracht: signal.warmeOverdracht ? 1 : 0,
    is_demo: demo,
    created_at: ctx.at,
    created_by: ctx.userId,
  }
}

async function namesFor(db: Db, wijkId: number | null, consulentId: number | null) {
  const wijk = wijkId
    ? await db.selectFrom('wijk').select('naam').where('id', '=', wijkId).executeTakeFirst()
    : undefined
  const user = consulentId
    ? await db.selectFrom('app_user').select('naam').where('id', '=', consulentId).executeTakeFirst()
    : undefined
  return { wijkNaam: wijk?.naam ?? null, consulentNaam: user?.naam ?? null }
}

/** A signal entered by hand (a warm handover by phone, say). */
export async function createManualSignal(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof manualSignalInput>,
): Promise<ManualSignalSaved> {
  return checkedTransaction(db).execute(async (trx) => {
    const r = await intakeSignal(
      trx,
      ctx,
      {
        externId: input.signaal.externId || null,
        bron: 'handmatig',
        partnerType: input.signaal.partnerType,
        partnerNaam: input.signaal.partnerNaam,
        bedragCents: input.signaal.bedrag,
        ontstaansdatum: input.signaal.ontstaansdatum,
        signaaldatum: input.signaal.signaaldatum,
        crisis: input.signaal.crisis,
        warmeOverdracht: input.signaal.warmeOverdracht,
      },
      input.bewoner,
      {
        postcode: input.adres.postcode,
        huisnummer: input.adres.huisnummer.number,
        toevoeging: input.adres.toevoeging || input.adres.huisnummer.addition,
        straat: input.adres.straat,
        plaats: input.adres.plaats,
      },
    )
    const zaak = await trx
      .selectFrom('vroegsignaalzaak')
      .select(['wijk_id', 'consulent_id'])
      .where('id', '=', r.caseId)
      .executeTakeFirstOrThrow()
    const mayOpen = caseInScope(ctx.scope ?? ALL_CASES, zaak)
    // A case of another wijk that already existed: that it exists and its wijk, nothing more.
    if (!mayOpen && !r.newCase) return { ...r, caseNumber: null, consulentNaam: null, mayOpen }
    return { ...r, mayOpen }
  })
}

/**
 * What will happen with a signal for this address: shown in the form before saving, to whoever
 * enters a signal (any address may be entered). Tells no more than `AddressCheck` promises.
 */
export async function checkAddress(
  db: Db,
  scope: CaseScope,
  postcode: string,
  huisnummer: number,
  toevoeging: string,
): Promise<AddressCheck> {
  const hh = await findHousehold(db, postcode, huisnummer, toevoeging)
  const ranges = await loadWijkRanges(db)
  let wijkId = wijkForPostcode(postcode, ranges)
  let openCase: AddressCheck['openCase'] = null
  let earlierCases = 0
  let consulentId: number | null = null
  if (hh) {
    const cases = await db
      .selectFrom('vroegsignaalzaak')
      .select(['id', 'case_number', 'is_open', 'consulent_id', 'wijk_id'])
      .where('household_id', '=', hh.id)
      .orderBy('id', 'desc')
      .execute()
    const open = cases.find((c) => c.is_open === 1)
    if (open) {
      wijkId = open.wijk_id
      if (caseInScope(scope, open)) {
        openCase = { id: open.id, caseNumber: open.case_number }
        consulentId = open.consulent_id
      } else openCase = { id: null, caseNumber: null }
    }
    earlierCases = cases.filter((c) => c.is_open === 0 && caseInScope(scope, c)).length
  }
  if (!openCase) consulentId = await consulentForWijk(db, wijkId)
  return { openCase, earlierCases, ...(await namesFor(db, wijkId, consulentId)) }
}
