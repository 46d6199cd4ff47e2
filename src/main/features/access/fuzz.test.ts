import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { apiContract, type MethodName } from '@shared/api'
import type { Db } from '../../db/database'
import { otherCaseInputs, scopeWorld, type ScopeWorld } from '../../test/world'
import { fieldsOf, HOSTILE_STRINGS } from '../../test/text-samples'
import { tableNames } from '../../test/fixtures'

const METHODS = Object.keys(apiContract) as MethodName[]
const RUNS_PER_METHOD = 20

/** Every table's full content, hashed: one changed cell anywhere changes it. */
async function checksum(db: Db): Promise<string> {
  const hash = createHash('sha256')
  for (const name of await tableNames(db, { kysely: true })) {
    // Some tables have no rowid: sort the rows themselves so the order of storage does not count.
    const rows = await sql`select * from ${sql.table(name)}`.execute(db)
    hash.update(name).update(JSON.stringify(rows.rows.map((r) => JSON.stringify(r)).sort()))
  }
  return hash.digest('hex')
}

function nested(depth: number): unknown {
  let v: unknown = { x: 1 }
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v]
  return v
}

/** Values no well-behaved screen sends. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -1,
    -2147483649,
    Number.MAX_SAFE_INTEGER + 2,
    NaN,
    Infinity,
    -Infinity,
    1.5,
    ...HOSTILE_STRINGS,
    '\u0000\u202e\ud800',
    '👩‍👩‍👧‍👦'.repeat(50),
    'x'.repeat(100_000),
    [],
    {},
    nested(200),
    nested(2000),
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.anything({ maxDepth: 3 }),
  fc.date({ noInvalidDate: false }),
)

/** Objects with keys that try to pollute prototypes, made the way JSON.parse and IPC make them. */
const pollution: fc.Arbitrary<unknown> = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"caseId": 1, "__proto__": {"isAdmin": true}}'),
  JSON.parse('{"toString": "x", "valueOf": 1, "hasOwnProperty": null}'),
)

/** A malformed input for a method: built around its own field names, so it gets past the outer shape. */
function malformed(fields: string[]): fc.Arbitrary<unknown> {
  const withFields =
    fields.length === 0
      ? fc.dictionary(fc.string({ maxLength: 8 }), badValue, { maxKeys: 3, minKeys: 1 })
      : fc.record(Object.fromEntries(fields.map((f) => [f, badValue])), { requiredKeys: [] }).chain((o) =>
          fc.oneof(
            fc.constant(o),
            // every field right-shaped but one extra key, or one key named like a prototype
            fc.constantFrom('extra', '__proto__', 'constructor', 'prototype').map((k) => {
              const copy: Record<string, unknown> = { ...o }
              Object.defineProperty(copy, k, { value: { polluted: true }, enumerable: true })
              return copy
            }),
          ),
        )
  return fc.oneof(withFields, badValue, pollution, fc.array(withFields, { maxLength: 3 }))
}

const safeCodes = new Set(['validation', 'not_found', 'forbidden', 'conflict', 'not_signed_in'])

async function fuzzAs(w: ScopeWorld, naam: string) {
  await w.signInAs(naam)
  const before = await checksum(w.t.db)
  let sent = 0
  const problems: string[] = []
  for (const method of METHODS) {
    const schema = apiContract[method].input
    await fc.assert(
      fc.asyncProperty(malformed(fieldsOf(schema)), async (input) => {
        // Only inputs the contract refuses: a valid call may rightly change data.
        if (schema.safeParse(input).success) return
        sent++
        let res
        try {
          res = await w.t.app.dispatcher.call(w.t.session, method, input)
        } catch (err) {
          problems.push(`${method}: threw ${String(err)}`)
          return
        }
        if (res.ok || !safeCodes.has(res.error.code)) {
          problems.push(`${method}: ${JSON.stringify(res).slice(0, 200)}`)
          return
        }
        // Dutch for the user: zod's English defaults never come through
        if (/Invalid|Expected|Unrecognized|Too (big|small)|undefined|\[object/.test(res.error.message))
          problems.push(`${method}: message "${res.error.message}"`)
      }),
      { numRuns: RUNS_PER_METHOD, seed: 20261110, endOnFailure: true },
    )
  }
  const after = await checksum(w.t.db)
  return { sent, problems, unchanged: before === after }
}

describe('malformed input to every method (fast-check)', () => {
  it('answers each with a Dutch error, never a crash, and changes nothing', { timeout: 60_000 }, async () => {
    const w = await scopeWorld()
    let total = 0
    for (const naam of ['Fatima El Idrissi', 'Bert Smeets']) {
      const { sent, problems, unchanged } = await fuzzAs(w, naam)
      expect(problems, naam).toEqual([])
      expect(unchanged, `${naam}: database changed`).toBe(true)
      total += sent
    }
    // Thousands in all; the pre-filter drops the few that happen to be valid
    expect(total).toBeGreaterThan(2000)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  })
})

/** Every number under a key that names a record (caseId, itemIds, visitId, id...) replaced. */
function withIds(v: unknown, next: () => number, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => withIds(x, next, key))
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withIds(x, next, k)]))
  return typeof v === 'number' && /(^id$|Id$|Ids$)/.test(key) ? next() : v
}

describe('nearly valid input to every case-level method (fast-check)', () => {
  it(
    'answers unknown records and one bad field in Dutch, never a crash, changing nothing',
    { timeout: 60_000 },
    async () => {
      const w = await scopeWorld()
      const samples = Object.entries(otherCaseInputs(w)) as [MethodName, Record<string, unknown>][]
      for (const naam of ['Fatima El Idrissi', 'Bert Smeets']) {
        await w.signInAs(naam)
        const before = await checksum(w.t.db)
        const problems: string[] = []
        let sent = 0
        for (const [method, sample] of samples) {
          const schema = apiContract[method].input
          const unknownIds = fc
            .array(fc.integer({ min: 100_000, max: 2 ** 31 - 1 }), { minLength: 8, maxLength: 8 })
            .map((ids) => ({ kind: 'ids', input: withIds(sample, () => ids.shift() ?? 100_001) }))
          const oneBadField = fc
            .tuple(fc.constantFrom(...Object.keys(sample)), badValue)
            .map(([k, v]) => ({ kind: 'field', input: { ...sample, [k]: v } as unknown }))
          await fc.assert(
            fc.asyncProperty(fc.oneof(unknownIds, oneBadField), async (input) => {
              const valid = schema.safeParse(input).success
              if (valid && input === sample) return
              sent++
              try {
                const res = await w.t.app.dispatcher.call(w.t.session, method, input)
                if (res.ok || !safeCodes.has(res.error.code))
                  problems.push(`${method}: ${JSON.stringify(res).slice(0, 200)}`)
              } catch (err) {
                problems.push(`${method}: threw ${String(err)}`)
              }
            }),
            { numRuns: 15, seed: 7, endOnFailure: true },
          )
        }
        expect(problems, naam).toEqual([])
        expect(await checksum(w.t.db), `${naam}: database changed`).toBe(before)
        expect(sent).toBeGreaterThan(300)
      }
    },
  )
})
