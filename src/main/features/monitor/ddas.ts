import type { Db } from '../../db/database'
import type { DdasVersie } from '@shared/api/monitor'
import { DAGDELEN, NIET_OPGEPAKT, SIGNAALSTATUSSEN, type Signaalstatus } from '@shared/domain/ddas'
import { ValidationError } from '../../lib/errors'
import { getTeamSettings } from '../settings/repository'
import { assertValidDelivery } from './ddas-schema'
import { writeDdas, type DdasCase, type DdasContent, type DdasFile, type DdasSignal } from './ddas-format'
import { getMonitorSettings } from './service'
import type { Period } from './figures'
import {
  archivedAttempts,
  archivedCases,
  archivedInPeriod,
  archivedSignalIdsOfCases,
  archivedSignals,
} from '../retention/ddas-archive'

/**
 * The DDAS delivery for a period: the signals dated in the period and the cases holding them,
 * with every signal of those cases, so each case's references resolve within the file. This
 * module decides WHAT goes in (and which dates); ddas-format.ts writes it in the chosen version
 * of the exchange model (v1.2 by default, v0.9 on request).
 *
 * Dates (issue 13; the same rules as the monitor, written out in "Hoe tellen we?"):
 * - a signal belongs to the period of its signaaldatum, the day the partner sent it, whenever the
 *   file was taken in: a late file, or earlier months loaded when a team starts, go with their
 *   own month, and each signal is in exactly one period's delivery;
 * - matchingsdatum and datumOpgepakt: the day the case was formed and picked up in Lange Adem
 *   (matching and picking up are one step at intake);
 * - the matching period: from the first day of the month of the case's oldest signal to the last
 *   day of the month of its newest (usually one calendar month, the month's file);
 * - a contact attempt: the day the contact happened (a letter: the day it went out).
 */
const CHUNK = 900

async function inChunks<T>(ids: number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))))
  return out
}

/** External signal number, or our own for a signal that came without one (a warm handover). */
export const ddasSignalId = (s: { id: number; extern_id: string | null }) => s.extern_id ?? `LA-${s.id}`

