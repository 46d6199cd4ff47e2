import { describe, expect, it } from 'vitest'
import type { ApiInput, MethodName } from '@shared/api'
import type { DossierView } from '@shared/api/dossier'
import type { ApiResult } from '@shared/api/define'
import { colleague, setUpTeam, signal, testApp } from '../../test/fixtures'

type T = Awaited<ReturnType<typeof testApp>>

const CHANGED =
  /^Een collega heeft deze zaak net gewijzigd\. Bekijk de nieuwe gegevens en probeer het opnieuw\.$/

/** Anouk (consulent, Centrum) and Fatima (kwaliteitsmedewerker) on one case in Centrum. */
async function twoOnOneCase() {
  const anouk = await testApp()
  await setUpTeam(anouk, 'Anouk Peeters')
  const fatima = await colleague(anouk, 'Fatima El Idrissi')
  const { caseId } = await anouk.call('signals.createManual', signal({ postcode: '6041 AB' }))
  return { anouk, fatima, caseId }
}

const attempt = (caseId: number, versie: number, notitie: string) =>
  ({ caseId, versie, kanaal: 'telefoon', bereikt: false, resultaat: 'Geen gehoor', notitie }) as const

async function attemptsOf(t: T, caseId: number): Promise<string[]> {
  const rows = await t.db
    .selectFrom('contactpoging')
    .select('notitie')
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.notitie)
}

function refusal(res: ApiResult<unknown>): { message: string; dossier: DossierView } {
  if (res.ok) throw new Error('the change was not refused')
  expect(res.error.code).toBe('conflict')
  expect(res.error.message).toMatch(CHANGED)
  expect(res.error.dossier).toBeDefined()
  return { message: res.error.message, dossier: res.error.dossier as DossierView }
}

