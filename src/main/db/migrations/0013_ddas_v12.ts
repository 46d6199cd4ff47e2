import { sql, type Kysely } from 'kysely'
import { inTransaction } from './dialect'

/**
 * The stored DDAS vocabulary moves to v1.2 (issue 17).
 *
 * - End results: v1.2 renamed two of v0.9's values. Cases, the monitor's anonymous case facts
 *   (frozen ones too, whose personal data were deleted) and the retention archive get the new
 *   names. Neither value counts as "help accepted" or "not picked up", before or after, so no
 *   figure changes. The rename adds no work for the monitor: the facts are renamed alike, and the
 *   marks the update triggers leave in monitor_dirty are taken away again (marks that were there
 *   before stay), so the next dashboard does not recompute every renamed case.
 * - Contact kinds: every v0.9 kind is a v1.2 kind, so nothing is renamed. A value outside the
 *   list (the app never wrote one, but an old or hand-made database might hold one) becomes the
 *   kind of its channel where the channel is known, else v1.2's "Onbekend"; such an attempt then
 *   shows in the monitor's table per kind instead of nowhere.
 *
 * Self-contained: the lists are frozen copies of the vocabulary at v1.2, not imports. One
 * transaction; running it again changes nothing.
 */
export const RENAMED_RESULTS: readonly (readonly [string, string])[] = [
  [
    'Inwoner hoeft geen hulp vanuit vroegsignalering',
    'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
  ],
  ['Verwijzing zonder contact', 'Verwijzing zonder tussenkomst inwoner'],
]

const V12_CONTACT_KINDS = [
  'Administratief',
  'Afspraak op locatie',
  'Brief',
  'Huisbezoek',
  'Kaartje',
  'Mail',
  'Onbekend',
  'Overige',
  'SMS/Whatsapp',
  'Telefoon',
]

/** The app's channels (contactpoging.kanaal, since migration 0005) and their kind. */
const CHANNEL_KIND: Record<string, string> = {
  telefoon: 'Telefoon',
  whatsapp: 'SMS/Whatsapp',
  sms: 'SMS/Whatsapp',
  mail: 'Mail',
  brief: 'Brief',
  huisbezoek: 'Huisbezoek',
  kaartje: 'Kaartje',
  afspraak: 'Afspraak op locatie',
  inloop: 'Overige',
  overig: 'Overige',
  administratief: 'Administratief',
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`
const OLD_RESULTS = RENAMED_RESULTS.map(([o]) => quote(o)).join(', ')
const renamed = (col: string) =>
  `case ${col} ${RENAMED_RESULTS.map(([o, n]) => `when ${quote(o)} then ${quote(n)}`).join(' ')} else ${col} end`
const KINDS = V12_CONTACT_KINDS.map(quote).join(', ')
const KIND_OF_CHANNEL = `case kanaal ${Object.entries(CHANNEL_KIND)
  .map(([k, s]) => `when ${quote(k)} then ${quote(s)}`)
  .join(' ')} else 'Onbekend' end`

export async function up(db: Kysely<unknown>): Promise<void> {
  await inTransaction(db, async (trx) => {
    const run = (q: string) => sql.raw(q).execute(trx)
    await run(`create temp table if not exists m0013_marked (ref_id integer primary key)`)
    await run(`delete from m0013_marked`)
    await run(`insert into m0013_marked (ref_id) select ref_id from monitor_dirty where kind = 'zaak'`)
    await run(
      `update vroegsignaalzaak set resultaat = ${renamed('resultaat')} where resultaat in (${OLD_RESULTS})`,
    )
    await run(
      `delete from monitor_dirty where kind = 'zaak' and ref_id not in (select ref_id from m0013_marked)`,
    )
    await run(`drop table m0013_marked`)
    await run(
      `update monitor_case_fact set resultaat = ${renamed('resultaat')} where resultaat in (${OLD_RESULTS})`,
    )
    await run(
      `update retention_ddas_case set resultaat = ${renamed('resultaat')} where resultaat in (${OLD_RESULTS})`,
    )

    // These updates do mark their cases: the facts are rebuilt with the kind they now have.
    await run(`update contactpoging set soort = ${KIND_OF_CHANNEL} where soort not in (${KINDS})`)
    await run(`update retention_ddas_attempt set soort = 'Onbekend' where soort not in (${KINDS})`)
    // A frozen fact is never rebuilt; its masks never held a bit for an unknown kind, so this
    // changes no figure.
    await run(
      `update monitor_case_fact set eerste_contact_soort = 'Onbekend'
       where frozen = 1 and eerste_contact_soort is not null and eerste_contact_soort not in (${KINDS})`,
    )
  })
}

export async function down(): Promise<void> {
  throw new Error('Migration 0013 cannot be undone')
}
