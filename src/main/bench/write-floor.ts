/**
 * The write floor of this machine: what SQLite needs to store the four rows every new signal
 * brings (household, resident, case, signal), with their values made up front and nothing else
 * done: no file, no validation, no matching, no triage, no intake, audit or undo rows. The same
 * settings as the import (one transaction, insert triggers paused, foreign keys checked at the
 * commit) on a copy of the same filled, encrypted database. No import can be faster than this;
 * the intake bench prints it beside its own figure.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { openDatabase } from '../db/database'

const INSERT_TRIGGERS = `select name, sql from sqlite_master where type = 'trigger' and sql like '% after insert on %'
  and tbl_name in ('household', 'resident', 'vroegsignaalzaak', 'vroegsignaal')`

export interface WriteFloor {
  rows: number
  /** CPU time per row, inserts and commit. */
  microsPerRow: number
  commitMicrosPerRow: number
  rowsPerSecond: number
}

/**
 * `bare`: the same without the secondary indexes of the four tables (they serve the caseload,
 * Vandaag, walk-in and matching queries); only primary keys and unique keys remain. Dropped
 * inside the transaction, on a copy: what the rows cost without what other targets need.
 */
export async function measureWriteFloor(
  file: string,
  key: string,
  rows: number,
  today: string,
  bare = false,
): Promise<WriteFloor & { indexes: number }> {
  const opened = openDatabase(file, key)
  const raw: BetterSqlite3.Database = opened.raw
  try {
    const wijken = raw.prepare('select id from wijk order by id').pluck().all() as number[]
    const users = raw
      .prepare("select id from app_user where rol = 'consulent' order by id")
      .pluck()
      .all() as number[]
    const at = `${today}T10:00:00.000Z`
    const p = (sql: string) => raw.prepare(sql)
    const insHousehold = p(
      'insert into household (postcode, huisnummer, toevoeging, straat, plaats, wijk_id, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    )
    const insResident = p(
      `insert into resident (household_id, voorletters, tussenvoegsel, achternaam, achternaam_key, geboortedatum, telefoon, email, bsn, created_at, updated_at, has_open_case)
       values (?, 'J.', '', ?, ?, ?, '', '', null, ?, ?, 1)`,
    )
    const insCase = p(
      `insert into vroegsignaalzaak (id, case_number, household_id, wijk_id, consulent_id, status, is_open, datum_opgepakt, display_name, sort_name,
         postcode, adres, partner_types, signal_count, total_amount_cents, latest_signal_date, crisis, is_demo, created_at, created_by, niet_benaderen, plan_datum)
       values (?, ?, ?, ?, ?, 'nieuw', 1, ?, ?, ?, ?, ?, 'Huur', 1, ?, ?, 0, 0, ?, ?, 0, ?)`,
    )
    const insSignal = p(
      `insert into vroegsignaal (extern_id, bron, partner_type, partner_naam, bedrag_cents, ontstaansdatum, signaaldatum, crisis, warme_overdracht,
         status, resident_id, household_id, case_id, is_demo, created_at, created_by)
       values (?, 'import', 'Huur', '', ?, null, ?, 0, 0, null, ?, ?, ?, 0, ?, ?)`,
    )
    // The values, made before the clock starts
    const letters = (n: number) =>
      String.fromCharCode(65 + (n % 26)) + String.fromCharCode(65 + (Math.floor(n / 26) % 26))
    const names = ['Janssen', 'de Vries', 'van den Berg', 'Peeters', 'Celik', 'Smeets', 'Yilmaz', 'Hendriks']
    const made = Array.from({ length: rows }, (_, i) => {
      const surname = `${names[i % names.length]}${i % 997}`
      return {
        // Unique addresses, none of them in the fill: (pc4, letters, number) walks through them in turn
        postcode: `${6001 + (i % 50)}${letters(Math.floor(i / 50) % 676)}`,
        huisnummer: 5000 + Math.floor(i / 33_800),
        surname,
        key: surname.toLowerCase().replace(/[^a-z0-9]/g, ''),
        birth: `19${40 + (i % 60)}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        externId: `FLOOR-${(i * 7919) % 1_000_003}-${i}`,
        cents: 4_000 + ((i * 37) % 240_000),
        wijk: wijken[i % wijken.length] ?? null,
        consulent: users[i % users.length] ?? null,
      }
    })
    const cpu0 = process.cpuUsage()
    raw.exec('begin immediate')
    raw.pragma('defer_foreign_keys = ON')
    const triggers = raw.prepare(INSERT_TRIGGERS).all() as { name: string; sql: string }[]
    for (const t of triggers) raw.exec(`drop trigger ${t.name}`)
    const secondary = raw
      .prepare(
        `select name from sqlite_master where type = 'index' and sql is not null and sql not like 'create unique%'
           and tbl_name in ('household', 'resident', 'vroegsignaalzaak', 'vroegsignaal')`,
      )
      .pluck()
      .all() as string[]
    if (bare) for (const name of secondary) raw.exec(`drop index ${name}`)
    let caseId =
      (raw
        .prepare("select seq from sqlite_sequence where name = 'vroegsignaalzaak'")
        .pluck()
        .get() as number) + 1
    for (const m of made) {
      const householdId = Number(
        insHousehold.run(m.postcode, m.huisnummer, '', 'Hoofdstraat', 'Roermond', m.wijk, at).lastInsertRowid,
      )
      const residentId = Number(
        insResident.run(householdId, m.surname, m.key, m.birth, at, at).lastInsertRowid,
      )
      const id = caseId++
      insCase.run(
        id,
        `F-${id}`,
        householdId,
        m.wijk,
        m.consulent,
        today,
        `J. ${m.surname}`,
        `${m.key} j.`,
        m.postcode,
        `Hoofdstraat ${m.huisnummer}`,
        m.cents,
        today,
        at,
        m.consulent,
        today,
      )
      insSignal.run(m.externId, m.cents, today, residentId, householdId, id, at, m.consulent)
    }
    for (const t of triggers) raw.exec(t.sql)
    const cpu1 = process.cpuUsage(cpu0)
    raw.exec('commit')
    const cpu2 = process.cpuUsage(cpu0)
    const micros = cpu2.user + cpu2.system
    const commitMicros = micros - (cpu1.user + cpu1.system)
    return {
      indexes: bare ? 0 : secondary.length,
      rows,
      microsPerRow: micros / rows,
      commitMicrosPerRow: commitMicros / rows,
      rowsPerSecond: Math.round(rows / (micros / 1e6)),
    }
  } finally {
    await opened.close()
  }
}
