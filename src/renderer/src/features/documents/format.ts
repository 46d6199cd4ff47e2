import type { QueueItemView } from '@shared/api/documents'
import { formatTimeNl, formatWeekdayDate } from '@shared/api/documents-text'

/** "dinsdag 17 november 2026, 10.00 - 12.00 uur, met Sem Janssen" */
export function visitText(item: QueueItemView): string {
  if (!item.bezoek) return ''
  const b = item.bezoek
  const when = `${formatWeekdayDate(b.datum)}, ${formatTimeNl(b.van).replace(' uur', '')} - ${formatTimeNl(b.tot)}`
  return b.collega ? `${when}, met ${b.collega}` : when
}
