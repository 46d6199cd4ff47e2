import { describe, expect, it } from 'vitest'
import type { Signaalstatus } from '@shared/domain/ddas'
import { sql } from 'kysely'
import { rawHandle, type Db } from '../../db/database'
import { setUpTeam, testApp } from '../../test/fixtures'
import { takeInSignal, type NewSignal } from '../signals/service'
import type { AddressInput, ResidentInput } from '../signals/households'
import { BatchWriter } from './batch-writer'
import { loadBatchLookups } from './batch-state'
import { PAUSED_TRIGGERS } from './batch-statements'
import { storeRows } from './service'
import { dialectOf } from '../../db/dialect'
import { PG_INSERT_TRIGGERS, PgBatchWriter, reserveIds } from './pg-writer'

/** The store's triggers, indexes and tables by name, with their text (SQLite) or definition (PostgreSQL). */
async function schemaOf(db: Db) {
  return dialectOf(db) === 'postgres'
    ? (
        await sql<{
          name: string
          sql: string
        }>`select tgname as name, pg_get_triggerdef(oid) || ' ' || tgenabled::text as sql from pg_trigger
          where not tgisinternal union all select indexname, indexdef from pg_indexes where schemaname = 'public'
          union all select tablename, '' from pg_tables where schemaname = 'public' order by name`.execute(db)
      ).rows
    : (
        await sql<{
          name: string
          sql: string
        }>`select name, sql from sqlite_master where type in ('trigger', 'index', 'table') order by name`.execute(
          db,
        )
      ).rows
}

/** The batch writer of the store under test, over these inputs in one transaction. */
async function batchTake(db: Db, ctx: { at: string; today: string; userId: number }, inputs: Input[]) {
  const lookups = await loadBatchLookups(db)
  if (dialectOf(db) === 'postgres') {
    const first = await reserveIds(db, inputs.length)
    await db.transaction().execute(async (trx) => {
      const w = await PgBatchWriter.open(trx, lookups, ctx, null, { first, bound: inputs.length })
      await w.prefetch(
        inputs.map((i) => i[0].externId ?? ''),
        inputs.map((i) => i[2]),
      )
      for (const [s, r, addr, nf] of inputs) w.take(s, r, addr, nf)
      await w.finish()
    })
    return
  }
  const raw = rawHandle(db)
  await db.connection().execute(async () => {
    raw.transaction(() => {
      const w = new BatchWriter(raw, lookups, ctx)
      for (const [s, r, addr, nf] of inputs) w.take(s, r, addr, nf)
      w.finish()
    })()
  })
}

type Input = [NewSignal, ResidentInput, AddressInput, Signaalstatus | null]

function input(
  n: number,
  who: Partial<ResidentInput>,
  where: Partial<AddressInput>,
  notFollowed: Signaalstatus | null = null,
): Input {
  return [
    {
      externId: `T-${n}`,
      bron: 'import',
      partnerType: n % 2 ? 'Huur' : 'Energie',
      partnerNaam: n % 3 ? 'Wonen Limburg' : '',
      bedragCents: 10_000 + n * 137,
      ontstaansdatum: n % 4 ? '2026-08-01' : null,
      signaaldatum: `2026-10-${String(1 + (n % 28)).padStart(2, '0')}`,
      crisis: n % 5 === 0,
      warmeOverdracht: n % 7 === 0,
    },
    {
      voorletters: 'J.',
      tussenvoegsel: '',
      achternaam: 'Berg',
      geboortedatum: null,
      telefoon: '',
      email: '',
      bsn: '',
      ...who,
    },
    { postcode: '6041AB', huisnummer: 1, toevoeging: '', straat: 'Markt', plaats: 'Roermond', ...where },
    notFollowed,
  ]
}

