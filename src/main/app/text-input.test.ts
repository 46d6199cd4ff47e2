import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { apiContract, type MethodName } from '@shared/api'
import { mayCall } from '@shared/api/permissions'
import type { Rol } from '@shared/domain/case'
import { uncleanCells } from '../test/unclean'
import { SCOPE_CSV, scopeWorld } from '../test/world'
import { verifyAuditChain } from '../features/audit/repository'
import { createSession } from './context'
import { ROERMOND_SETUP, testApp } from '../test/fixtures'
import {
  anyText,
  csvWithCell,
  getAt,
  hostile,
  setAt,
  stringPaths,
  textMethods,
  textSamples,
  withCurrentVersion,
} from '../test/text-samples'

const RUNS_PER_METHOD = 20
const safeCodes = new Set(['validation', 'not_found', 'forbidden', 'conflict', 'not_signed_in', 'locked'])

/** Who calls a method in the test: the kwaliteitsmedewerker where allowed, else the beheerder. */
function callerOf(method: MethodName): string | null {
  if (apiContract[method].access === 'none') return null
  for (const [rol, naam] of [
    ['kwaliteitsmedewerker', 'Fatima El Idrissi'],
    ['beheerder', 'Bert Smeets'],
    ['consulent', 'Anouk Peeters'],
  ] as [Rol, string][])
    if (mayCall(method, rol)) return naam
  return null
}

describe('hostile text through every method that takes text', () => {
  it('has a valid sample for each such method', async () => {
    const w = await scopeWorld()
    await w.signInAs('Fatima El Idrissi')
    const samples = await textSamples(w)
    expect(Object.keys(samples).sort()).toEqual(textMethods().sort())
    for (const [m, input] of Object.entries(samples)) {
      const parsed = apiContract[m as MethodName].input.safeParse(input)
      expect(parsed.success, `${m}: ${parsed.error?.message}`).toBe(true)
    }
  })

  it(
    'keeps the logboek whole and stores only clean text, whatever Unicode comes in (fast-check)',
    { timeout: 240_000 },
    async () => {
      const w = await scopeWorld()
      await w.signInAs('Fatima El Idrissi')
      const samples = await textSamples(w)
      // Changing one's own password goes last: the test signs in again afterwards.
      const order = textMethods()
        .filter((m) => m !== 'setup.complete')
        .sort((a, b) => Number(a === 'session.changePassword') - Number(b === 'session.changePassword'))
      const problems: string[] = []
      let sent = 0
      let accepted = 0
      let signedInAs = 'Fatima El Idrissi'
      for (const method of order) {
        const sample = samples[method]
        const paths = stringPaths(sample)
        const caller = callerOf(method)
        if (caller && caller !== signedInAs) {
          await w.signInAs(caller)
          signedInAs = caller
        }
        // The file a method takes (the import's upload) is the valid CSV, or with hostile text in
        // one of its cells: a cell of the import file is text too, so half of the runs put it there.
        const takesFile = method === 'intake.upload'
        const validFile = takesFile ? new Uint8Array(Buffer.from(SCOPE_CSV)) : undefined
        const fileCell = takesFile
          ? fc
              .tuple(anyText(30), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 15 }))
              .map(([text, line, col]) => ({
                input: sample,
                file: new Uint8Array(csvWithCell(text, line, col)),
              }))
          : null
        const field = fc.nat({ max: paths.length - 1 }).chain((i) =>
          hostile(String(getAt(sample, paths[i]!))).map((text) => ({
            input: setAt(sample, paths[i]!, text),
            file: validFile,
          })),
        )
        await fc.assert(
          fc.asyncProperty(fileCell ? fc.oneof(field, fileCell) : field, async ({ input, file }) => {
            sent++
            // Methods before sign-in get a session of their own, so they cannot switch the user.
            const session = caller ? w.t.session : createSession()
            const current = await withCurrentVersion(input, (id) => w.t.versie(id))
            const res = await w.t.app.dispatcher.call(session, method, current, file)
            if (res.ok) accepted++
            else if (!safeCodes.has(res.error.code))
              problems.push(`${method}: ${JSON.stringify(res.error).slice(0, 200)}`)
          }),
          { numRuns: RUNS_PER_METHOD, seed: 20261114, endOnFailure: true },
        )
      }
      expect(problems).toEqual([])
      expect(await uncleanCells(w.t.db)).toEqual([])
      await w.signInAs('Bert Smeets')
      expect(await w.t.call('audit.verify', {})).toMatchObject({ ok: true })
      // Most hostile texts pass, cleaned: the property is about stored text, not refusals.
      expect(sent).toBeGreaterThan(800)
      expect(accepted).toBeGreaterThan(sent / 4)
    },
  )

  it('sets up a team with hostile text in any field, and the logboek checks out (fast-check)', async () => {
    const paths = stringPaths(ROERMOND_SETUP).filter((p) => !p.includes('wachtwoord'))
    await fc.assert(
      fc.asyncProperty(
        fc
          .nat({ max: paths.length - 1 })
          .chain((i) =>
            hostile(String(getAt(ROERMOND_SETUP, paths[i]!))).map((text) =>
              setAt(ROERMOND_SETUP, paths[i]!, text),
            ),
          ),
        async (input) => {
          const t = await testApp()
          const res = await t.raw('setup.complete', input)
          if (!res.ok) expect(res.error.code).toBe('validation')
          expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
          expect(await uncleanCells(t.db)).toEqual([])
          await t.app.close()
        },
      ),
      { numRuns: 25, seed: 14 },
    )
  })
})
