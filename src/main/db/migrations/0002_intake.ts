import { dialectOf, idColumn } from './dialect'
import type { Kysely } from 'kysely'

// Signal intake: imports, their problem rows (the correction list), the triage and matching
// facts per imported signal, the rows an import created (for undo) and saved column mappings.
export async function up(db: Kysely<unknown>): Promise<void> {
  const d = dialectOf(db)
  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('bestandsnaam', 'text', (c) => c.notNull())
    .addColumn('bron', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('rows_new', 'integer', (c) => c.notNull())
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
    .addColumn('rows_problem', 'integer', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'integer', (c) => c.references('app_user.id'))
    .execute()

  await db.schema
    .createTable('signaal_intake')
    .addColumn('signal_id', 'integer', (c) =>
      c.primaryKey().references('vroegsignaal.id').onDelete('cascade'),
    )
    .addColumn('import_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('advies', 'text', (c) => c.notNull())
    .addColumn('advies_reden', 'text', (c) => c.notNull())
    .addColumn('besluit', 'text', (c) => c.notNull())
    .addColumn('overrule_reden', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('overruled_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('meervoudig', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opeenvolgend', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('eerdere_signalen', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('signaal_intake_import_idx')
    .on('signaal_intake')
    .columns(['import_id', 'line'])
    .execute()

  await db.schema
    .createTable('import_effect')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('import_effect_idx')
    .on('import_effect')
    .columns(['import_id', 'kind'])
    .execute()

  await db.schema
    .createTable('import_problem')
    .addColumn('id', 'integer', idColumn(d))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('problems_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('reden', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signal_id', 'integer', (c) => c.references('vroegsignaal.id').onDelete('set null'))
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
  await db.schema
    .createIndex('import_problem_status_idx')
    .on('import_problem')
    .columns(['status', 'id'])
    .execute()

  await db.schema
    .createTable('column_mapping')
    .addColumn('naam', 'text', (c) => c.primaryKey())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migration 0002 cannot be undone')
}
