import { setUpTeam, signal, testApp } from '../../test/fixtures'

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
