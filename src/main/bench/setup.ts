/**
 * The set-up the database benchmarks share: the bench team in Roermond and small helpers for
 * reading sizes from the environment and printing durations.
 */
import { setupInput } from '@shared/api/setup'
import { migrateToLatest, type Db } from '../db/database'
import { completeSetup } from '../features/setup/service'

/** Ten wijken of five PC4 areas each: 6001-6005, 6006-6010, ... 6046-6050. */
export const BENCH_WIJKEN = [
  'Centrum',
  "Kapel in 't Zand",
  'Maasniel',
  'Roermond-Oost',
  'Donderberg',
  'Leeuwen',
  'Hoogvonderen',
  'Herten',
  'Swalmen',
  'Asenray',
]

export interface BenchTeamOptions {
  /**
   * Consulenten who help in five wijken each, besides the one consulent per wijk: with 1,
   * "Consulent 11" works in the first five wijken; with 2, "Consulent 12" also in the last five.
   */
  helpers?: 0 | 1 | 2
}

/**
 * Migrates a fresh database and completes the set-up for the bench team: ten wijken, one
 * consulent per wijk ("Consulent 1" to "Consulent 10"), the helpers and a kwaliteitsmedewerker.
 * Returns the consulenten per wijk id (in user id order), as the bench fill expects them.
 */
export async function benchTeamSetup(
  db: Db,
  today: string,
  { helpers = 2 }: BenchTeamOptions = {},
): Promise<Map<number, number[]>> {
  await migrateToLatest(db)
  await completeSetup(
    db,
    `${today}T08:00:00.000Z`,
    setupInput.parse({
      team: {
        gemeenteNaam: 'Roermond',
        gemeenteCode: '0957',
        teamNaam: 'Team Vroegsignalering',
        postadres: 'Postbus 900\n6040 AX Roermond',
        bezoekadres: 'Markt 31\n6041 EM Roermond',
        telefoon: '0475 359 999',
        email: 'vroegsignalering@roermond.nl',
        inloopDag: 'dinsdag',
        inloopStart: '09:00',
        inloopEind: '11:00',
        inloopPlaats: 'Stadskantoor',
      },
      wijken: BENCH_WIJKEN.map((naam, w) => ({ naam, postcodes: `${6001 + 5 * w}-${6005 + 5 * w}` })),
      medewerkers: [
        ...BENCH_WIJKEN.map((w, i) => ({ naam: `Consulent ${i + 1}`, rol: 'consulent', wijken: [w] })),
        ...(helpers >= 1
          ? [{ naam: 'Consulent 11', rol: 'consulent', wijken: BENCH_WIJKEN.slice(0, 5) }]
          : []),
        ...(helpers >= 2 ? [{ naam: 'Consulent 12', rol: 'consulent', wijken: BENCH_WIJKEN.slice(5) }] : []),
        { naam: 'Kwaliteit', rol: 'kwaliteitsmedewerker', wijken: [] },
        { naam: 'Beheer', rol: 'beheerder', wijken: [] },
      ],
      beheerder: { naam: 'Beheer', wachtwoord: 'bench-wachtwoord-lang' },
    }),
  )
  const links = await db
    .selectFrom('user_wijk')
    .innerJoin('app_user', 'app_user.id', 'user_wijk.user_id')
    .select(['user_wijk.wijk_id', 'app_user.id'])
    .where('app_user.rol', '=', 'consulent')
    .orderBy('app_user.id')
    .execute()
  const consulenten = new Map<number, number[]>()
  for (const l of links) consulenten.set(l.wijk_id, [...(consulenten.get(l.wijk_id) ?? []), l.id])
  return consulenten
}

/**
 * The monitor settings a DDAS delivery needs: the supplying organisation with one contact person
 * (and the supplier's name, when given).
 */
export async function benchMonitorSettings(db: Db, today: string, leverancierNaam?: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({
      key: 'monitor',
      value: JSON.stringify({
        ...(leverancierNaam ? { leverancierNaam } : {}),
        organisatie: {
          naam: 'Gemeente Bench',
          kvkNummer: '',
          contactpersonen: [
            {
              naam: 'K. Medewerker',
              telefoon: '0475 359 999',
              email: 'bench@example.nl',
              functie: 'Kwaliteit',
            },
          ],
        },
      }),
      updated_at: today,
      updated_by: null,
    })
    .execute()
}

/** A positive whole number from the environment ("60_000" and "60,000" are fine), or the fallback. */
export function envInt(name: string, fallback: number): number {
  const v = process.env[name]
  if (!v) return fallback
  const n = Number(v.replace(/[_,]/g, ''))
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${v}"`)
  return n
}

/** A duration in milliseconds as seconds with one decimal: "12.3 s". */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
