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
import type { UseCaseContext } from '../../app/use-case'
import { previousCases } from '../signals/previous-case'
import {
  caseAttempts,
  caseExists,
  caseNotes,
  casesOfSamePerson,
  casesWithConsulent,
  getCase,
  getHousehold,
  householdResidents,
  householdSignals,
  insertNote,
  otherCasesAtAddress,
  setCaseConsulent,
  signalsOfCases,
  userForAssignment,
  userRef,
  wijkRef,
} from './repository'
import { claimCase } from './version'

/** The case file as the screen shows it; also returned by the ladder's use cases after a change. */
export async function loadDossier(db: Db, caseId: number): Promise<DossierView> {
  const zaak = await getCase(db, caseId)
  if (!zaak) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  const hh = await getHousehold(db, zaak.household_id)
  const residents = await householdResidents(db, hh.id)
  const residentName = new Map(
    residents.map((r) => [
      r.id,
      displayName({ initials: r.voorletters, prefix: r.tussenvoegsel, surname: r.achternaam }),
    ]),
  )
  const [wijk, consulent] = await Promise.all([
    zaak.wijk_id ? wijkRef(db, zaak.wijk_id) : undefined,
    zaak.consulent_id ? userRef(db, zaak.consulent_id) : undefined,
  ])

  const signals = await householdSignals(db, hh.id)
  const attempts = await caseAttempts(db, caseId)
  const notes = await caseNotes(db, caseId)
  const trail = await auditForCase(db, caseId)

  return {
    id: zaak.id,
    versie: zaak.versie,
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
  const sameAddress = await otherCasesAtAddress(db, householdId, caseId)
  const reasons = new Map<number, 'adres' | 'persoon'>(sameAddress.map((id) => [id, 'adres']))
  for (const r of residents) {
    if (!r.geboortedatum) continue
    const others = await casesOfSamePerson(db, r.achternaam_key, r.geboortedatum, householdId)
    for (const id of others) if (!reasons.has(id)) reasons.set(id, 'persoon')
  }
  if (reasons.size === 0) return []
  const ids = [...reasons.keys()]
  const cases = await casesWithConsulent(db, ids)
  const signals = await signalsOfCases(db, ids)
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
  await db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Deze zaak bestaat niet (meer).')
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'bekeken',
      entityType: 'zaak',
      entityId: caseId,
      summary: via ? `Dossier geopend; reden: ${via}` : 'Dossier geopend',
    })
  })
  // Read after the commit, so the write lock (and the logboek's lock on PostgreSQL) is held for
  // the writes only.
  return loadDossier(db, caseId)
}

export async function addNote(
  db: Db,
  ctx: UseCaseContext,
  caseId: number,
  tekst: string,
): Promise<DossierView> {
  await db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Deze zaak bestaat niet (meer).')
    await insertNote(trx, caseId, tekst, ctx.at, ctx.userId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'notitie',
      entityType: 'zaak',
      entityId: caseId,
      summary: 'Notitie toegevoegd',
    })
  })
  // Read after the commit, so the write lock (and the logboek's lock on PostgreSQL) is held for
  // the writes only.
  return loadDossier(db, caseId)
}

export async function assignCase(
  db: Db,
  ctx: UseCaseContext,
  caseId: number,
  versie: number,
  consulentId: number | null,
): Promise<DossierView> {
  await db.transaction().execute(async (trx) => {
    await claimCase(trx, caseId, versie)
    let naam = 'niemand'
    if (consulentId !== null) {
      const user = await userForAssignment(trx, consulentId)
      if (!user || user.actief !== 1 || user.rol !== 'consulent')
        throw new ValidationError('Kies een actieve consulent.', {
          consulentId: 'Kies een actieve consulent.',
        })
      naam = user.naam
    }
    await setCaseConsulent(trx, caseId, consulentId)
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'toegewezen',
      entityType: 'zaak',
      entityId: caseId,
      summary: `Toegewezen aan ${naam}`,
    })
  })
  // Read after the commit, so the write lock (and the logboek's lock on PostgreSQL) is held for
  // the writes only.
  return loadDossier(db, caseId)
}
