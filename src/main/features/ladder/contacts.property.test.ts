import { ORGANISATIE, settingsInput } from '../../test/monitor-data'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDate } from '@shared/format/dates'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'
import { addWorkdays } from './planner'

/**
 * Random sequences of the work a team does on three cases: calls, messages, announced visits,
 * printing and confirming letters and cards (some sent, some not), visit outcomes (too early
 * too), opt-outs, the walk-in hour, cards logged by hand, closing, and days passing. A model
 * writes down each real contact as it happens; at the end the DDAS delivery must hold exactly
 * those contacts, and no stored attempt may be dated after the day it was recorded.
 */

type Action =
  | { kind: 'call'; c: number; reached: boolean }
  | { kind: 'message'; c: number }
  | { kind: 'announce'; c: number; ahead: number }
  | { kind: 'print'; soort: 'brief' | 'kaart' }
  | { kind: 'confirm'; sent: boolean[]; back: number }
  | { kind: 'queueCard'; c: number }
  | { kind: 'outcome'; c: number; uitkomst: 'gesproken' | 'niet_thuis' | 'deur_dicht'; kaartje: boolean }
  | { kind: 'optOut'; c: number; via: 'telefoon' | 'mail' }
  | { kind: 'walkin'; c: number }
  | { kind: 'logCard'; c: number }
  | { kind: 'close'; c: number }
  | { kind: 'days'; n: number }

const c = fc.integer({ min: 0, max: 2 })
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary })
const action: fc.Arbitrary<Action> = fc.oneof(
  w(3, fc.record({ kind: fc.constant('call' as const), c, reached: fc.boolean() })),
  w(2, fc.record({ kind: fc.constant('message' as const), c })),
  w(4, fc.record({ kind: fc.constant('announce' as const), c, ahead: fc.integer({ min: 3, max: 6 }) })),
  w(
    3,
    fc.record({
      kind: fc.constant('print' as const),
      soort: fc.constantFrom('brief' as const, 'kaart' as const),
    }),
  ),
  w(
    3,
    fc.record({
      kind: fc.constant('confirm' as const),
      sent: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      back: fc.integer({ min: 0, max: 3 }),
    }),
  ),
  w(2, fc.record({ kind: fc.constant('queueCard' as const), c })),
  w(
    5,
    fc.record({
      kind: fc.constant('outcome' as const),
      c,
      uitkomst: fc.constantFrom('gesproken' as const, 'niet_thuis' as const, 'deur_dicht' as const),
      kaartje: fc.boolean(),
    }),
  ),
  w(
    2,
    fc.record({
      kind: fc.constant('optOut' as const),
      c,
      via: fc.constantFrom('telefoon' as const, 'mail' as const),
    }),
  ),
  w(1, fc.record({ kind: fc.constant('walkin' as const), c })),
  w(2, fc.record({ kind: fc.constant('logCard' as const), c })),
  w(1, fc.record({ kind: fc.constant('close' as const), c })),
  w(4, fc.record({ kind: fc.constant('days' as const), n: fc.integer({ min: 1, max: 6 }) })),
)

interface Contact {
  c: number
  soort: string
  datum: string
  bereikt: boolean
}

