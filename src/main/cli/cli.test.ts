import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app/create-app'
import { createSession } from '../app/context'
import { fixedClock } from '../lib/clock'
import { KEY_ENV } from '../features/keys/dev-key'
import { generateKey } from '../features/keys/key'
import { CLI, requireBuiltCli } from '../test/kill'

/** The built command line (`node out/main/cli.js`) on an encrypted data folder. */
const dir = mkdtempSync(join(tmpdir(), 'lange-adem-cli-'))
const key = generateKey()
const clock = fixedClock('2026-11-10T09:30:00.000Z')

function cli(args: string[], input = '') {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, [KEY_ENV]: key },
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

beforeAll(async () => {
  requireBuiltCli()
  const app = await createApp({ dataDir: dir, key, clock })
  try {
    expect((await app.dispatcher.call(createSession(), 'setup.loadDemo', {})).ok).toBe(true)
  } finally {
    await app.close()
  }
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the command line', () => {
  it('gives a colleague a starting password from stdin, on the encrypted folder, and she can sign in with it', async () => {
    const app = await createApp({ dataDir: dir, key, clock })
    const member = await app.database.db
      .selectFrom('app_user')
      .select(['id', 'naam'])
      .where('rol', '=', 'consulent')
      .where('actief', '=', 1)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    await app.close()

    const r = cli(['start-password', '--naam', member.naam, '--data-dir', dir], 'een lang startwachtwoord\n')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toContain(`${member.naam} heeft een startwachtwoord.`)

    const again = await createApp({ dataDir: dir, key, clock })
    try {
      const signIn = await again.dispatcher.call(createSession(), 'session.signIn', {
        userId: member.id,
        wachtwoord: 'een lang startwachtwoord',
      })
      expect(signIn).toMatchObject({ ok: true, value: { moetWachtwoordKiezen: true } })
    } finally {
      await again.close()
    }
  })

  it('refuses an unknown or incomplete option in Dutch, with the usage, and touches nothing', () => {
    const elsewhere = join(dir, 'elders')
    const mistyped = cli(['backup', '--data_dir', elsewhere])
    expect(mistyped.code).toBe(2)
    expect(mistyped.err).toContain('Onbekende optie: --data_dir')
    expect(mistyped.err).toContain('Gebruik: npm run cli -- backup [--data-dir MAP]')
    expect(existsSync(elsewhere)).toBe(false)
    const before = readdirSync(dir).sort()

    const missing = cli(['export-ddas', '--from', '2026-10-01', '--to', '2026-10-31', '--out'])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('Geef een waarde bij --out')

    const extra = cli(['purge', '--voorbeeld=ja', '--data-dir', dir])
    expect(extra.code).toBe(2)
    expect(extra.err).toContain('--voorbeeld krijgt geen waarde.')

    const stray = cli(['rotate-key', 'nu', '--data-dir', dir])
    expect(stray.code).toBe(2)
    expect(stray.err).toContain('Onverwacht argument: nu')

    // import takes one file: a second is refused, and so is none, before anything is opened
    const twoFiles = cli(['import', 'a.csv', 'b.csv', '--data-dir', dir])
    expect(twoFiles.code).toBe(2)
    expect(twoFiles.err).toContain('Onverwacht argument: b.csv')
    const noFile = cli(['import', '--mapping', 'VPS', '--data-dir', dir])
    expect(noFile.code).toBe(2)
    expect(noFile.err).toContain('Geef het bestand dat je wilt inlezen.')
    expect(noFile.err).toContain('Gebruik: npm run cli -- import BESTAND')
    const mistypedImport = cli(['import', 'a.csv', '--koppeling', 'VPS', '--data-dir', dir])
    expect(mistypedImport.code).toBe(2)
    expect(mistypedImport.err).toContain('Onbekende optie: --koppeling')
    expect(readdirSync(dir).sort()).toEqual(before)
  })
})
