import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiError } from '../api/client'
import { allAtFields, check, describeFailure, errorsUnder, fieldEditor, withoutError } from './form-errors'

describe('form errors', () => {
  it('keys messages by dotted path, first message per field, Dutch only', () => {
    const schema = z.object({
      a: z.array(z.object({ n: z.string().min(1, 'Vul de naam in.') })),
      b: z.number(),
    })
    const result = check(schema, { a: [{ n: '' }], b: 'x' })
    expect(result).toEqual({
      ok: false,
      errors: { 'a.0.n': 'Vul de naam in.', b: 'Dit veld ontbreekt of heeft een verkeerde soort waarde.' },
    })
  })

  it('returns the parsed data when the input is valid', () => {
    expect(check(z.object({ n: z.string().trim() }), { n: ' x ' })).toEqual({ ok: true, data: { n: 'x' } })
  })

  it('takes a prefix off', () => {
    const errors = { 'team.telefoon': 'T', wijken: 'W', 'wijken.0.naam': 'N', 'wijkenlijst.x': 'no' }
    expect(errorsUnder(errors, 'wijken')).toEqual({ _: 'W', '0.naam': 'N' })
    expect(errorsUnder(errors, 'team')).toEqual({ telefoon: 'T' })
  })

  it('drops a stale message and keeps the object when there is nothing to drop', () => {
    const errors = { naam: 'N', rol: 'R' }
    expect(withoutError(errors, 'naam')).toEqual({ rol: 'R' })
    expect(withoutError(errors, 'email')).toBe(errors)
  })

  it('splits an API error into fields and a message', () => {
    const e = new ApiError({ code: 'validation', message: 'Fout', fields: { postcodes: 'P' } })
    expect(describeFailure(e)).toEqual({ message: 'Fout', fields: { postcodes: 'P' } })
    expect(describeFailure(new Error('boom')).fields).toEqual({})
  })
})

describe('allAtFields', () => {
  it('is true only when every message has a field on the form', () => {
    expect(allAtFields({ postcodes: 'P' }, ['naam', 'postcodes'])).toBe(true)
    expect(allAtFields({ postcodes: 'P', id: 'I' }, ['naam', 'postcodes'])).toBe(false)
    expect(allAtFields({}, ['naam'])).toBe(false)
  })
})

describe('fieldEditor', () => {
  it("sets the value and drops only that field's message, or the general one too when asked", () => {
    let errors: Record<string, string> = { datum: 'D', tijd: 'T', _: 'G' }
    const setErrors = (update: (e: Record<string, string>) => Record<string, string>) => {
      errors = update(errors)
    }
    let datum = ''
    fieldEditor(setErrors)('datum', (v) => (datum = v))('2026-12-08')
    expect(datum).toBe('2026-12-08')
    expect(errors).toEqual({ tijd: 'T', _: 'G' })
    fieldEditor(setErrors, true)('tijd', () => undefined)('10:00')
    expect(errors).toEqual({})
  })
})