describe('edits that collide (issue 18): a change carries the version of the case it read', () => {
  it('the case file gives the version; reading it changes nothing, a change moves it on', async () => {
    const { anouk, caseId } = await twoOnOneCase()
    const read = await anouk.call('dossier.get', { caseId })
    expect((await anouk.call('dossier.get', { caseId })).versie).toBe(read.versie)
    const r = await anouk.call('ladder.logAttempt', attempt(caseId, read.versie, 'eerste'))
    expect(r.dossier.versie).toBeGreaterThan(read.versie)
    expect(r.dossier.versie).toBe(await anouk.versie(caseId))
  })

  it('two colleagues log an attempt at once on what they both read: exactly one wins, the other gets the fresh case file', async () => {
    const { anouk, fatima, caseId } = await twoOnOneCase()
    const { versie } = await anouk.call('dossier.get', { caseId })
    expect((await fatima.call('dossier.get', { caseId })).versie).toBe(versie)

    const [a, f] = await Promise.all([
      anouk.raw('ladder.logAttempt', attempt(caseId, versie, 'Anouk belde')),
      fatima.raw('ladder.logAttempt', attempt(caseId, versie, 'Fatima belde')),
    ])
    expect([a.ok, f.ok].filter(Boolean)).toHaveLength(1)
    const [winner, loser] = a.ok ? ['Anouk belde', f] : ['Fatima belde', a]
    const { message, dossier } = refusal(loser)
    expect(message).toMatch(CHANGED)
    // The answer is the case file as it is now: the winner's attempt in it, the new version.
    expect(dossier.id).toBe(caseId)
    expect(dossier.contactpogingen.map((p) => p.notitie)).toEqual([winner])
    expect(dossier.versie).toBe(await anouk.versie(caseId))
    // Nothing of the loser's attempt was stored.
    expect(await attemptsOf(anouk, caseId)).toEqual([winner])

    // Having looked, the loser saves again on the fresh version.
    const again = a.ok ? fatima : anouk
    const retried = await again.call(
      'ladder.logAttempt',
      attempt(caseId, dossier.versie, a.ok ? 'Fatima belde' : 'Anouk belde'),
    )
    expect(retried.dossier.contactpogingen).toHaveLength(2)
    expect(await attemptsOf(anouk, caseId)).toHaveLength(2)
  })

  it('of twenty pairs of concurrent changes to one case, each pair has exactly one winner', async () => {
    const { anouk, fatima, caseId } = await twoOnOneCase()
    for (let i = 0; i < 20; i++) {
      const versie = await anouk.versie(caseId)
      const results = await Promise.all([
        anouk.raw('ladder.logAttempt', attempt(caseId, versie, `A${i}`)),
        fatima.raw('ladder.logAttempt', attempt(caseId, versie, `F${i}`)),
      ])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
    }
    expect(await attemptsOf(anouk, caseId)).toHaveLength(20)
  })

  it('records that the loser was shown the fresh case file (a view, in the logboek)', async () => {
    const { anouk, fatima, caseId } = await twoOnOneCase()
    const { versie } = await anouk.call('dossier.get', { caseId })
    await anouk.call('ladder.logAttempt', attempt(caseId, versie, 'eerst'))
    const before = await anouk.db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    refusal(await fatima.raw('ladder.logAttempt', attempt(caseId, versie, 'te laat')))
    const after = await anouk.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('id', '>', before.id)
      .execute()
    expect(after).toEqual([{ action: 'bekeken', entity_id: caseId }])
  })

  it('refuses every change made from the case file on a stale version, and changes nothing', async () => {
    const { anouk, fatima, caseId } = await twoOnOneCase()
    const team = await anouk.call('session.team', {})
    const sem = team.find((m) => m.naam === 'Sem Janssen')!.id
    const places = await anouk.call('appointments.places', {})
    const stadskantoor = places.find((p) => p.soort === 'stadskantoor')!.id
    const stale = (await anouk.call('dossier.get', { caseId })).versie
    // A colleague's note: no version needed (it only adds), but the case file changed.
    await fatima.call('dossier.addNote', { caseId, tekst: 'Bewoner belde zelf, terugbellen na 14:00.' })
    expect(await anouk.versie(caseId)).toBeGreaterThan(stale)
    const snapshot = async () => {
      const d = await anouk.db
        .selectFrom('vroegsignaalzaak')
        .selectAll()
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow()
      return { ...d, attempts: await attemptsOf(anouk, caseId) }
    }
    const before = await snapshot()

    const changes: { [M in MethodName]?: ApiInput<M> } = {
      'ladder.logAttempt': attempt(caseId, stale, 'op oude gegevens'),
      'dossier.assign': { caseId, versie: stale, consulentId: null },
      'ladder.close': {
        caseId,
        versie: stale,
        resultaat: 'Definitief geen contact kunnen krijgen',
        hulpAangeboden: false,
        hulpGeaccepteerd: false,
      },
      'ladder.setDoNotApproach': { caseId, versie: stale, nietBenaderen: true, reden: 'Wil niet' },
      'visits.announce': {
        caseId,
        versie: stale,
        datum: '19-11-2026',
        van: '10:00',
        tot: '10:30',
        duoUserId: sem,
      },
      'appointments.make': {
        caseId,
        versie: stale,
        datum: '17-11-2026',
        tijd: '10:00',
        duur: 30,
        plekId: stadskantoor,
      },
    }
    for (const [method, input] of Object.entries(changes)) {
      const { message, dossier } = refusal(await anouk.raw(method as MethodName, input as never))
      expect(message, method).toMatch(CHANGED)
      expect(
        dossier.notities.map((n) => n.tekst),
        method,
      ).toEqual(['Bewoner belde zelf, terugbellen na 14:00.'])
    }
    expect(await snapshot()).toEqual(before)
    expect(
      await anouk.db.selectFrom('huisbezoek').select('id').where('case_id', '=', caseId).execute(),
    ).toEqual([])
    expect(
      await anouk.db.selectFrom('afspraak').select('id').where('case_id', '=', caseId).execute(),
    ).toEqual([])
  })

  it('refuses reopening on a stale version: the colleague who closed it may have reopened it already', async () => {
    const { anouk, fatima, caseId } = await twoOnOneCase()
    const read = (await anouk.call('dossier.get', { caseId })).versie
    const closed = await anouk.call('ladder.close', {
      caseId,
      versie: read,
      resultaat: 'Definitief geen contact kunnen krijgen',
      hulpAangeboden: false,
      hulpGeaccepteerd: false,
    })
    const both = closed.dossier.versie
    await fatima.call('ladder.reopen', { caseId, versie: both, reden: 'Bewoner belde terug' })
    refusal(await anouk.raw('ladder.reopen', { caseId, versie: both, reden: 'Toch nodig' }))
    const notes = await anouk.db.selectFrom('note').select('tekst').where('case_id', '=', caseId).execute()
    expect(notes.map((n) => n.tekst)).toEqual(['Heropend: Bewoner belde terug'])
  })

  it('a change from the case file without a version is refused as invalid input', async () => {
    const { anouk, caseId } = await twoOnOneCase()
    const missing = await anouk.raw('ladder.logAttempt', {
      caseId,
      kanaal: 'telefoon',
      bereikt: false,
    } as never)
    expect(missing).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('paths that do not come from a case file work without a version and move it on', async () => {
    const { anouk, fatima, caseId } = await twoOnOneCase()
    const start = await anouk.versie(caseId)
    await anouk.call('dossier.addNote', { caseId, tekst: 'Notitie' })
    const afterNote = await anouk.versie(caseId)
    expect(afterNote).toBeGreaterThan(start)
    // The kwaliteitsmedewerker moves cases between consulenten (many at once, no case file).
    const team = await anouk.call('session.team', {})
    const sem = team.find((m) => m.naam === 'Sem Janssen')!.id
    await fatima.call('intake.moveCases', { caseIds: [caseId], consulentId: sem })
    const afterMove = await anouk.versie(caseId)
    expect(afterMove).toBeGreaterThan(afterNote)
    // A second signal for the household (entered by hand) changes the case's summary.
    await fatima.call('signals.createManual', signal({ postcode: '6041 AB', bedrag: '300,00' }))
    expect(await anouk.versie(caseId)).toBeGreaterThan(afterMove)
    // Whoever read the case file before any of this is refused; a fresh read works.
    refusal(await anouk.raw('ladder.logAttempt', attempt(caseId, start, 'oud')))
    const fresh = (await anouk.call('dossier.get', { caseId })).versie
    expect((await fatima.call('ladder.logAttempt', attempt(caseId, fresh, 'nieuw'))).dossier.versie).toBe(
      await anouk.versie(caseId),
    )
  })
})
