import type { z } from 'zod'

/**
 * Error messages per field, keyed by the dotted input path the API uses ("team.gemeenteCode",
 * "wijken.0.postcodes"). The key "_" holds a message about the input as a whole.
 */
export type FieldErrors = Record<string, string>

// Our schemas carry Dutch messages; zod's own defaults (for shapes a form cannot produce, or a
// hand-made call) are English, so they are replaced by a plain Dutch sentence.
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too|Unrecognized|Expected|Required)/

/** The Dutch message for one zod issue: the schema's own, or a plain sentence for zod's defaults. */
export function dutchIssueMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return 'Dit veld ontbreekt of heeft een verkeerde soort waarde.'
    case 'unrecognized_keys':
      return 'Er zijn onbekende velden meegestuurd.'
    case 'too_small':
      return 'Deze waarde is te klein of te kort.'
    case 'too_big':
      return 'Deze waarde is te groot of te lang.'
    default:
      return 'Deze waarde is niet geldig.'
  }
}

/**
 * The first Dutch message per field path. Main's dispatcher answers a refused call with these and
 * the screens check a form with the same schema before sending, so both name fields alike.
 */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    if (!out[key]) out[key] = dutchIssueMessage(issue)
  }
  return out
}