const INPUTS: Input[] = [
  input(1, { achternaam: 'Janssen', geboortedatum: '1980-01-01', telefoon: '06-11223344' }, {}),
  input(2, { achternaam: 'Jansen', geboortedatum: '1980-01-01', email: 'j@x.nl ' }, {}),
  input(3, { achternaam: 'Meijer', voorletters: 'p' }, { huisnummer: 2, toevoeging: 'a' }),
  input(4, { achternaam: 'Meyer', voorletters: 'P.', bsn: '111222333' }, { huisnummer: 2, toevoeging: '-A' }),
  input(
    5,
    { achternaam: 'Vries', tussenvoegsel: 'de' },
    { postcode: '6042BB', huisnummer: 7 },
    'Niet opgepakt: onterecht signaal',
  ),
  input(6, { achternaam: 'Vries', tussenvoegsel: 'de' }, { postcode: '6042BB', huisnummer: 7 }),
  input(7, { achternaam: 'Smit' }, { postcode: '6043CC', huisnummer: 9 }),
  input(8, { achternaam: 'Smit', voorletters: 'A.' }, { postcode: '6043CC', huisnummer: 9 }),
  input(9, { achternaam: 'Buiten' }, { postcode: '5000AA', huisnummer: 1 }),
  input(
    10,
    { achternaam: 'Peeters' },
    { postcode: '6044DD', huisnummer: 3 },
    'Niet opgepakt: herhaalde melding',
  ),
  ...Array.from({ length: 30 }, (_, i) =>
    input(
      11 + i,
      { achternaam: `Naam${i % 9}` },
      { postcode: `604${1 + (i % 5)}EE`, huisnummer: 1 + (i % 7) },
    ),
  ),
  // Someone not followed up, then a housemate who is: the first one's open-case flag is set too
  input(41, { achternaam: 'Klaassen' }, { postcode: '6045XX', huisnummer: 5 }, 'Niet opgepakt: andere reden'),
  input(42, { achternaam: 'Pieters' }, { postcode: '6045XX', huisnummer: 5 }),
  // Not followed up, at an address whose case is open: flagged as living with an open case
  input(43, { achternaam: 'Hoekstra' }, { postcode: '6043CC', huisnummer: 9 }, 'Niet opgepakt: andere reden'),
  // A household that must not be approached: its case waits without a ladder date
  input(44, { achternaam: 'Stil' }, { postcode: '6046ZZ', huisnummer: 4 }),
]

async function dump(db: Db) {
  const out: Record<string, unknown[]> = {}
  // The audit trail differs on purpose: a hand entry is one user action per signal, an import one
  // action for its whole file (its entry names the signals and cases it made; service.ts, madeText)
  for (const table of ['household', 'resident', 'vroegsignaalzaak', 'vroegsignaal'] as const)
    out[table] = await db.selectFrom(table).selectAll().orderBy('id').execute()
  // A case's version (migration 0018) counts the writes to it, and the paths write a case's
  // summary a different number of times; only whether it moved matters, so it is left out.
  out.vroegsignaalzaak = (out.vroegsignaalzaak as { versie: number }[]).map(({ versie: _, ...z }) => z)
  // What the row triggers mark for the monitor, and the triggers themselves (paused during a batch)
  out.monitor_dirty = (
    await sql<{ kind: string; ref_id: number }>`select * from monitor_dirty order by kind, ref_id`.execute(db)
  ).rows
  out.schema = await schemaOf(db)
  return out
}

describe('the batched import path', () => {
  it('writes exactly the rows takeInSignal writes, for the same input', async () => {
    const a = await testApp()
    const b = await testApp()
    const { me } = await setUpTeam(a)
    await setUpTeam(b)
    const ctx = { at: '2026-11-10T09:30:00.000Z', today: '2026-11-10', userId: me.id }
    // A consulent helping in a second wijk, so the least-loaded choice matters
    for (const t of [a, b]) {
      const sem = await t.db
        .selectFrom('app_user')
        .select('id')
        .where('naam', '=', 'Sem Janssen')
        .executeTakeFirstOrThrow()
      await t.db.insertInto('user_wijk').values({ user_id: sem.id, wijk_id: 1 }).execute()
      await t.db
        .insertInto('household')
        .values({
          postcode: '6046ZZ',
          huisnummer: 4,
          toevoeging: '',
          straat: 'Markt',
          plaats: 'Roermond',
          wijk_id: null,
          created_at: ctx.at,
          niet_benaderen: 1,
        })
        .execute()
    }

    await a.db.transaction().execute(async (trx) => {
      for (const [s, r, addr, nf] of INPUTS)
        await takeInSignal(trx, ctx, s, r, addr, nf ? { notFollowed: nf } : {})
    })

    await batchTake(b.db, ctx, INPUTS)

    const [da, db] = [await dump(a.db), await dump(b.db)]
    const auditActions = async (d: Db) =>
      (await d.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action)
    expect(
      (await auditActions(a.db)).filter(
        (x) => x !== 'zaak geopend' && x !== 'signaal toegevoegd' && x !== 'signaal niet opgepakt',
      ),
    ).toEqual(await auditActions(b.db))
    expect(da.vroegsignaal).toHaveLength(INPUTS.length)
    expect((da.vroegsignaalzaak as { consulent_id: number | null }[]).map((z) => z.consulent_id)).toContain(
      (da.vroegsignaalzaak as { consulent_id: number | null }[])[0]!.consulent_id,
    )
    // Spelling variants met: fewer residents than signals
    expect(da.resident!.length).toBeLessThan(INPUTS.length)
    // The cases the paused insert triggers would have changed are among the compared rows
    const hoekstra = (da.resident as { achternaam: string; has_open_case: number }[]).find(
      (r) => r.achternaam === 'Hoekstra',
    )
    expect(hoekstra?.has_open_case).toBe(1)
    const stil = (
      da.vroegsignaalzaak as { display_name: string; plan_datum: string | null; niet_benaderen: number }[]
    ).find((z) => z.display_name.includes('Stil'))
    expect(stil).toMatchObject({ plan_datum: null, niet_benaderen: 1 })
    expect(db).toEqual(da)
  })
})