async function run(actions: Action[]) {
  // Tuesday 10 November 2026, 10:00 local.
  const t = await testApp('2026-11-10T09:00:00.000Z')
  const { team } = await setUpTeam(t)
  const sem = team.find((m) => m.naam === 'Sem Janssen')!.id
  const templates = await t.call('documents.templates', {})
  const card = templates.find((x) => x.code === 'kaartje')!
  const wijkId = (await t.call('settings.get', {})).wijken.find((w) => w.naam === 'Centrum')!.id
  const cases: number[] = []
  const residents: number[] = []
  for (const [i, pc] of ['6041 AB', '6041 CD', '6041 EF'].entries()) {
    const r = await t.call(
      'signals.createManual',
      signal({ postcode: pc, huisnummer: String(10 + i), achternaam: `Huis${i}` }),
    )
    cases.push(r.caseId)
    residents.push((await t.call('dossier.get', { caseId: r.caseId })).bewoners[0]!.id)
  }
  const today = () => t.clock.today()
  const contacts: Contact[] = []
  const open = [true, true, true]
  /** Planned visit per case: its day, or null. */
  const visit: (string | null)[] = [null, null, null]
  const batches: {
    id: number
    soort: 'brief' | 'kaart'
    printed: string
    items: { id: number; c: number }[]
  }[] = []
  const cardOn = (i: number, datum: string) =>
    contacts.some((x) => x.c === i && x.soort === 'Kaartje' && x.datum === datum)
  const ok = async (p: Promise<unknown>) => {
    try {
      await p
      return true
    } catch {
      return false
    }
  }

  for (const a of actions) {
    switch (a.kind) {
      case 'call':
        if (
          await ok(
            t.call('ladder.logAttempt', {
              versie: await t.versie(cases[a.c]!),
              caseId: cases[a.c]!,
              kanaal: 'telefoon',
              bereikt: a.reached,
              resultaat: a.reached ? 'Gesprek gevoerd' : 'Geen gehoor',
            }),
          )
        )
          contacts.push({ c: a.c, soort: 'Telefoon', datum: today(), bereikt: a.reached })
        else expect(open[a.c]).toBe(false)
        break
      case 'message':
        if (
          await ok(
            t.call('ladder.logAttempt', {
              versie: await t.versie(cases[a.c]!),
              caseId: cases[a.c]!,
              kanaal: 'whatsapp',
              bereikt: false,
              resultaat: 'Bericht gestuurd',
            }),
          )
        )
          contacts.push({ c: a.c, soort: 'SMS/Whatsapp', datum: today(), bereikt: false })
        else expect(open[a.c]).toBe(false)
        break
      case 'announce': {
        // The planner, for one case at its own hour (slots never collide): no contact yet.
        const datum = addWorkdays(today(), a.ahead)
        const van = `${10 + a.c}:00`
        if (
          await ok(
            t.call('visits.plan', {
              wijkId,
              datum: formatDate(datum),
              startTijd: van,
              slotMinuten: 30,
              caseIds: [cases[a.c]!],
              duoUserId: sem,
            }),
          )
        )
          visit[a.c] = datum
        break
      }
      case 'queueCard':
        await ok(t.call('documents.addToQueue', { caseId: cases[a.c]!, templateId: card.id }))
        break
      case 'print': {
        const queue = await t.call('documents.queue', {})
        const items = queue.wachtrij.filter((i) => i.soort === a.soort)
        if (items.length === 0) break
        const b = await t.call('documents.createBatch', { itemIds: items.map((i) => i.id), indeling: 'a4' })
        batches.push({
          id: b.id,
          soort: a.soort,
          printed: today(),
          items: b.items.map((i) => ({ id: i.id, c: cases.indexOf(i.caseId) })),
        })
        break
      }
      case 'confirm': {
        const b = batches.shift()
        if (!b) break
        const back = [...Array(a.back).keys()].reduce((d) => addWorkdays(d, -1), today())
        const datum = back < b.printed ? b.printed : back
        // Cards already left at a visit are delivered: the batch does not count them again.
        const items = await t
          .call('documents.forCase', { caseId: cases[0]! })
          .then(async (first) => [
            ...first,
            ...(await t.call('documents.forCase', { caseId: cases[1]! })),
            ...(await t.call('documents.forCase', { caseId: cases[2]! })),
          ])
        const delivered = new Set(items.filter((i) => i.status === 'verstuurd').map((i) => i.id))
        const sent = b.items.filter((it, k) => a.sent[k % 3] && !delivered.has(it.id))
        await t.call('documents.confirmBatch', {
          batchId: b.id,
          verstuurdIds: sent.map((s) => s.id),
          datum: formatDate(datum),
        })
        for (const s of sent)
          if (b.soort === 'brief') contacts.push({ c: s.c, soort: 'Brief', datum, bereikt: false })
          else if (!cardOn(s.c, datum)) contacts.push({ c: s.c, soort: 'Kaartje', datum, bereikt: false })
        break
      }
      case 'outcome': {
        const day = visit[a.c]
        if (!day) break
        const dayView = await t.call('visits.day', { datum: formatDate(day), wijkId: null })
        const v = dayView.bezoeken.find((x) => x.caseId === cases[a.c] && x.status === 'gepland')
        if (!v) break
        const done = await ok(
          t.call('visits.outcome', { visitId: v.id, uitkomst: a.uitkomst, kaartje: a.kaartje }),
        )
        // Before the visit day nothing can have happened; from that day on it is recorded.
        expect(done).toBe(day <= today())
        if (!done) break
        visit[a.c] = null
        contacts.push({ c: a.c, soort: 'Huisbezoek', datum: day, bereikt: a.uitkomst === 'gesproken' })
        if (a.kaartje && a.uitkomst !== 'gesproken' && !cardOn(a.c, day))
          contacts.push({ c: a.c, soort: 'Kaartje', datum: day, bereikt: false })
        break
      }
      case 'optOut': {
        const day = visit[a.c]
        if (!day) break
        const v = (await t.call('visits.day', { datum: formatDate(day), wijkId: null })).bezoeken.find(
          (x) => x.caseId === cases[a.c] && x.status === 'gepland',
        )
        if (!v) break
        await t.call('visits.optOut', { visitId: v.id, via: a.via, reden: 'Wil geen bezoek.' })
        visit[a.c] = null
        contacts.push({
          c: a.c,
          soort: a.via === 'telefoon' ? 'Telefoon' : 'Mail',
          datum: today(),
          bereikt: true,
        })
        break
      }
      case 'walkin':
        if (!open[a.c]) break
        await t.call('walkin.register', {
          residentId: residents[a.c]!,
          intake: { watSpeelt: 'Kwam langs met het kaartje.', vervolgstap: 'Terugbellen' },
        })
        contacts.push({ c: a.c, soort: 'Overige', datum: today(), bereikt: true })
        break
      case 'logCard': {
        const done = await ok(
          t.call('ladder.logAttempt', {
            versie: await t.versie(cases[a.c]!),
            caseId: cases[a.c]!,
            kanaal: 'kaartje',
            bereikt: false,
            resultaat: 'Kaartje achtergelaten',
          }),
        )
        expect(done).toBe(open[a.c]! && !cardOn(a.c, today()))
        if (done) contacts.push({ c: a.c, soort: 'Kaartje', datum: today(), bereikt: false })
        break
      }
      case 'close':
        if (!open[a.c]) break
        await t.call('ladder.close', {
          versie: await t.versie(cases[a.c]!),
          caseId: cases[a.c]!,
          resultaat: 'Definitief geen contact kunnen krijgen',
          hulpAangeboden: false,
          hulpGeaccepteerd: false,
        })
        open[a.c] = false
        visit[a.c] = null
        break
      case 'days':
        t.clock.advanceDays(a.n)
        break
    }
  }

  // Never dated after the day it was recorded (the team's calendar day of created_at).
  const rows = await t.db.selectFrom('contactpoging').select(['datum', 'created_at']).execute()
  for (const r of rows) {
    const recorded = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(r.created_at),
    )
    expect(r.datum <= recorded, `${r.datum} recorded ${recorded}`).toBe(true)
  }

  // The delivery holds exactly the contacts made, case by case.
  await signInAs(t, 'Fatima El Idrissi')
  const s = await t.call('monitor.settings', {})
  await t.call('monitor.saveSettings', settingsInput(s, { organisatie: ORGANISATIE }))
  const file = await t.call('monitor.exportDdas', { van: '2026-11-01', tot: '2026-11-30' })
  const json = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as {
    leveringen: {
      vroegsignaalzaken: { contactpogingen: { soort: string; datum: string; bereikt: boolean }[] }[]
    }[]
  }
  const zaken = json.leveringen[0]!.vroegsignaalzaken
  expect(zaken).toHaveLength(3)
  const key = (x: Omit<Contact, 'c'>) => `${x.datum} ${x.soort} ${x.bereikt}`
  for (const i of [0, 1, 2])
    expect(zaken[i]!.contactpogingen.map(key).sort(), `case ${i}`).toEqual(
      contacts
        .filter((x) => x.c === i)
        .map(key)
        .sort(),
    )
}

