import type { MethodName } from '@shared/api'
import { setUpTeam, signal, signInAs as signInAsMember, testApp } from './fixtures'

export type T = Awaited<ReturnType<typeof testApp>>

/** An import with signals in Centrum (Anouk's) and Kapel in het Zand (Sem's), and problem rows. */
export const SCOPE_CSV = [
  'Signaal ID;Soort;Signaalpartner;Bedrag;Datum ontstaan;Signaaldatum;Crisis;Voorl.;Tussenv.;Achternaam;Geb.datum;Telefoon;Straat;Huisnr;Postcode;Woonplaats',
  'S-1;Huurachterstand;Wonen Limburg;800,00;01-08-2026;05-10-2026;nee;K.;;Centrumbewoner;12-03-1984;06-11223344;Markt;40;6041 EM;Roermond',
  'S-2;Huurachterstand;Wonen Limburg;900,00;01-08-2026;05-10-2026;nee;L.;;Kapelbewoner;12-03-1985;06-11223355;Kapellerlaan;80;6042 AB;Roermond',
  'S-3;Huurachterstand;Wonen Limburg;abc;01-08-2026;05-10-2026;nee;M.;;Centrumfout;12-03-1986;;Markt;41;6041 EM;Roermond',
  'S-4;Huurachterstand;Wonen Limburg;abc;01-08-2026;05-10-2026;nee;N.;;Kapelfout;12-03-1987;;Kapellerlaan;81;6042 AB;Roermond',
  'S-5;Huurachterstand;Wonen Limburg;700,00;01-08-2026;05-10-2026;nee;O.;;Zonderpostcode;12-03-1988;;Ergens;1;xxxx;Roermond',
].join('\n')

/**
 * A team with a case in each of Anouk's and Sem's wijken and one outside every wijk, documents,
 * a print batch and a home visit on Sem's case, and an import with rows in both wijken. Built by
 * the kwaliteitsmedewerker; the caller signs in as whom the test is about.
 */
