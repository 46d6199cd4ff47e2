import type { AgendaView, AppointmentView, PlaceView } from '@shared/api/appointments'
import { PLEK_SOORT_LABELS, WEEKDAG_KORT } from '@shared/api/appointments'
import { call } from '../../api/client'

/**
 * The appointment screens' reads, one small function each, so the screens do not know how data
 * is fetched (and can move to a shared query layer without changing their shape).
 */
export const fetchPlaces = (): Promise<PlaceView[]> => call('appointments.places', {})
export const fetchCaseAppointments = (caseId: number): Promise<AppointmentView[]> =>
  call('appointments.forCase', { caseId })
export const fetchAgenda = (
  consulentId: number,
  datum: string,
  weergave: 'dag' | 'week',
): Promise<AgendaView> => call('appointments.agenda', { consulentId, datum, weergave })

/** "ma, di, do 09:00-17:00": when a place can be used, in a consulent's words. */
export function usableText(p: Pick<PlaceView, 'dagen' | 'van' | 'tot'>): string {
  const days = p.dagen.length === 7 ? 'elke dag' : p.dagen.map((d) => WEEKDAG_KORT[d]).join(', ')
  return `${days} ${p.van}-${p.tot}`
}

/** A place in a select: its name, its wijk, and a note when it is not accessible (its hours show below). */
export function placeLabel(p: PlaceView): string {
  const extra = [p.wijkNaam, p.toegankelijk ? null : 'niet toegankelijk met rolstoel']
  const rest = extra.filter(Boolean).join(' · ')
  return rest ? `${p.naam} (${rest})` : p.naam
}

/** Places grouped by their kind, for a NativeSelect. */
export function placeOptions(places: PlaceView[]) {
  const kinds = Object.keys(PLEK_SOORT_LABELS) as (keyof typeof PLEK_SOORT_LABELS)[]
  return kinds
    .map((k) => ({
      group: PLEK_SOORT_LABELS[k],
      items: places
        .filter((p) => p.soort === k && p.actief)
        .map((p) => ({ value: String(p.id), label: placeLabel(p) })),
    }))
    .filter((g) => g.items.length > 0)
}
