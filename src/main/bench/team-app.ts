/**
 * An app as a team member uses it, for the benchmarks that go through the dispatcher: the
 * Roermond set-up, signed in as the kwaliteitsmedewerker (who sees every case; the beheerder
 * who did the set-up sees none). In memory, or on an encrypted file in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSession } from '../app/context'
import { createApp } from '../app/create-app'
import { fixedClock } from '../lib/clock'
import { generateKey } from '../features/keys/key'
import type { ApiInput, ApiOutput, MethodName } from '@shared/api'

export async function benchTeamApp(opts: { onDisk?: boolean } = {}) {
  const { setUpTeam, TEST_PASSWORD_PARAMS } = await import('../test/fixtures')
  const clock = fixedClock('2026-11-10T09:30:00.000Z')
  const dir = opts.onDisk ? mkdtempSync(join(tmpdir(), 'lange-adem-bench-')) : null
  const app = await createApp({
    ...(dir ? { dataDir: dir, key: generateKey() } : { memory: true }),
    clock,
    // Signing in is not what these benchmarks measure: the cheap test hash keeps set-up short.
    passwordParams: TEST_PASSWORD_PARAMS,
  })
  const session = createSession()
  const call = async <M extends MethodName>(m: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const res = await app.dispatcher.call(session, m, input)
    if (!res.ok) throw new Error(`${m}: ${res.error.message}`)
    return res.value as ApiOutput<M>
  }
  await setUpTeam({ call, db: app.database.db }, 'Fatima El Idrissi')
  return {
    app,
    call,
    async close() {
      await app.close()
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}
