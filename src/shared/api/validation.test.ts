import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { zodFieldErrors } from './validation'

describe('zodFieldErrors', () => {
  it("keeps the schema's Dutch message and the first one per dotted path", () => {
    const schema = z.object({
      team: z.object({ naam: z.string().min(2, 'Vul de naam in.').max(3, 'Te lang') }),
      wijken: z.array(z.string().min(1, 'Geef de wijk een naam.')),
    })
    const r = schema.safeParse({ team: { naam: '' }, wijken: ['a', ''] })
    expect(r.success).toBe(false)
    if (!r.success)
      expect(zodFieldErrors(r.error)).toEqual({
        'team.naam': 'Vul de naam in.',
        'wijken.1': 'Geef de wijk een naam.',
      })
  })

  it("puts zod's English defaults in plain Dutch, by kind of issue", () => {
    const schema = z.strictObject({ n: z.number().min(1).max(5), s: z.string(), e: z.enum(['a', 'b']) })
    const errors = (input: unknown): Record<string, string> => {
      const r = schema.safeParse(input)
      return r.success ? {} : zodFieldErrors(r.error)
    }
    expect(errors({ n: 0, s: 'x', e: 'a' })).toEqual({ n: 'Deze waarde is te klein of te kort.' })
    expect(errors({ n: 9, s: 'x', e: 'a' })).toEqual({ n: 'Deze waarde is te groot of te lang.' })
    expect(errors({ n: 1, e: 'a' })).toEqual({ s: 'Dit veld ontbreekt of heeft een verkeerde soort waarde.' })
    expect(errors({ n: 1, s: 'x', e: 'c' })).toEqual({ e: 'Deze waarde is niet geldig.' })
    expect(errors({ n: 1, s: 'x', e: 'a', x: 1 })).toEqual({ _: 'Er zijn onbekende velden meegestuurd.' })
  })
})
