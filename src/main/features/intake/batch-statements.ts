import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { caseSummary, type CaseSignal } from '../signals/decisions'

/** The id the next row of an AUTOINCREMENT table gets: past every id ever used, not only the highest now. */
export function nextAutoincrementId(
  raw: BetterSqlite3.Database,
  table: 'vroegsignaalzaak' | 'vroegsignaal' | 'household' | 'resident',
): number {
  const seq = raw.prepare('select seq from sqlite_sequence where name = ?').pluck().get(table) as
    number | undefined
  const max = raw.prepare(`select max(id) from ${table}`).pluck().get() as number | null
  return Math.max(seq ?? 0, max ?? 0) + 1
}

/**
 * The four rows a new signal writes, as this writer inserts them (parameters in column order).
 * The bench's write floor (bench/write-floor.ts) runs the same statements.
 */
export const INSERT_SQL = {
  household:
    'insert into household (postcode, huisnummer, toevoeging, straat, plaats, wijk_id, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  resident: `insert into resident (household_id, voorletters, tussenvoegsel, achternaam, achternaam_key, geboortedatum, telefoon, email, bsn, created_at, updated_at, has_open_case)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  vroegsignaalzaak: `insert into vroegsignaalzaak (id, case_number, household_id, wijk_id, consulent_id, status, is_open, datum_opgepakt, display_name, sort_name,
           postcode, adres, partner_types, signal_count, total_amount_cents, latest_signal_date, crisis, is_demo, created_at, created_by,
           niet_benaderen, plan_datum)
         values (?, ?, ?, ?, ?, 'nieuw', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  vroegsignaal: `insert into vroegsignaal (extern_id, bron, partner_type, partner_naam, bedrag_cents, ontstaansdatum, signaaldatum, crisis, warme_overdracht,
           status, resident_id, household_id, case_id, is_demo, created_at, created_by)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
}

/**
 * Every insert trigger on the tables this writer fills. Their work is done here instead: marking
 * new cases and signals for the monitor (0004) once per batch, flagging the residents of a
 * household with an open case (0001/0009), and a new case's first ladder date (0005), written
 * with the row. A trigger costs even when its WHEN clause is false (SQLite runs a sub-program
 * and keeps a statement journal for every row): pausing them takes about half the cost of a
 * case row. They are dropped inside the import's transaction and created again from their own
 * stored text in `finish()`; a rollback (or a killed process) brings them back with everything
 * else, so no commit ever lacks them.
 */
export const PAUSED_TRIGGERS = [
  'monitor_zaak_ins',
  'monitor_signaal_ins',
  'zaak_open_after_insert',
  'zaak_plan_after_insert',
  'resident_open_after_insert',
]

/**
 * The import's write settings, inside its open transaction: drops PAUSED_TRIGGERS and returns
 * their stored text for `restoreTriggers`, and defers the foreign-key checks to the commit (they
 * are still made; an immediate check makes SQLite keep a statement journal for every insert).
 * SQLite turns the deferral off again when the transaction ends.
 */
export function pauseInsertTriggers(raw: BetterSqlite3.Database): string[] {
  const triggers = raw
    .prepare(
      `select name, sql from sqlite_master where type = 'trigger' and name in (${PAUSED_TRIGGERS.map(() => '?').join(', ')})`,
    )
    .all(...PAUSED_TRIGGERS) as { name: string; sql: string }[]
  if (triggers.length !== PAUSED_TRIGGERS.length)
    throw new Error('pauseInsertTriggers: a row trigger is missing')
  for (const t of triggers) raw.exec(`drop trigger ${t.name}`)
  raw.pragma('defer_foreign_keys = ON')
  return triggers.map((t) => t.sql)
}

/** Creates the paused triggers again from their stored text (before the commit). */
export function restoreTriggers(raw: BetterSqlite3.Database, paused: string[]): void {
  for (const sql of paused) raw.exec(sql)
}

type StatementName =
  | 'householdWijk'
  | 'insHousehold'
  | 'updResident'
  | 'residentBefore'
  | 'insResident'
  | 'flagResident'
  | 'insCase'
  | 'insSignal'
  | 'caseSignals'
  | 'caseHousehold'
  | 'resident'
  | 'updSummary'

/** The writer's prepared statements besides the inserts (INSERT_SQL), made once per run. */
export function prepareStatements(
  raw: BetterSqlite3.Database,
): Record<StatementName, BetterSqlite3.Statement> {
  const p = (sql: string) => raw.prepare(sql)
  return {
    householdWijk: p('update household set wijk_id = ? where id = ?'),
    insHousehold: p(INSERT_SQL.household),
    updResident: p(
      'update resident set telefoon = ?, email = ?, bsn = ?, geboortedatum = ?, updated_at = ? where id = ?',
    ),
    residentBefore: p(
      `insert into import_resident_before (import_id, resident_id, telefoon, email, bsn, geboortedatum, updated_at,
         set_telefoon, set_email, set_bsn, set_geboortedatum) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (import_id, resident_id) do update set set_telefoon = excluded.set_telefoon,
         set_email = excluded.set_email, set_bsn = excluded.set_bsn, set_geboortedatum = excluded.set_geboortedatum`,
    ),
    insResident: p(INSERT_SQL.resident),
    // zaak_open_after_insert, for a case opened on an address that was already known
    flagResident: p('update resident set has_open_case = 1 where id = ?'),
    insCase: p(INSERT_SQL.vroegsignaalzaak),
    insSignal: p(INSERT_SQL.vroegsignaal),
    caseSignals: p(
      'select partner_type, bedrag_cents, signaaldatum, crisis, resident_id from vroegsignaal where case_id = ? order by id',
    ),
    caseHousehold: p(
      'select h.postcode, h.huisnummer, h.toevoeging, h.straat from vroegsignaalzaak z join household h on h.id = z.household_id where z.id = ?',
    ),
    resident: p('select voorletters, tussenvoegsel, achternaam, achternaam_key from resident where id = ?'),
    updSummary: p(
      `update vroegsignaalzaak set display_name = ?, sort_name = ?, postcode = ?, adres = ?, partner_types = ?, signal_count = ?,
         total_amount_cents = ?, latest_signal_date = ?, crisis = ?, versie = versie + 1 where id = ?`,
    ),
  }
}

/** refreshCaseSummary on the raw handle (decisions.ts, caseSummary): the case row's summary columns. */
export function refreshCaseSummary(s: ReturnType<typeof prepareStatements>, caseId: number): void {
  const signals = s.caseSignals.all(caseId) as CaseSignal[]
  const hh = s.caseHousehold.get(caseId) as {
    postcode: string
    huisnummer: number
    toevoeging: string
    straat: string
  }
  const primaryId = signals[0]?.resident_id
  const primary = primaryId
    ? (s.resident.get(primaryId) as {
        voorletters: string
        tussenvoegsel: string
        achternaam: string
        achternaam_key: string
      })
    : undefined
  const c = caseSummary(signals, hh, primary)
  s.updSummary.run(
    c.display_name,
    c.sort_name,
    c.postcode,
    c.adres,
    c.partner_types,
    c.signal_count,
    c.total_amount_cents,
    c.latest_signal_date,
    c.crisis,
    caseId,
  )
}
