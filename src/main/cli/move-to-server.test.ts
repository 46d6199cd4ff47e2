import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../app/create-app'
import { createSession } from '../app/context'
import { verifyAuditChain } from '../features/audit/repository'
import { generateKey } from '../features/keys/key'
import { fixedClock } from '../lib/clock'
import { setUpTeam, signal, TEST_PASSWORD_PARAMS } from '../test/fixtures'
import type { ApiInput, ApiOutput, MethodName } from '@shared/api'
import { run } from './move-to-server'

const dirs: string[] = []
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `lange-adem-move-${name}-`))
  dirs.push(d)
  return d
}
afterEach(() => {
  vi.restoreAllMocks()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A workstation that worked solo for a while: set up, a case with an attempt. */
async function soloWorkstation() {
  const dataDir = tmp('solo')
  const key = generateKey()
  const app = await createApp({
    dataDir,
    key,
    clock: fixedClock('2026-11-10T09:30:00.000Z'),
    passwordParams: TEST_PASSWORD_PARAMS,
  })
  const session = createSession()
  const call = async <M extends MethodName>(m: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const res = await app.dispatcher.call(session, m, input)
    if (!res.ok) throw new Error(res.error.message)
    return res.value as ApiOutput<M>
  }
  await setUpTeam({ call, db: app.database.db }, 'Anouk Peeters')
  const { caseId } = await call('signals.createManual', signal({ postcode: '6041 AB' }))
  const { versie } = await call('dossier.get', { caseId })
  await call('ladder.logAttempt', {
    caseId,
    versie,
    kanaal: 'telefoon',
    bereikt: false,
    resultaat: 'Geen gehoor',
  })
  const entries = (await verifyAuditChain(app.database.db)).entries
  await app.close()
  const keyFile = join(tmp('keys'), 'solo.key')
  writeFileSync(keyFile, key)
  return { dataDir, keyFile, caseId, entries }
}

describe('move-to-server', () => {
  it.each([
    ['as a re-encrypted copy of the file', []],
    ['through an encrypted export into a new database (--via-export)', ['--via-export']],
  ])(
    'moves everything onto an empty server under its own key, %s; chain and counts checked',
    async (_how, extra) => {
      const solo = await soloWorkstation()
      const serverDir = join(tmp('server'), 'data')
      const serverKey = generateKey()
      const serverKeyFile = join(tmp('keys'), 'server.key')
      writeFileSync(serverKeyFile, serverKey)
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
      const args = ['--data-dir', solo.dataDir, '--key-file', solo.keyFile]
      expect(
        await run([...args, ...extra, '--server-data-dir', serverDir, '--server-key-file', serverKeyFile]),
      ).toBe(0)
      expect(log.mock.calls.flat().join('\n')).toMatch(
        /Verplaatst: 1 zaken, 1 signalen, \d+ logboekregels; de keten klopt/,
      )

      const server = await createApp({ dataDir: serverDir, key: serverKey })
      try {
        const chain = await verifyAuditChain(server.database.db)
        expect(chain).toEqual({ ok: true, entries: solo.entries })
        const attempts = await server.database.db
          .selectFrom('contactpoging')
          .select(['case_id', 'resultaat'])
          .execute()
        expect(attempts).toEqual([{ case_id: solo.caseId, resultaat: 'Geen gehoor' }])
        // No export file is left in the server's folder.
        expect(readdirSync(serverDir).filter((f) => f.includes('export'))).toEqual([])
      } finally {
        await server.close()
      }

      // A server that holds a database already is never written to.
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      const before = readdirSync(serverDir).sort()
      expect(
        await run([...args, ...extra, '--server-data-dir', serverDir, '--server-key-file', serverKeyFile]),
      ).toBe(1)
      expect(error.mock.calls.flat().join('\n')).toMatch(/staat al een database/)
      expect(readdirSync(serverDir).sort()).toEqual(before)
    },
  )

  it('refuses a workstation whose logboek chain is broken, moving nothing', async () => {
    const solo = await soloWorkstation()
    const key = (await import('node:fs')).readFileSync(solo.keyFile, 'utf8')
    const app = await createApp({ dataDir: solo.dataDir, key })
    await app.database.db.updateTable('audit_log').set({ summary: 'Vervalst' }).where('id', '=', 2).execute()
    await app.close()
    const serverDir = join(tmp('server'), 'data')
    const serverKeyFile = join(tmp('keys'), 'server.key')
    writeFileSync(serverKeyFile, generateKey())
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const code = await run([
      '--data-dir',
      solo.dataDir,
      '--key-file',
      solo.keyFile,
      '--server-data-dir',
      serverDir,
      '--server-key-file',
      serverKeyFile,
    ])
    expect(code).toBe(1)
    expect(error.mock.calls.flat().join('\n')).toMatch(/Het logboek van de werkplek klopt niet/)
    expect(() => readdirSync(serverDir)).toThrow()
  })
})
