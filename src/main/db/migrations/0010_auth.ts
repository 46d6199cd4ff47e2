import type { Kysely } from 'kysely'

/**
 * Sign-in with passwords (issue 7). Per team member:
 * - password_hash: "$scrypt$ln=..,r=..,p=..$salt$hash" (algorithm and cost travel with the hash,
 *   so the cost can be raised later); null until a beheerder gives a starting password;
 * - password_must_change: 1 for a starting password, which only opens the "choose your own" step;
 * - failed_sign_ins and blocked_until: 5 wrong tries block the name for 60 s, kept here so a
 *   restart does not reset the count.
 * The idle time before the app locks is a row in `setting` (key 'vergrendel_minuten').
 * Existing team members get no password: a beheerder gives them a starting password.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('password_hash', 'text').execute()
  await db.schema
    .alterTable('app_user')
    .addColumn('password_must_change', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('app_user')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('app_user').addColumn('blocked_until', 'text').execute()
}

export async function down(): Promise<void> {
  throw new Error('Migration 0010 cannot be undone')
}
