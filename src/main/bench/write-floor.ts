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
import { INSERT_SQL, pauseInsertTriggers, restoreTriggers } from '../features/intake/batch-statements'

export interface WriteFloor {
  rows: number
  /** CPU time per row, inserts and commit. */
  microsPerRow: number
  commitMicrosPerRow: number
  rowsPerSecond: number
}

/** The rows of the floor: unique addresses none of the fill has, each with its resident, case and signal. */
export function floorRows(rows: number, wijken: number[], users: number[]) {
  const letters = (n: number) =>
    String.fromCharCode(65 + (n % 26)) + String.fromCharCode(65 + (Math.floor(n / 26) % 26))
  const names = ['Janssen', 'de Vries', 'van den Berg', 'Peeters', 'Celik', 'Smeets', 'Yilmaz', 'Hendriks']
  return Array.from({ length: rows }, (_, i) => {
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
    // The import's own statements (intake/batch-writer.ts)
    const insHousehold = raw.prepare(INSERT_SQL.household)
    const insResident = raw.prepare(INSERT_SQL.resident)
    const insCase = raw.prepare(INSERT_SQL.vroegsignaalzaak)
    const insSignal = raw.prepare(INSERT_SQL.vroegsignaal)
    // The values, made before the clock starts
    const made = floorRows(rows, wijken, users)
    const cpu0 = process.cpuUsage()
    raw.exec('begin immediate')
    const paused = pauseInsertTriggers(raw)
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
        insResident.run(householdId, 'J.', '', m.surname, m.key, m.birth, '', '', null, at, at, 1)
          .lastInsertRowid,
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
        'Huur',
        1,
        m.cents,
        today,
        0,
        at,
        m.consulent,
        0,
        today,
      )
      insSignal.run(
        m.externId,
        'import',
        'Huur',
        '',
        m.cents,
        null,
        today,
        0,
        0,
        null,
        residentId,
        householdId,
        id,
        at,
        m.consulent,
      )
    }
    restoreTriggers(raw, paused)
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