describe('the row triggers of the tables the import fills', () => {
  const triggerNames = async (db: Db) => (await schemaOf(db)).map((r) => r.name)

  it('are every insert trigger the writer pauses, on either store (a new one must be handled too)', async () => {
    const t = await testApp()
    const pg = dialectOf(t.db) === 'postgres'
    const inserts = (
      pg
        ? await sql<{ name: string }>`select tgname as name from pg_trigger where not tgisinternal
            and tgrelid::regclass::text in ('household', 'resident', 'vroegsignaalzaak', 'vroegsignaal')
            and pg_get_triggerdef(oid) like '% INSERT %' order by name`.execute(t.db)
        : await sql<{ name: string }>`select name from sqlite_master where type = 'trigger'
            and tbl_name in ('household', 'resident', 'vroegsignaalzaak', 'vroegsignaal')
            and lower(sql) like '% insert on %' order by name`.execute(t.db)
    ).rows.map((r) => r.name)
    expect(inserts).toEqual([...(pg ? PG_INSERT_TRIGGERS : PAUSED_TRIGGERS)].sort())
  })

  it('are back after a preview and after an import that fails halfway, with nothing stored', async () => {
    const t = await testApp()
    const { me } = await setUpTeam(t)
    const before = await triggerNames(t.db)
    const schemaBefore = await schemaOf(t.db)
    expect(before).toEqual(
      expect.arrayContaining(['monitor_zaak_ins', 'monitor_signaal_ins', 'zaak_open_after_insert']),
    )
    const ctx = { at: '2026-11-10T09:30:00.000Z', today: '2026-11-10', userId: me.id }
    const row = (n: number) => ({
      line: n + 1,
      values: {
        externId: `P-${n}`,
        partnerType: 'Huurachterstand',
        bedrag: '450,00',
        signaaldatum: '05-10-2026',
        achternaam: 'Berg',
        straat: 'Markt',
        postcode: '6041 AB',
        huisnummer: String(n + 1),
      },
    })
    const mapping = { columns: {}, partnerTypes: { huurachterstand: 'Huur' as const } }
    const preview = await storeRows(t.db, ctx, [row(1), row(2)], mapping, {
      commit: false,
      bron: 'Test',
      fileName: 'a.csv',
    })
    expect(preview.problems).toEqual([])
    expect(preview.nieuw).toBe(2)
    expect(await schemaOf(t.db)).toEqual(schemaBefore)

    function* failing() {
      yield row(3)
      yield row(4)
      throw new Error('disk full')
    }
    await expect(
      storeRows(t.db, ctx, failing(), mapping, { commit: true, bron: 'Test', fileName: 'b.csv' }),
    ).rejects.toThrow('disk full')
    expect(await schemaOf(t.db)).toEqual(schemaBefore)
    expect(await t.db.selectFrom('vroegsignaal').select('id').execute()).toEqual([])

    await storeRows(t.db, ctx, [row(5)], mapping, { commit: true, bron: 'Test', fileName: 'c.csv' })
    // Neither the preview nor the failed run used up an id
    expect(await t.db.selectFrom('vroegsignaal').select('id').execute()).toEqual([{ id: 1 }])
    expect(await schemaOf(t.db)).toEqual(schemaBefore)
    // Marked for the monitor (SQLite: by the batch itself, as the paused trigger would have done)
    const dirty = (
      await sql<{ kind: string }>`select kind from monitor_dirty where kind in ('zaak', 'signaal')`.execute(
        t.db,
      )
    ).rows.map((r) => r.kind)
    expect(dirty.sort()).toEqual(['signaal', 'zaak'])
  })
})
