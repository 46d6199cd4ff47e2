import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES } from '@shared/api/intake'
import { setUpTeam, signInAs, testApp } from '../../../test/fixtures'

const CSV =
  'Signaal ID;Soort;Bedrag;Signaaldatum;Achternaam;Straat;Huisnr;Postcode\nU-1;Huur;100;05-10-2026;Berg;Markt;1;6041AB\n'

describe('a file for the import, sent once beside the call', () => {
  it('is refused where it does not belong, when missing, and when larger than the limit', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const bytes = new Uint8Array(Buffer.from(CSV))
    expect(await t.raw('intake.history', {}, bytes)).toMatchObject({
      ok: false,
      error: { message: 'Deze actie neemt geen bestand aan.' },
    })
    expect(await t.raw('intake.upload', { fileName: 'a.csv' })).toMatchObject({
      ok: false,
      error: { message: 'Het bestand ontbreekt of is leeg.' },
    })
    const huge = await t.raw('intake.upload', { fileName: 'a.csv' }, new Uint8Array(MAX_UPLOAD_BYTES + 1))
    expect(huge).toMatchObject({ ok: false, error: { code: 'validation', message: /groter dan 64 MB/ } })
  })

  it('is read once and kept for its user only; the import drops it', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const { uploadId, bytes } = await t.upload('a.csv', CSV)
    expect(bytes).toBe(CSV.length)
    const a = await t.call('intake.analyse', { uploadId })
    expect(a).toMatchObject({ rowCount: 1, fileName: 'a.csv' })
    // Preview and import from what was read: the file itself does not travel again
    const preview = await t.call('intake.preview', { uploadId, mapping: a.mapping, bron: 'Test' })
    expect(preview.nieuw).toBe(1)
    expect(await t.call('intake.progress', { uploadId })).toMatchObject({
      fase: 'klaar',
      gedaan: 1,
      totaal: 1,
    })
    // Another colleague cannot use this user's file
    await signInAs(t, 'Sem Janssen')
    await expect(t.call('intake.analyse', { uploadId })).rejects.toThrow(/Kies het bestand opnieuw/)
    expect(await t.call('intake.progress', { uploadId })).toBeNull()
    await signInAs(t, 'Anouk Peeters')
    const done = await t.call('intake.commit', { uploadId, mapping: a.mapping, bron: 'Test' })
    expect(done.nieuw).toBe(1)
    await expect(t.call('intake.commit', { uploadId, mapping: a.mapping, bron: 'Test' })).rejects.toThrow(
      /Kies het bestand opnieuw/,
    )
  })

  it('asks for the name of the source before the preview', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const { uploadId } = await t.upload('a.csv', CSV)
    const a = await t.call('intake.analyse', { uploadId })
    expect(await t.raw('intake.preview', { uploadId, mapping: a.mapping, bron: ' ' })).toMatchObject({
      ok: false,
      error: { fields: { bron: 'Naam van de bron ontbreekt.' } },
    })
    // A sensible default where the file tells: a VPS export's name
    const vps = await t.upload('VPS_export_oktober.csv', CSV)
    expect((await t.call('intake.analyse', { uploadId: vps.uploadId })).bronVoorstel).toBe(
      'Vindplaats van Schulden',
    )
  })

  it('says in Dutch why a file cannot be read', async () => {
    const t = await testApp()
    await setUpTeam(t)
    const { uploadId } = await t.upload(
      'plaatje.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
    )
    await expect(t.call('intake.analyse', { uploadId })).rejects.toThrow(
      'Dit bestand is geen CSV- of Excel-bestand (.csv of .xlsx).',
    )
  })
})
