import { describe, expect, it } from 'vitest'
import type { Signaalstatus } from '@shared/domain/ddas'
import { rawHandle, type Db } from '../../db/database'
import { setUpTeam, testApp } from '../../test/fixtures'
import { takeInSignal, type NewSignal } from '../signals/service'
import type { AddressInput, ResidentInput } from '../signals/households'
import { BatchWriter, loadBatchLookups } from './batch'

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
]

async function dump(db: Db) {
  const out: Record<string, unknown[]> = {}
  for (const table of ['household', 'resident', 'vroegsignaalzaak', 'vroegsignaal', 'audit_log'] as const)
    out[table] = await db.selectFrom(table).selectAll().orderBy('id').execute()
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
    }

    await a.db.transaction().execute(async (trx) => {
      for (const [s, r, addr, nf] of INPUTS)
        await takeInSignal(trx, ctx, s, r, addr, nf ? { notFollowed: nf } : {})
    })

    const lookups = await loadBatchLookups(b.db)
    const raw = rawHandle(b.db)
    await b.db.connection().execute(async () => {
      raw.transaction(() => {
        const w = new BatchWriter(raw, lookups)
        for (const [s, r, addr, nf] of INPUTS) w.take(ctx, s, r, addr, nf)
        w.finish()
      })()
    })

    const [da, db] = [await dump(a.db), await dump(b.db)]
    expect(da.vroegsignaal).toHaveLength(INPUTS.length)
    expect((da.vroegsignaalzaak as { consulent_id: number | null }[]).map((z) => z.consulent_id)).toContain(
      (da.vroegsignaalzaak as { consulent_id: number | null }[])[0]!.consulent_id,
    )
    // Spelling variants met: fewer residents than signals
    expect(da.resident!.length).toBeLessThan(INPUTS.length)
    expect(db).toEqual(da)
  })
})