export async function scopeWorld() {
  const t = await testApp()
  const { team } = await setUpTeam(t, 'Fatima El Idrissi')
  const member = (naam: string) => team.find((m) => m.naam === naam)!.id
  const own = await t.call('signals.createManual', signal({ postcode: '6041 AB', huisnummer: '12' }))
  const other = await t.call(
    'signals.createManual',
    signal({ postcode: '6042 CD', huisnummer: '5', achternaam: 'Andermans', voorletters: 'P.' }),
  )
  const nowhere = await t.call('signals.createManual', signal({ postcode: '1011 AB', huisnummer: '1' }))
  const settings = await t.call('settings.get', {})
  const wijk = (naam: string) => settings.wijken.find((w) => w.naam === naam)!.id

  const card = (await t.call('documents.templates', {})).find((x) => x.code === 'kaartje')!
  const ownItem = await t.call('documents.addToQueue', { caseId: own.caseId, templateId: card.id })
  const otherItem = await t.call('documents.addToQueue', { caseId: other.caseId, templateId: card.id })
  const batchItem = await t.call('documents.addToQueue', { caseId: other.caseId, templateId: card.id })
  const batch = await t.call('documents.createBatch', {
    itemIds: [batchItem.id],
    indeling: 'a6',
    enveloppen: false,
  })

  // A visit on Sem's case, with Sem himself; stored directly (planning has its own tests).
  const visit = await t.db
    .insertInto('huisbezoek')
    .values({
      case_id: other.caseId,
      wijk_id: wijk('Kapel in het Zand'),
      datum: '2026-11-19',
      tijd: '13:00',
      consulent_id: member('Sem Janssen'),
      duo_user_id: member('Fatima El Idrissi'),
      duo_partner_id: null,
      afmelden_voor: '2026-11-17',
      status: 'gepland',
      uitkomst: null,
      afmelding_via: null,
      afmelding_op: null,
      created_at: '2026-11-10T09:30:00.000Z',
      created_by: member('Fatima El Idrissi'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()

  // An appointment on Sem's case at the stadskantoor, next week.
  const places = await t.call('appointments.places', {})
  const afspraak = await t.call('appointments.make', {
    versie: await t.versie(other.caseId),
    caseId: other.caseId,
    datum: '2026-11-17',
    tijd: '14:00',
    duur: 45,
    plekId: places.find((p) => p.soort === 'stadskantoor')!.id,
  })

  const { uploadId } = await t.upload('wijken.csv', SCOPE_CSV)
  const a = await t.call('intake.analyse', { uploadId })
  const imported = await t.call('intake.commit', {
    uploadId,
    mapping: a.mapping,
    bron: 'Vindplaats van Schulden',
  })
  const importId = imported.importId!
  const signals = await t.call('intake.importSignals', { importId })
  const problems = await t.call('intake.problems', {})
  const signalOf = (naam: string) => signals.find((s) => s.naam.includes(naam))!
  const problemOf = (naam: string) => problems.find((p) => p.values.achternaam === naam)!

  async function signInAs(naam: string) {
    await signInAsMember(t, naam)
  }
  return {
    t,
    member,
    wijk,
    signInAs,
    cases: { own: own.caseId, other: other.caseId, nowhere: nowhere.caseId },
    items: { own: ownItem.id, other: otherItem.id, batch: batchItem.id },
    batchId: batch.id,
    visitId: visit.id,
    afspraakId: afspraak.afspraak.id,
    card,
    importId,
    signals: {
      own: signalOf('Centrumbewoner').signalId,
      other: signalOf('Kapelbewoner').signalId,
    },
    problems: {
      own: problemOf('Centrumfout').id,
      other: problemOf('Kapelfout').id,
      noWijk: problemOf('Zonderpostcode').id,
    },
  }
}

export type ScopeWorld = Awaited<ReturnType<typeof scopeWorld>>

/**
 * A valid input naming Sem's case (Kapel in het Zand) for every method whose rule names cases.
 * The test below fails when a method gets such a rule without an entry here.
 */
export function otherCaseInputs(w: ScopeWorld): Partial<Record<MethodName, unknown>> {
  const caseId = w.cases.other
  // A version no case file shows any more (every case is past 0): these inputs test refusals, and
  // one that got through the scope would still change nothing.
  const versie = 0
  return {
    'dossier.get': { caseId },
    'dossier.addNote': { caseId, tekst: 'Even bellen' },
    'dossier.assign': { caseId, versie, consulentId: w.member('Anouk Peeters') },
    'ladder.plan': { caseId },
    'ladder.logAttempt': { caseId, versie, kanaal: 'telefoon', bereikt: false, resultaat: 'Geen gehoor' },
    'ladder.close': {
      caseId,
      versie,
      resultaat: 'Inwoner is overleden',
      hulpAangeboden: false,
      hulpGeaccepteerd: false,
    },
    'ladder.reopen': { caseId, versie, reden: 'Toch nodig' },
    'ladder.setDoNotApproach': { caseId, versie, nietBenaderen: true, reden: 'Wil niet' },
    'visits.plan': {
      wijkId: w.wijk('Kapel in het Zand'),
      datum: '26-11-2026',
      startTijd: '13:00',
      slotMinuten: 30,
      caseIds: [caseId],
      duoUserId: w.member('Sem Janssen'),
    },
    'visits.announce': {
      caseId,
      versie,
      datum: '26-11-2026',
      van: '13:00',
      tot: '13:30',
      duoUserId: w.member('Anouk Peeters'),
    },
    'visits.optOut': { visitId: w.visitId, via: 'telefoon', reden: 'Afgezegd' },
    'visits.outcome': { visitId: w.visitId, uitkomst: 'niet_thuis', notitie: '' },
    'appointments.make': { caseId, versie, datum: '24-11-2026', tijd: '10:00', duur: 45, plekId: 1 },
    'appointments.reschedule': {
      afspraakId: w.afspraakId,
      datum: '24-11-2026',
      tijd: '10:00',
      duur: 45,
      plekId: 1,
    },
    'appointments.outcome': { afspraakId: w.afspraakId, uitkomst: 'geweest' },
    'appointments.forCase': { caseId },
    'appointments.texts': { afspraakId: w.afspraakId },
    'appointments.reminderSent': { afspraakId: w.afspraakId },
    'appointments.queueLetter': { afspraakId: w.afspraakId },
    'appointments.ics': { afspraakId: w.afspraakId },
    'documents.forCase': { caseId },
    'documents.addToQueue': { caseId, templateId: w.card.id },
    'documents.removeFromQueue': { itemId: w.items.other },
    'documents.createBatch': { itemIds: [w.items.own, w.items.other], indeling: 'a6' },
    'documents.batchPdf': { batchId: w.batchId, deel: 'documenten' },
    'documents.confirmBatch': { batchId: w.batchId, verstuurdIds: [], datum: '10-11-2026' },
    'documents.itemPdf': { itemId: w.items.other },
    'intake.decide': { signalId: w.signals.other, doorzetten: false, reden: 'Niet nodig' },
    'intake.acceptProblem': { id: w.problems.other, values: { bedrag: '100' } },
    'intake.fixProblems': {
      ids: [w.problems.other],
      fix: { soort: 'invullen', field: 'bedrag', naar: '100' },
    },
    'intake.retryProblems': { ids: [w.problems.other] },
    'intake.rejectProblems': { ids: [w.problems.other], reden: 'Dubbel' },
    'intake.moveCases': { caseIds: [caseId], consulentId: w.member('Anouk Peeters') },
  }
}
