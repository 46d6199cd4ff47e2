import type { PlaceView } from '@shared/api/appointments'
import { PLEK_SOORT_LABELS, WEEKDAG_KORT } from '@shared/api/appointments'

/** The appointment screens' words for places (their data comes through api/queries.ts). */

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
