import { normalizePostcode } from '@shared/format/address'
import { wijkForPostcode, type WijkRange } from '../wijken/assignment'

/** The wijk of an intake correction row, from the postcode as read; null when it has none usable. */
export function problemWijk(valuesJson: string, ranges: WijkRange[]): number | null {
  let postcode: unknown
  try {
    postcode = (JSON.parse(valuesJson) as { postcode?: unknown }).postcode
  } catch {
    return null
  }
  const pc = typeof postcode === 'string' ? normalizePostcode(postcode) : null
  return pc ? wijkForPostcode(pc, ranges) : null
}