const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`
function monthEnd(iso: string): string {
  const d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7), 0))
  return d.toISOString().slice(0, 10)
}

/** Reads the period's signals, cases and attempts, in the version-free shape ddas-format.ts writes. */
export async function collectDdas(db: Db, p: Period, now: string): Promise<DdasContent> {
  const [team, monitor] = await Promise.all([getTeamSettings(db), getMonitorSettings(db)])
  if (!team) throw new ValidationError('Lange Adem is nog niet ingesteld.')
  if (monitor.organisatie.contactpersonen.length === 0)
    throw new ValidationError(
      'Vul eerst de aanleverende organisatie in, met minstens één contactpersoon (Monitor, tabblad Instellingen). Het CBS vraagt dat bij elke levering.',
    )

  // Cases and signals whose personal data the retention purge deleted still count: their
  // anonymous rows are added beside the live ones (retention/ddas-archive.ts).
  const archived = await archivedInPeriod(db, p.van, p.tot)
  const liveInPeriod = await db
    .selectFrom('vroegsignaal')
    .select(['id', 'case_id'])
    .where('signaaldatum', '>=', p.van)
    .where('signaaldatum', '<=', p.tot)
    .execute()
  const inPeriod = [...liveInPeriod, ...archived.signals]
  const caseIds = [...new Set(inPeriod.flatMap((s) => (s.case_id ? [s.case_id] : [])))].sort((a, b) => a - b)
  const cases = [
    ...(await inChunks(caseIds, (ids) =>
      db
        .selectFrom('vroegsignaalzaak')
        .select(['id', 'datum_opgepakt', 'resultaat'])
        .where('id', 'in', ids)
        .execute(),
    )),
    ...(await archivedCases(db, caseIds)),
  ]
  const caseSignalIds = [
    ...(await inChunks(caseIds, (ids) =>
      db.selectFrom('vroegsignaal').select('id').where('case_id', 'in', ids).execute(),
    )),
    ...(await archivedSignalIdsOfCases(db, caseIds)),
  ]
  const signalIds = [...new Set([...inPeriod.map((s) => s.id), ...caseSignalIds.map((s) => s.id)])].sort(
    (a, b) => a - b,
  )
  const liveSignals = await inChunks(signalIds, (ids) =>
    db
      .selectFrom('vroegsignaal as s')
      .innerJoin('resident as r', 'r.id', 's.resident_id')
      .innerJoin('household as h', 'h.id', 's.household_id')
      .leftJoin('vroegsignaalzaak as z', 'z.id', 's.case_id')
      .select([
        's.id',
        's.extern_id',
        's.partner_type',
        's.bedrag_cents',
        's.ontstaansdatum',
        's.signaaldatum',
        's.crisis',
        's.warme_overdracht',
        's.status',
        's.case_id',
        'z.resultaat',
        'r.bsn',
        'r.voorletters',
        'r.tussenvoegsel',
        'r.achternaam',
        'r.geboortedatum',
        'h.straat',
        'h.postcode',
        'h.huisnummer',
        'h.toevoeging',
        'h.plaats',
      ])
      .where('s.id', 'in', ids)
      .execute(),
  )
  const signals = [
    ...liveSignals.map((s) => ({ ...s, anoniem: false })),
    ...(await archivedSignals(db, signalIds)).map(({ bedrag_euro, ...s }) => ({
      ...s,
      extern_id: null,
      bedrag_cents: bedrag_euro * 100,
      bsn: null,
      voorletters: '',
      tussenvoegsel: '',
      achternaam: '',
      geboortedatum: null,
      straat: '',
      postcode: '',
      huisnummer: 0,
      toevoeging: '',
      plaats: '',
      anoniem: true,
    })),
  ]
  signals.sort((a, b) => a.id - b.id)
  const liveAttempts = await inChunks(caseIds, (ids) =>
    db
      .selectFrom('contactpoging')
      .select(['case_id', 'soort', 'bereikt', 'datum', 'dagdeel', 'id'])
      .where('case_id', 'in', ids)
      .execute(),
  )
  const attempts = [...liveAttempts, ...(await archivedAttempts(db, caseIds))]
  const dagdeelOrder = (d: string) => (DAGDELEN as readonly string[]).indexOf(d)
  attempts.sort(
    (a, b) =>
      a.datum.localeCompare(b.datum) || dagdeelOrder(a.dagdeel) - dagdeelOrder(b.dagdeel) || a.id - b.id,
  )

  const signalStatus = (s: (typeof signals)[number]): Signaalstatus => {
    if (s.status && s.status !== 'Opgepakt' && (SIGNAALSTATUSSEN as readonly string[]).includes(s.status))
      return s.status as Signaalstatus
    if (!s.case_id) return 'Nog niet opgepakt'
    if (s.resultaat && NIET_OPGEPAKT.includes(s.resultaat)) return s.resultaat as Signaalstatus
    return 'Opgepakt' // part of a case: picked up, on the case's datumOpgepakt
  }

  const signalsByCase = new Map<number, string[]>()
  const matching = new Map<number, { van: string; tot: string }>()
  const ddasSignals = signals.map((s): DdasSignal => {
    const id = ddasSignalId(s)
    if (s.case_id) {
      signalsByCase.set(s.case_id, [...(signalsByCase.get(s.case_id) ?? []), id])
      const m = matching.get(s.case_id)
      matching.set(s.case_id, {
        van: m && m.van < s.signaaldatum ? m.van : s.signaaldatum,
        tot: m && m.tot > s.signaaldatum ? m.tot : s.signaaldatum,
      })
    }
    return {
      id,
      caseId: s.case_id,
      partnerType: s.partner_type,
      bedragEuro: Math.round(s.bedrag_cents / 100),
      ontstaansdatum: s.ontstaansdatum,
      signaaldatum: s.signaaldatum,
      crisis: s.crisis === 1,
      warmeOverdracht: s.warme_overdracht === 1,
      status: signalStatus(s),
      person: s.anoniem
        ? null
        : {
            bsn: s.bsn,
            voorletters: s.voorletters,
            tussenvoegsel: s.tussenvoegsel,
            achternaam: s.achternaam,
            geboortedatum: s.geboortedatum,
            straat: s.straat,
            postcode: s.postcode,
            huisnummer: s.huisnummer,
            toevoeging: s.toevoeging,
            plaats: s.plaats,
          },
    }
  })

  const attemptsByCase = new Map<number, typeof attempts>()
  for (const a of attempts) attemptsByCase.set(a.case_id, [...(attemptsByCase.get(a.case_id) ?? []), a])
  const ddasCases = cases
    .sort((a, b) => a.id - b.id)
    .filter((c) => signalsByCase.has(c.id))
    .map((c): DdasCase => ({
      resultaat: c.resultaat,
      matchingsdatum: c.datum_opgepakt,
      startdatumMatchingperiode: monthStart(matching.get(c.id)!.van),
      datumOpgepakt: c.datum_opgepakt,
      einddatumMatchingperiode: monthEnd(matching.get(c.id)!.tot),
      signalIds: signalsByCase.get(c.id)!,
      contactpogingen: (attemptsByCase.get(c.id) ?? []).map((a) => ({
        soort: a.soort,
        bereikt: a.bereikt === 1,
        datum: a.datum,
        dagdeel: a.dagdeel,
      })),
    }))

  return {
    codeGegevensleverancier: monitor.codeGegevensleverancier,
    startdatumLevering: p.van,
    einddatumLevering: p.tot,
    aanleverdatumEnTijd: `${now.slice(0, 19)}Z`,
    gemeentecode: team.gemeenteCode,
    organisatie: monitor.organisatie,
    geboortedatumMeesturen: monitor.geboortedatumMeesturen,
    signals: ddasSignals,
    cases: ddasCases,
  }
}

/** The delivery file in the chosen version, with Dutch remarks on what could not go in as stored. */
export async function buildDdasDelivery(
  db: Db,
  p: Period,
  now: string,
  versie: DdasVersie = '1.2',
): Promise<{ file: DdasFile; opmerkingen: string[] }> {
  const written = writeDdas(await collectDdas(db, p, now), versie)
  assertValidDelivery(written.file, versie)
  return written
}
