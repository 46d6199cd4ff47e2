import type { z } from 'zod'
import type { Db } from '../../db/database'
import type { findPersonInput, PersonDeleteResult, PersonMatch, PurgeCounts } from '@shared/api/retention'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { displayName, surnameKey } from '@shared/format/person'
import { ConflictError, NotFoundError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { chunked, eraseData, totalOf } from './erase'
import { countsText } from './purge'

/** Finds the resident rows of one person: surname and birth date, or BSN. */
export async function findPerson(db: Db, input: z.output<typeof findPersonInput>): Promise<PersonMatch[]> {
  let q = db
    .selectFrom('resident as r')
    .innerJoin('household as h', 'h.id', 'r.household_id')
    .select([
      'r.id',
      'r.voorletters',
      'r.tussenvoegsel',
      'r.achternaam',
      'r.geboortedatum',
      'r.bsn',
      'h.straat',
      'h.huisnummer',
      'h.toevoeging',
      'h.postcode',
      'h.plaats',
    ])
    .orderBy('r.id')
    .limit(50)
  q =
    'bsn' in input
      ? q.where('r.bsn', '=', input.bsn)
      : q
          .where('r.achternaam_key', '=', surnameKey(input.achternaam))
          .where('r.geboortedatum', '=', input.geboortedatum)
  const rows = await q.execute()
  const out: PersonMatch[] = []
  for (const r of rows) {
    const scope = await personScope(db, [r.id])
    // An open case of the address counts too: while it runs, the data may not be deleted.
    const openAtAddress = await db
      .selectFrom('vroegsignaalzaak')
      .select(['id', 'case_number', 'is_open', 'household_id'])
      .where('household_id', 'in', scope.householdIds)
      .where('is_open', '=', 1)
      .execute()
    const cases = [...new Map([...scope.cases, ...openAtAddress].map((c) => [c.id, c])).values()].sort(
      (a, b) => a.id - b.id,
    )
    out.push({
      residentId: r.id,
      naam: displayName({ initials: r.voorletters, prefix: r.tussenvoegsel, surname: r.achternaam }),
      geboortedatum: r.geboortedatum,
      bsn: r.bsn,
      adres: `${r.straat} ${formatHouseNumber(r.huisnummer, r.toevoeging)}, ${formatPostcode(r.postcode)} ${r.plaats}`,
      zaken: cases.map((c) => ({ id: c.id, caseNumber: c.case_number, open: c.is_open === 1 })),
      signalen: scope.signalIds.length,
    })
  }
  return out
}

export interface PersonScope {
  residentIds: number[]
  householdIds: number[]
  signalIds: number[]
  /** The cases holding this person's signals, and the cases of their address without any signal. */
  cases: { id: number; case_number: string; is_open: number; household_id: number }[]
  /** Of `cases`: those that also hold a housemate's signals. */
  sharedCaseIds: number[]
}

export async function personScope(db: Db, residentIds: number[]): Promise<PersonScope> {
  const residents = (
    await chunked(residentIds, (c) =>
      db.selectFrom('resident').select(['id', 'household_id']).where('id', 'in', c).execute(),
    )
  ).flat()
  if (residents.length !== new Set(residentIds).size)
    throw new NotFoundError('Deze persoon is niet (meer) gevonden. Zoek opnieuw.')
  const ids = residents.map((r) => r.id)
  const householdIds = [...new Set(residents.map((r) => r.household_id))]
  const signals = (
    await chunked(ids, (c) =>
      db.selectFrom('vroegsignaal').select(['id', 'case_id']).where('resident_id', 'in', c).execute(),
    )
  ).flat()
  const signalCaseIds = [...new Set(signals.flatMap((s) => (s.case_id === null ? [] : [s.case_id])))]
  const cases = (
    await chunked([0, ...householdIds], (hh) =>
      db
        .selectFrom('vroegsignaalzaak as z')
        .select(['z.id', 'z.case_number', 'z.is_open', 'z.household_id'])
        .where((eb) =>
          eb.or([
            eb('z.id', 'in', signalCaseIds.length ? signalCaseIds : [-1]),
            eb.and([
              eb('z.household_id', 'in', hh),
              eb.not(
                eb.exists(
                  eb.selectFrom('vroegsignaal as s').select('s.id').whereRef('s.case_id', '=', 'z.id'),
                ),
              ),
            ]),
          ]),
        )
        .execute(),
    )
  ).flat()
  const uniqueCases = [...new Map(cases.map((c) => [c.id, c])).values()].sort((a, b) => a.id - b.id)
  const shared = (
    await chunked(
      uniqueCases.map((c) => c.id),
      (c) =>
        db
          .selectFrom('vroegsignaal')
          .select('case_id as id')
          .where('case_id', 'in', c)
          .where('resident_id', 'not in', ids)
          .execute(),
    )
  ).flat()
  return {
    residentIds: ids,
    householdIds,
    signalIds: signals.map((s) => s.id),
    cases: uniqueCases,
    sharedCaseIds: [...new Set(shared.map((s) => s.id!))],
  }
}

/**
 * Adds the residents about to be deleted to the register of deletion requests (erasures.ts);
 * inside the deletion's transaction.
 */
export async function registerErasure(trx: Db, at: string, residentIds: number[]): Promise<void> {
  const rows = (
    await chunked(residentIds, (c) =>
      trx.selectFrom('resident').select(['id', 'created_at']).where('id', 'in', c).execute(),
    )
  ).flat()
  for (const r of rows)
    await trx
      .insertInto('erasure_register')
      .values({ at, resident_id: r.id, resident_created_at: r.created_at })
      .onConflict((oc) => oc.doNothing())
      .execute()
}

/**
 * Deletes what `scope` names: the person's signals, resident rows and cases; a case that also
 * holds a housemate's signals stays, without this person's part. Inside the caller's transaction.
 */
export async function erasePersonScope(
  trx: Db,
  scope: PersonScope,
): Promise<{ counts: PurgeCounts; sharedNumbers: string[] }> {
  const shared = new Set(scope.sharedCaseIds)
  const { counts } = await eraseData(trx, {
    caseIds: scope.cases.filter((c) => !shared.has(c.id)).map((c) => c.id),
    signalIds: scope.signalIds,
    problemIds: [],
    residentIds: scope.residentIds,
  })
  return { counts, sharedNumbers: scope.cases.filter((c) => shared.has(c.id)).map((c) => c.case_number) }
}

/**
 * A resident's request to delete their data. Refused while a case for their address is open:
 * the team needs the data for the help that is running. Otherwise the person's signals, resident
 * rows and cases go (a case that also holds a housemate's signals stays, without this person's
 * part). One transaction; the monitor's figures stay (frozen facts).
 */
export async function deletePerson(
  db: Db,
  ctx: UseCaseContext,
  residentIds: number[],
): Promise<PersonDeleteResult> {
  return db.transaction().execute(async (trx) => {
    const scope = await personScope(trx, residentIds)
    const open = (
      await chunked(scope.householdIds, (c) =>
        trx
          .selectFrom('vroegsignaalzaak')
          .select('case_number')
          .where('household_id', 'in', c)
          .where('is_open', '=', 1)
          .execute(),
      )
    ).flat()
    if (open.length)
      throw new ConflictError(
        `Er loopt nog een zaak voor dit adres (${open.map((o) => o.case_number).join(', ')}). ` +
          'Zolang de zaak loopt, zijn de gegevens nodig voor de hulp. Sluit de zaak eerst af; ' +
          'daarna kun je de gegevens verwijderen.',
      )
    // Kept in the register first (row number and creation time only): a restored backup from
    // before today would bring this person back, and the register takes them out again.
    await registerErasure(trx, ctx.at, scope.residentIds)
    const { counts, sharedNumbers } = await erasePersonScope(trx, scope)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'verwijderverzoek',
      entityType: 'bewoner',
      entityId: scope.residentIds[0]!,
      summary:
        `Verwijderverzoek uitgevoerd voor bewoner nr ${scope.residentIds.join(', ')}: ${countsText(counts)}` +
        (sharedNumbers.length ? `; zaak ${sharedNumbers.join(', ')} blijft voor de huisgenoot` : ''),
    })
    return { aantallen: counts, totaal: totalOf(counts), gedeeldeZaken: sharedNumbers }
  })
}