/** One sequence through every path, always tried first. */
const EVERY_PATH: Action[] = [
  { kind: 'announce', c: 0, ahead: 3 },
  { kind: 'announce', c: 1, ahead: 3 },
  { kind: 'queueCard', c: 0 },
  { kind: 'print', soort: 'brief' },
  { kind: 'outcome', c: 0, uitkomst: 'niet_thuis', kaartje: true },
  { kind: 'days', n: 1 },
  { kind: 'confirm', sent: [true, false, true], back: 1 },
  { kind: 'print', soort: 'kaart' },
  { kind: 'days', n: 6 },
  { kind: 'outcome', c: 0, uitkomst: 'niet_thuis', kaartje: true },
  { kind: 'confirm', sent: [true, true, true], back: 0 },
  { kind: 'optOut', c: 1, via: 'mail' },
  { kind: 'walkin', c: 2 },
  { kind: 'logCard', c: 2 },
  { kind: 'logCard', c: 2 },
  { kind: 'call', c: 0, reached: true },
  { kind: 'message', c: 1 },
  { kind: 'close', c: 1 },
  { kind: 'call', c: 1, reached: false },
  { kind: 'print', soort: 'brief' },
  { kind: 'confirm', sent: [true, true, true], back: 2 },
]

describe('contacts made and contact attempts delivered', () => {
  it('agree for random sequences of the team’s work', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 40 }), async (actions) => run(actions)),
      { numRuns: 40, examples: [[EVERY_PATH]] },
    )
  }, 300_000)
})
