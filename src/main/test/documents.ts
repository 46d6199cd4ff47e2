import { formatDate } from '@shared/format/dates'
import { setUpTeam, signal, testApp } from './fixtures'
import { addWorkdays } from '../features/ladder/planner'

/**
 * A team with three open cases at different postcodes in three wijken, signed in as the
 * kwaliteitsmedewerker, who prints for the whole team.
 */
export async function documentsWorld() {
  const t = await testApp()
  const { team, me } = await setUpTeam(t, 'Fatima El Idrissi')
  const a = await t.call(
    'signals.createManual',
    signal({ postcode: '6045 AB', huisnummer: '3', achternaam: 'Smit' }),
  )
  const b = await t.call('signals.createManual', signal({ postcode: '6041 AB', huisnummer: '12' }))
  const c = await t.call(
    'signals.createManual',
    signal({
      postcode: '6042 CD',
      huisnummer: '7',
      toevoeging: 'a',
      achternaam: 'Bakker',
      voorletters: 'M.',
    }),
  )
  const templates = await t.call('documents.templates', {})
  const letter = templates.find((x) => x.code === 'aankondigingsbrief')!
  const card = templates.find((x) => x.code === 'kaartje')!
  const member = (naam: string) => team.find((m) => m.naam === naam)!.id
  return { t, me, team, member, cases: [a.caseId, b.caseId, c.caseId], letter, card }
}

export const pdfBytes = (f: { pdfBase64: string }) => Buffer.from(f.pdfBase64, 'base64')

type World = Awaited<ReturnType<typeof documentsWorld>>

/** The i-th free half hour from Tuesday 17 November 2026 on, 24 a working day (09:00 to 21:00). */
export function slot(i: number): { datum: string; van: string; tot: string } {
  const start = 9 * 60 + (i % 24) * 30
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return {
    datum: formatDate(addWorkdays('2026-11-17', Math.floor(i / 24))),
    van: hhmm(start),
    tot: hhmm(start + 30),
  }
}

/**
 * Announces a visit for one case as the case file does (`visits.announce`: the visit and its
 * letter in one step) and returns the queued letter. Fatima goes along unless a colleague or a
 * chain partner is named; two visits with the same person need different times.
 */
export async function announce(
  w: Pick<World, 't' | 'member'>,
  caseId: number,
  bezoek: {
    datum: string
    van: string
    tot: string
    collegaId?: number | null
    partnerContactId?: number | null
    templateId?: number
  },
) {
  const partner = bezoek.partnerContactId ?? null
  await w.t.call('visits.announce', {
    versie: await w.t.versie(caseId),
    caseId,
    datum: bezoek.datum,
    van: bezoek.van,
    tot: bezoek.tot,
    duoUserId: partner ? null : (bezoek.collegaId ?? w.member('Fatima El Idrissi')),
    duoPartnerId: partner,
    ...(bezoek.templateId ? { templateId: bezoek.templateId } : {}),
  })
  const items = await w.t.call('documents.forCase', { caseId })
  return items[0]!
}
