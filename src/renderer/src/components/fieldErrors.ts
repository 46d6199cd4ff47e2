import type { z } from 'zod'
import { ApiError } from '../api/client'

/** Error messages per form field, keyed by the dotted input path ("bewoner.achternaam"). */
export type FieldErrors = Record<string, string>

/** The first message per field from a zod validation, keyed like the server's `ApiError.fields`. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    if (!out[path]) out[path] = issue.message
  }
  return out
}

/** The per-field messages of a failed call; empty for other errors. */
export function apiFieldErrors(error: unknown): FieldErrors {
  return error instanceof ApiError ? { ...error.fields } : {}
}

/** A Dutch message for any thrown value: the API's own message, or a general one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Er ging iets mis. Probeer het opnieuw.'
}

/** The first field, in the order the form shows them, that has an error. */
export function firstErrorField(errors: FieldErrors, order: readonly string[]): string | undefined {
  return order.find((path) => errors[path]) ?? Object.keys(errors).find((p) => p !== '_')
}
