import type { AddressCheck, ManualSignalSaved } from '@shared/api/signals'

/** What saving will do for this address, in the words the form shows. */
export function addressCheckText(c: AddressCheck): { body: string; earlier: string | null } {
  const earlier =
    c.earlierCases > 0
      ? `Dit adres is eerder bekend: er ${c.earlierCases === 1 ? 'is 1 gesloten zaak' : `zijn ${c.earlierCases} gesloten zaken`} op dit adres.`
      : null
  if (c.openCase?.caseNumber) {
    return {
      body: `Op dit adres loopt al zaak ${c.openCase.caseNumber}: het signaal wordt daaraan toegevoegd (${
        c.consulentNaam ? `consulent ${c.consulentNaam}` : 'nog zonder consulent'
      }).`,
      earlier,
    }
  }
  if (c.openCase) {
    // A case of another wijk: only that it exists, and where.
    return {
      body: `Op dit adres loopt al een zaak${c.wijkNaam ? ` in wijk ${c.wijkNaam}` : ''}: het signaal wordt daaraan toegevoegd. Die zaak hoort bij een andere wijk; de consulent daar ziet het signaal.`,
      earlier,
    }
  }
  let body: string
  if (c.wijkNaam && c.consulentNaam)
    body = `Nieuwe zaak in wijk ${c.wijkNaam} voor consulent ${c.consulentNaam}.`
  else if (c.wijkNaam)
    body = `Nieuwe zaak in wijk ${c.wijkNaam}. Deze wijk heeft nog geen consulent: wijs de zaak daarna zelf toe.`
  else body = 'Nieuwe zaak. Deze postcode hoort bij geen enkele wijk: wijs de zaak daarna zelf toe.'
  return { body, earlier }
}

/** What saving did, for the notification and the confirmation. */
export function savedSummary(r: ManualSignalSaved): string {
  if (!r.newCase)
    return r.caseNumber
      ? `Het signaal is toegevoegd aan de lopende zaak ${r.caseNumber}.`
      : `Het signaal is toegevoegd aan de lopende zaak${r.wijkNaam ? ` in wijk ${r.wijkNaam}` : ''}. Die zaak hoort bij een andere wijk; de consulent daar ziet het signaal.`
  const where = r.wijkNaam ? ` in wijk ${r.wijkNaam}` : ''
  const who = r.consulentNaam ? `, op naam van ${r.consulentNaam}` : ', nog zonder consulent'
  return `Nieuwe zaak ${r.caseNumber} geopend${where}${who}.`
}
