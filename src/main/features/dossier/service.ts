import type { Db } from '../../db/database'
import type { DossierView, EarlierKnown, SignalView } from '@shared/api/dossier'
import type { ZaakStatus } from '@shared/domain/case'
import type {
  Contactsoort,
  Dagdeel,
  Eindresultaat,
  SignaalpartnerType,
  Signaalstatus,
} from '@shared/domain/ddas'
import { displayName } from '@shared/format/person'
import { kanaalOf } from '@shared/api/ladder'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { NotFoundError, ValidationError } from '../../lib/errors'
import { auditForCase, recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../signals/service'
import { previousCases } from '../signals/previous-case'

/** The case file as the screen shows it; also returned by the ladder's use cases after a change. */
export async function loadDossier(db: Db, caseId: number): Promise<DossierView> {
  const zaak = await db.selectFrom('vroegsignaalzaak').selectAll().where('id', '=', caseId).executeTakeFirst()
  if (!zaak) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  const hh = await db
    .selectFrom('household')
    .selectAll()
    .where('id', '=', zaak.household_id)
    .executeTakeFirstOrThrow()
  const residents = await db
    .selectFrom('resident')
    .selectAll()
    .where('household_id', '=', hh.id)
    .orderBy('id')
    .execute()
  const residentName = new Map(
    residents.map((r) => [
      r.id,
      displayName({ initials: r.voorletters, prefix: r.tussenvoegsel, surname: r.achternaam }),
    ]),
  )
  const [wijk, consulent] = await Promise.all([
    zaak.wijk_id
      ? db.selectFrom('wijk').select(['id', 'naam']).where('id', '=', zaak.wijk_id).executeTakeFirst()
      : undefined,
    zaak.consulent_id
      ? db
          .selectFrom('app_user')
          .select(['id', 'naam'])
          .where('id', '=', zaak.consulent_id)
          .executeTakeFirst()
      : undefined,
  ])

  // All signals of this address: of this case and of earlier cases, newest first.
  const signals = await db
    .selectFrom('vroegsignaal')
    .leftJoin('vroegsignaalzaak', 'vroegsignaalzaak.id', 'vroegsignaal.case_id')
    .select([
      'vroegsignaal.id',
      'extern_id',
      'partner_type',
      'partner_naam',
      'bedrag_cents',
      'ontstaansdatum',
      'signaaldatum',
      'vroegsignaal.crisis',
      'warme_overdracht',
      'vroegsignaal.status',
      'resident_id',
      'case_id',
      'vroegsignaalzaak.case_number',
    ])
    .where('vroegsignaal.household_id', '=', hh.id)
    .orderBy('signaaldatum', 'desc')
    .orderBy('vroegsignaal.id', 'desc')
    .execute()

  const attempts = await db
    .selectFrom('contactpoging')
    .leftJoin('app_user', 'app_user.id', 'contactpoging.created_by')
    .select([
      'contactpoging.id',
      'soort',
      'kanaal',
      'bereikt',
      'datum',
      'dagdeel',
      'resultaat',
      'notitie',
      'app_user.naam',
    ])
    .where('case_id', '=', caseId)
    .orderBy('datum', 'desc')
    .orderBy('contactpoging.id', 'desc')
    .execute()

  const notes = await db
    .selectFrom('note')
    .leftJoin('app_user', 'app_user.id', 'note.created_by')
    .select(['note.id', 'tekst', 'note.created_at', 'app_user.naam'])
    .where('case_id', '=', caseId)
    .orderBy('note.id', 'desc')
    .execute()

  const trail = await auditForCase(db, caseId)

  return {
    id: zaak.id,
    caseNumber: zaak.case_number,
    status: zaak.status as ZaakStatus,
    datumOpgepakt: zaak.datum_opgepakt,
    resultaat: zaak.resultaat as Eindresultaat | null,
    geslotenOp: zaak.gesloten_op,
    wijk: wijk ?? null,
    consulent: consulent ?? null,
    demo: zaak.is_demo === 1,
    adres: {
      straat: hh.straat,
      huisnummer: formatHouseNumber(hh.huisnummer, hh.toevoeging),
      postcode: formatPostcode(hh.postcode),
      plaats: hh.plaats,
    },
    bewoners: residents.map((r) => ({
      id: r.id,
      voorletters: r.voorletters,
      tussenvoegsel: r.tussenvoegsel,
      achternaam: r.achternaam,
      naam: residentName.get(r.id)!,
      geboortedatum: r.geboortedatum,
      telefoon: r.telefoon,
      email: r.email,
      heeftBsn: !!r.bsn,
    })),
    signalen: signals.map((s): SignalView => ({
      id: s.id,
      externId: s.extern_id,
      partnerType: s.partner_type as SignaalpartnerType,
      partnerNaam: s.partner_naam,
      bedragCents: s.bedrag_cents,
      ontstaansdatum: s.ontstaansdatum,
      signaaldatum: s.signaaldatum,
      crisis: s.crisis === 1,
      warmeOverdracht: s.warme_overdracht === 1,
      status: s.status as Signaalstatus | null,
      bewonerNaam: residentName.get(s.resident_id) ?? '',
      caseNumber: s.case_number,
      inDezeZaak: s.case_id === caseId,
    })),
    contactpogingen: attempts.map((a) => ({
      id: a.id,
      soort: a.soort as Contactsoort,
      kanaal: kanaalOf(a.kanaal, a.soort),
      bereikt: a.bereikt === 1,
      datum: a.datum,
      dagdeel: a.dagdeel as Dagdeel,
      resultaat: a.resultaat,
      notitie: a.notitie,
      door: a.naam ?? 'onbekend',
    })),
    notities: notes.map((n) => ({ id: n.id, tekst: n.tekst, op: n.created_at, door: n.naam ?? 'onbekend' })),
    eerderBekend: await earlierKnown(db, caseId, hh.id, residents),
    vorigeZaak: (await previousCases(db, [caseId])).get(caseId) ?? null,
    logboek: trail.map((t) => ({
      id: t.id,
      op: t.at,
      door: t.naam ?? 'systeem',
      actie: `${t.action}: ${t.summary}`,
    })),
  }
}

/**
 * Earlier cases of this address, and of the same people at other addresses (matched on
 * surname key and birth date), so a consulent recognises a name that comes back.
 */
async function earlierKnown(
  db: Db,
  caseId: number,
  householdId: number,
  residents: { achternaam_key: string; geboortedatum: string | null }[],
): Promise<EarlierKnown[]> {
  const sameAddress = await db
    .selectFrom('vroegsignaalzaak')
    .select(['id'])
    .where('household_id', '=', householdId)
    .where('id', '!=', caseId)
    .execute()
  const reasons = new Map<number, 'adres' | 'persoon'>(sameAddress.map((c) => [c.id, 'adres']))
  for (const r of residents) {
    if (!r.geboortedatum) continue
    const others = await db
      .selectFrom('resident')
      .innerJoin('vroegsignaalzaak', 'vroegsignaalzaak.household_id', 'resident.household_id')
      .select('vroegsignaalzaak.id')
      .where('resident.achternaam_key', '=', r.achternaam_key)
      .where('resident.geboortedatum', '=', r.geboortedatum)
      .where('resident.household_id', '!=', householdId)
      .execute()
    for (const o of others) if (!reasons.has(o.id)) reasons.set(o.id, 'persoon')
  }
  if (reasons.size === 0) return []
  const ids = [...reasons.keys()]
  const cases = await db
    .selectFrom('vroegsignaalzaak')
    .leftJoin('app_user', 'app_user.id', 'vroegsignaalzaak.consulent_id')
    .select([
      'vroegsignaalzaak.id',
      'case_number',
      'datum_opgepakt',
      'gesloten_op',
      'resultaat',
      'status',
      'app_user.naam',
    ])
    .where('vroegsignaalzaak.id', 'in', ids)
    .orderBy('datum_opgepakt', 'desc')
    .execute()
  const signals = await db
    .selectFrom('vroegsignaal')
    .select(['case_id', 'partner_type', 'bedrag_cents', 'signaaldatum'])
    .where('case_id', 'in', ids)
    .orderBy('signaaldatum')
    .execute()
  return cases.map((c) => ({
    caseId: c.id,
    caseNumber: c.case_number,
    geopendOp: c.datum_opgepakt,
    gesloten: c.gesloten_op,
    resultaat: c.resultaat as Eindresultaat | null,
    status: c.status as ZaakStatus,
    reden: reasons.get(c.id)!,
    consulentNaam: c.naam,
    signalen: signals
      .filter((s) => s.case_id === c.id)
      .map((s) => ({
        partnerType: s.partner_type as SignaalpartnerType,
        bedragCents: s.bedrag_cents,
        signaaldatum: s.signaaldatum,
      })),
  }))
}

/** Opening a case file is recorded: every view of a person's data is attributable. */
export async function viewDossier(
  db: Db,
  ctx: UseCaseContext,
  caseId: number,
  via?: 'inloopspreekuur',
): Promise<DossierView> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('vroegsignaalzaak')
      .select('id')
      .where('id', '=', caseId)
      .executeTakeFirst()
    if (!exists) throw new NotFoundError('Deze zaak bestaat niet (meer).')
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'bekeken',
      entityType: 'zaak',
      entityId: caseId,
      summary: via ? `Dossier geopend; reden: ${via}` : 'Dossier geopend',
    })
    return loadDossier(trx, caseId)
  })
}

