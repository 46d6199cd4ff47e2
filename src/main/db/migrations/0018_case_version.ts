import type { Kysely } from 'kysely'

/**
 * A case's version (issue 18, "edits that collide"): a number that goes up with every change to
 * the case or to what its case file shows. A change made from the case file carries the version
 * it read and is refused when a colleague changed the case in between (dossier/version.ts).
 * Existing cases start at 0; only growth and equality mean anything.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('vroegsignaalzaak')
    .addColumn('versie', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}
