import { A4, mm, renderPdf } from './engine'

export interface MailingRow {
  postcode: string
  adres: string
  plaats: string
  naam: string
  kenmerk: string
  document: string
}

/** The list that goes with a batch to the post room: what is in it, in postcode order. */
export function renderMailingList(opts: {
  titel: string
  regels: string[]
  rows: MailingRow[]
}): Promise<Buffer> {
  const head = ['Nr', 'Postcode', 'Adres', 'Plaats', 'Naam', 'Kenmerk', 'Document'].map((t) => ({
    text: t,
    bold: true,
  }))
  return renderPdf({
    pageSize: A4,
    pageMargins: [mm(15), mm(15), mm(15), mm(18)],
    info: { title: opts.titel },
    defaultStyle: { fontSize: 9 },
    footer: (page, pages) => ({
      text: `${opts.titel} · blad ${page} van ${pages}`,
      fontSize: 8,
      alignment: 'center',
      margin: [0, mm(6), 0, 0],
    }),
    content: [
      { text: opts.titel, fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      ...opts.regels.map((r) => ({ text: r, fontSize: 10 })),
      {
        margin: [0, 10, 0, 0],
        table: {
          headerRows: 1,
          widths: [16, 44, '*', 58, '*', 64, 92],
          body: [
            head,
            ...opts.rows.map((r, i) => [
              String(i + 1),
              r.postcode,
              r.adres,
              r.plaats,
              r.naam,
              r.kenmerk,
              r.document,
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: `Totaal: ${opts.rows.length}`, bold: true, margin: [0, 8, 0, 0] },
    ],
  })
}
