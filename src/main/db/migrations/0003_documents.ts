import { dialectOf, idColumn } from './dialect'
import { sql, type Kysely } from 'kysely'

/**
 * Letters and cards: versioned templates, the print queue and printed batches.
 * Table types live in src/main/db/schema/documents.ts.
 */
/**
 * The built-in templates, version 1, exactly as this migration wrote them (frozen here, so no
 * later edit of a feature can change what it writes). A later change of these texts must reach
 * existing databases as a new template version (a new migration), never by editing this one:
 * printed documents point at it.
 */
export const TEMPLATES_V1: {
  code: string
  naam: string
  soort: 'brief' | 'kaart' | 'bericht'
  content: Record<string, string>
}[] = [
  {
    code: 'aankondigingsbrief',
    naam: 'Aankondigingsbrief huisbezoek',
    soort: 'brief',
    content: {
      aanhef: 'Beste {naam},',
      tekst: [
        'Wij kregen een bericht dat een rekening van u niet op tijd is betaald. Dat kan iedereen overkomen.',
        'Wij helpen u graag. Dat is gratis en u zit nergens aan vast.',
        '',
        'Daarom komen wij bij u langs op **{bezoekdag}** tussen **{van}** en **{tot}**. Ik kom samen met {collega}.',
        '',
        'Komt het niet uit of wilt u liever geen bezoek? Bel dan uiterlijk **{afmelddatum}** naar {team_telefoon}. Mailen mag ook: {team_email}.',
        '',
        'U bent ook welkom op ons inloopspreekuur. Dat is elke {inloop_dag} van {inloop_van} tot {inloop_tot}. De plek is {inloop_plaats}. U hoeft geen afspraak te maken.',
      ].join('\n'),
      afsluiting: 'Met vriendelijke groet,',
    },
  },
  {
    code: 'kaartje',
    naam: 'Kaartje vijf voor twaalf',
    soort: 'kaart',
    content: {
      titel: 'Wij kwamen bij u langs',
      tekst: [
        'U was helaas niet thuis.',
        'Wij kregen een bericht dat een rekening van u niet op tijd is betaald.',
        'Wij helpen u graag. Gratis en zonder gedoe.',
        '',
        'Bel of app ons. Of kom langs op het inloopspreekuur: elke {inloop_dag} van {inloop_van} tot {inloop_tot}, {inloop_plaats}.',
      ].join('\n'),
    },
  },
  {
    code: 'sms-na-bezoek',
    naam: 'Sms na huisbezoek',
    soort: 'bericht',
    content: {
      tekst:
        'Goedendag, wij kwamen vandaag bij u langs. Wij helpen u graag met uw rekeningen, gratis. Bel of app {consulent} op {consulent_telefoon}. Groet, {team}',
    },
  },
]

export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .createTable('document_template')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('naam', 'text', (c) => c.notNull())
    .addColumn('soort', 'text', (c) => c.notNull().check(sql`soort in ('brief', 'kaart', 'bericht')`))
    .addColumn('standaard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('document_template_version')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('template_id', 'integer', (c) => c.notNull().references('document_template.id'))
    .addColumn('versie', 'integer', (c) => c.notNull())
    .addColumn('naam', 'text', (c) => c.notNull())
    // JSON object: field key -> text with {placeholders}.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addUniqueConstraint('document_template_version_uq', ['template_id', 'versie'])
    .execute()

  await db.schema
    .createTable('print_batch')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('soort', 'text', (c) => c.notNull())
    .addColumn('indeling', 'text', (c) => c.notNull().check(sql`indeling in ('a4', 'a6', 'a4-vier')`))
    .addColumn('enveloppen', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON snapshot of the window settings at print time: a reprint is identical.
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()

  await db.schema
    .createTable('print_item')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('vroegsignaalzaak.id'))
    .addColumn('template_id', 'integer', (c) => c.notNull().references('document_template.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('wachtrij', 'gedrukt', 'verstuurd')`),
    )
    .addColumn('bezoek_datum', 'text')
    .addColumn('bezoek_van', 'text')
    .addColumn('bezoek_tot', 'text')
    .addColumn('collega_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('afmeld_datum', 'text')
    .addColumn('consulent_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('batch_id', 'integer', (c) => c.references('print_batch.id'))
    // Set when printed: the template version and every filled-in value, for an identical reprint.
    .addColumn('template_version_id', 'integer', (c) => c.references('document_template_version.id'))
    .addColumn('values_json', 'text')
    .addColumn('printed_at', 'text')
    .addColumn('sent_on', 'text')
    .addColumn('contactpoging_id', 'integer', (c) => c.references('contactpoging.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  await db.schema.createIndex('print_item_status_idx').on('print_item').columns(['status', 'id']).execute()
  await db.schema.createIndex('print_item_case_idx').on('print_item').columns(['case_id', 'id']).execute()
  await db.schema.createIndex('print_item_batch_idx').on('print_item').column('batch_id').execute()

  // The built-in templates, version 1.
  const at = new Date().toISOString()
  for (const t of TEMPLATES_V1) {
    const res = await sql<{
      id: number
    }>`insert into document_template (code, naam, soort, standaard, created_at)
      values (${t.code}, ${t.naam}, ${t.soort}, 1, ${at}) returning id`.execute(db)
    const templateId = res.rows[0]!.id
    await sql`insert into document_template_version (template_id, versie, naam, content, created_at, created_by)
      values (${templateId}, 1, ${t.naam}, ${JSON.stringify(t.content)}, ${at}, null)`.execute(db)
  }
}

export async function down(): Promise<void> {
  throw new Error('Migration 0003 cannot be undone')
}
