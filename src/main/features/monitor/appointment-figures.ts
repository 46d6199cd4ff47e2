import { sql } from 'kysely'
import type { AppointmentPlaceRow } from '@shared/api/monitor'
import { PLEK_SOORTEN, PLEK_SOORT_LABELS } from '@shared/api/appointments'
import type { Db } from '../../db/database'
import type { Period } from './figures'
import { ratio } from './figures'

/**
 * Appointments kept and missed by kind of place (issue 21), from the anonymous appointment facts
 * (monitor_afspraak_fact, kept by triggers of migration 0017, so the figures survive the deletion
 * of the cases). An appointment counts on its own day, in the period that holds it; one that was
 * moved counts as "verzet" on its old day and again on its new day; one that fell away because
 * the case was closed or the resident asked not to be approached does not count.
 */
export async function appointmentsByPlace(db: Db, p: Period): Promise<AppointmentPlaceRow[]> {
  const rows = await sql<{ plek_soort: string; status: string; n: number }>`
    select plek_soort, status, count(*) as n from monitor_afspraak_fact
    where datum >= ${p.van} and datum <= ${p.tot} and status <> 'vervallen'
    group by plek_soort, status`.execute(db)
  const count = (soort: string, status: string) =>
    Number(rows.rows.find((r) => r.plek_soort === soort && r.status === status)?.n ?? 0)
  return PLEK_SOORTEN.map((soort) => {
    const geweest = count(soort, 'geweest')
    const nietGekomen = count(soort, 'niet_gekomen')
    return {
      soort,
      label: PLEK_SOORT_LABELS[soort],
      gepland: count(soort, 'gepland'),
      geweest,
      nietGekomen,
      verzet: count(soort, 'verzet'),
      opkomst: ratio(geweest, geweest + nietGekomen),
    }
  })
}
