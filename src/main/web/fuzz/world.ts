import type { ApiInput, ApiOutput, MethodName } from '@shared/api'
import { SCOPE_CSV } from '../../test/world'
import { ROERMOND_SETUP, signal, START_WACHTWOORD, TEST_WACHTWOORD } from '../../test/fixtures'
import type { SampleWorld } from '../../test/text-samples'
import { callOk, callRaw, uploadOk, type Target } from './client'

/**
 * The scope world (src/main/test/world.ts) built through the browser-mode API of a running
 * server: the Roermond team, a case in Centrum and one in Kapel in het Zand, an import with a
 * correction row, a print batch and, where the ladder allows it, a planned home visit.
 */
export async function httpWorld(target: Target) {
  const call = <M extends MethodName>(m: M, input: ApiInput<M>): Promise<ApiOutput<M>> =>
    callOk(target, m, input)
  await call('setup.complete', ROERMOND_SETUP)
  const team = await call('session.team', {})
  const member = (naam: string) => team.find((m) => m.naam === naam)!.id

  /** Signs the server's one session in as a colleague (a starting password first when needed). */
  async function signInAs(naam: string): Promise<void> {
    const first = await callRaw(target, 'session.signIn', {
      userId: member(naam),
      wachtwoord: TEST_WACHTWOORD,
    })
    const res = JSON.parse(first.body) as { ok: boolean; value?: { moetWachtwoordKiezen: boolean } }
    if (res.ok && !res.value!.moetWachtwoordKiezen) return
    await call('session.signIn', { userId: member('Bert Smeets'), wachtwoord: TEST_WACHTWOORD })
    await call('session.setStartPassword', { userId: member(naam), wachtwoord: START_WACHTWOORD })
    await call('session.choosePassword', {
      userId: member(naam),
      wachtwoord: START_WACHTWOORD,
      nieuwWachtwoord: TEST_WACHTWOORD,
    })
  }

  await signInAs('Sem Janssen')
  await signInAs('Fatima El Idrissi')
  const settings = await call('settings.get', {})
  const wijk = (naam: string) => settings.wijken.find((w) => w.naam === naam)!.id
  const own = await call('signals.createManual', signal({ postcode: '6041 AB', huisnummer: '12' }))
  const other = await call(
    'signals.createManual',
    signal({ postcode: '6042 CD', huisnummer: '5', achternaam: 'Andermans', voorletters: 'P.' }),
  )
  const upload = (fileName: string, content: Uint8Array | string) =>
    uploadOk(target, fileName, Buffer.from(content))
  const { uploadId } = await upload('wijken.csv', SCOPE_CSV)
  const analysed = await call('intake.analyse', { uploadId })
  const imported = await call('intake.commit', {
    uploadId,
    mapping: analysed.mapping,
    bron: 'Vindplaats van Schulden',
  })
  const signals = await call('intake.importSignals', { importId: imported.importId! })
  const problems = await call('intake.problems', {})
  const card = (await call('documents.templates', {})).find((x) => x.code === 'kaartje')!
  const item = await call('documents.addToQueue', { caseId: other.caseId, templateId: card.id })
  const batch = await call('documents.createBatch', { itemIds: [item.id], indeling: 'a6', enveloppen: false })
  const visitId = await planVisit(call, wijk('Kapel in het Zand'), other.caseId, member('Sem Janssen'))
  const afspraakId = await makeAppointment(call, other.caseId)

  const world: SampleWorld & { signInAs(naam: string): Promise<void> } = {
    t: { call, upload },
    member,
    wijk,
    cases: { own: own.caseId },
    signals: { own: signals.find((s) => s.naam.includes('Centrumbewoner'))!.signalId },
    problems: { own: problems.find((p) => p.values.achternaam === 'Centrumfout')!.id },
    visitId,
    afspraakId,
    batchId: batch.id,
    signInAs,
  }
  return world
}

/** A home visit on the next working day; an id that exists nowhere when the ladder refuses one. */
async function planVisit(
  call: <M extends MethodName>(m: M, input: ApiInput<M>) => Promise<ApiOutput<M>>,
  wijkId: number,
  caseId: number,
  duoUserId: number,
): Promise<number> {
  const d = new Date()
  do d.setDate(d.getDate() + 1)
  while (d.getDay() === 0 || d.getDay() === 6)
  const datum = `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`
  try {
    const day = await call('visits.plan', {
      wijkId,
      datum,
      startTijd: '13:00',
      slotMinuten: 30,
      caseIds: [caseId],
      duoUserId,
    })
    return day.bezoeken[0]?.id ?? 999_999
  } catch {
    return 999_999
  }
}

/** An appointment at the stadskantoor in a week's time; an id that exists nowhere when refused. */
async function makeAppointment(
  call: <M extends MethodName>(m: M, input: ApiInput<M>) => Promise<ApiOutput<M>>,
  caseId: number,
): Promise<number> {
  const d = new Date()
  do d.setDate(d.getDate() + 1)
  while (d.getDay() === 0 || d.getDay() === 6 || d.getDate() === 25 || d.getDate() === 26)
  const datum = `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`
  try {
    const places = await call('appointments.places', {})
    const made = await call('appointments.make', {
      caseId,
      versie: (await call('dossier.get', { caseId })).versie,
      datum,
      tijd: '14:00',
      duur: 45,
      plekId: places.find((p) => p.soort === 'stadskantoor')!.id,
    })
    return made.afspraak.id
  } catch {
    return 999_999
  }
}