export async function addNote(
  db: Db,
  ctx: UseCaseContext,
  caseId: number,
  tekst: string,
): Promise<DossierView> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('vroegsignaalzaak')
      .select('id')
      .where('id', '=', caseId)
      .executeTakeFirst()
    if (!exists) throw new NotFoundError('Deze zaak bestaat niet (meer).')
    await trx
      .insertInto('note')
      .values({ case_id: caseId, tekst, created_at: ctx.at, created_by: ctx.userId })
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'notitie',
      entityType: 'zaak',
      entityId: caseId,
      summary: 'Notitie toegevoegd',
    })
    return loadDossier(trx, caseId)
  })
}

export async function assignCase(
  db: Db,
  ctx: UseCaseContext,
  caseId: number,
  consulentId: number | null,
): Promise<DossierView> {
  return db.transaction().execute(async (trx) => {
    const zaak = await trx
      .selectFrom('vroegsignaalzaak')
      .select(['id', 'consulent_id'])
      .where('id', '=', caseId)
      .executeTakeFirst()
    if (!zaak) throw new NotFoundError('Deze zaak bestaat niet (meer).')
    let naam = 'niemand'
    if (consulentId !== null) {
      const user = await trx
        .selectFrom('app_user')
        .select(['naam', 'rol', 'actief'])
        .where('id', '=', consulentId)
        .executeTakeFirst()
      if (!user || user.actief !== 1 || user.rol !== 'consulent')
        throw new ValidationError('Kies een actieve consulent.', {
          consulentId: 'Kies een actieve consulent.',
        })
      naam = user.naam
    }
    await trx
      .updateTable('vroegsignaalzaak')
      .set({ consulent_id: consulentId })
      .where('id', '=', caseId)
      .execute()
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'toegewezen',
      entityType: 'zaak',
      entityId: caseId,
      summary: `Toegewezen aan ${naam}`,
    })
    return loadDossier(trx, caseId)
  })
}
