import type { z } from 'zod'
import { zodFieldErrors, type FieldErrors } from '@shared/api/validation'
import { ApiError } from '../api/client'

// One mapping of zod issues to Dutch messages, shared with main's dispatcher.
export { zodFieldErrors, type FieldErrors } from '@shared/api/validation'

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** Runs the same zod schema main uses, before anything is sent. */
export function check<S extends z.ZodType>(schema: S, value: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(value)
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: zodFieldErrors(result.error) }
}

/**
 * The errors below one part of the input, with that part's prefix taken off:
 * under "team", "team.telefoon" becomes "telefoon"; an error on "wijken" itself becomes "_".
 */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {}
  for (const [key, message] of Object.entries(errors)) {
    if (key === prefix) out['_'] ??= message
    else if (key.startsWith(prefix + '.')) out[key.slice(prefix.length + 1)] = message
  }
  return out
}

/** The errors without the one for `key`: once the user changes a field its old message is stale. */
export function withoutError(errors: FieldErrors, key: string): FieldErrors {
  if (!(key in errors)) return errors
  const { [key]: _removed, ...rest } = errors
  return rest
}

/**
 * One change handler per field of a form: it sets the value and drops that field's message, which
 * is stale once the user changes the field. With `dropGeneral` the form's general message ("_")
 * goes too, for forms whose general message repeats a field's.
 */
export function fieldEditor(
  setErrors: (update: (errors: FieldErrors) => FieldErrors) => void,
  dropGeneral = false,
): (key: string, set: (value: string) => void) => (value: string) => void {
  return (key, set) => (value) => {
    set(value)
    setErrors((errors) => {
      const rest = withoutError(errors, key)
      return dropGeneral ? withoutError(rest, '_') : rest
    })
  }
}

/** A failed call split into messages per field and one Dutch message for the whole action. */
export function describeFailure(error: unknown): { message: string; fields: FieldErrors } {
  if (error instanceof ApiError) return { message: error.message, fields: error.fields }
  return { message: 'Er ging iets mis. Probeer het opnieuw.', fields: {} }
}

/** Puts the cursor in the first field that shows an error, after React has drawn it. */
export function focusFirstError(container: ParentNode = document): void {
  requestAnimationFrame(() => {
    const el = container.querySelector<HTMLElement>('[aria-invalid="true"]')
    el?.focus()
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  })
}

/** True when every message can be shown at one of the form's own fields, so no general alert is needed. */
export function allAtFields(fields: FieldErrors, shownFields: readonly string[]): boolean {
  const keys = Object.keys(fields)
  return keys.length > 0 && keys.every((k) => shownFields.includes(k))
}
