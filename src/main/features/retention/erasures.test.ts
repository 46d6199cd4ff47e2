import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BackupRow } from '@shared/api/backup'
import { createSession, type Session } from '../../app/context'
import { createApp, type App } from '../../app/create-app'
import { fixedClock } from '../../lib/clock'
import { ROERMOND_SETUP, signal } from '../../test/fixtures'
import { generateKey } from '../keys/key'
import { ERASURES_FILE, type ErasureEntry } from './erasures'

const dirs: string[] = []
const apps: App[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close().catch(() => {})
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function start(dir: string, key: string, clock = fixedClock('2026-11-10T09:00:00.000Z')) {
  const app = await createApp({ dataDir: dir, key, clock })
  apps.push(app)
  const session: Session = createSession()
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await app.dispatcher.call(session, method, input)
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`)
    return res.value as T
  }
  const as = async (naam: string) => {
    const team = await call<{ id: number; naam: string }[]>('session.team', {})
    Object.assign(session, createSession(), { userId: team.find((m) => m.naam === naam)!.id })
  }
  return { app, clock, call, as }
}

/** A folder with Bos (closed case, so a deletion request can be carried out) and Smit (open case). */
async function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'lange-adem-erasures-'))
  dirs.push(dir)
  const key = generateKey()
  const t = await start(dir, key)
  await t.call('setup.complete', ROERMOND_SETUP)
  await t.as('Anouk Peeters')
  const { caseId } = await t.call<{ caseId: number }>(
    'signals.createManual',
    signal({ achternaam: 'Bos', geboortedatum: '01-05-1980', postcode: '6041 AC' }),
  )
  await t.call('signals.createManual', signal({ achternaam: 'Smit', postcode: '6041 AD' }))
  const { versie } = await t.call<{ versie: number }>('dossier.get', { caseId })
  await t.call('ladder.close', {
    caseId,
    versie,
    resultaat: 'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
    hulpAangeboden: true,
    hulpGeaccepteerd: false,
    verwijzing: '',
    notitie: '',
  })
  return { dir, key, ...t }
}

const surnames = (app: App) =>
  app.database.raw.prepare('select achternaam from resident order by achternaam').pluck().all()
const readFile = (dir: string) => JSON.parse(readFileSync(join(dir, ERASURES_FILE), 'utf8')) as ErasureEntry[]

describe('carried-out deletion requests and backups', () => {
  it('a restored backup from before the deletion does not bring the person back', async () => {
    const t = await folder()
    await t.as('Bert Smeets')
    const backup = await t.call<BackupRow>('backup.create', {})
    const bos = t.app.database.raw
      .prepare("select id, created_at from resident where achternaam = 'Bos'")
      .get() as { id: number; created_at: string }

    t.clock.set('2026-11-12T10:00:00.000Z')
    await t.as('Fatima El Idrissi')
    await t.call('retention.deletePerson', { residentIds: [bos.id] })
    expect(surnames(t.app)).toEqual(['Smit'])
    // The file beside the database: row number and creation time, nothing about the person
    const text = readFileSync(join(t.dir, ERASURES_FILE), 'utf8')
    expect(readFile(t.dir)).toEqual([
      { at: '2026-11-12T10:00:00.000Z', residentId: bos.id, residentCreatedAt: bos.created_at },
    ])
    expect(text).not.toMatch(/Bos|1980|6041/)

    await t.as('Bert Smeets')
    await t.call('backup.restore', { naam: backup.naam })
    // The backup held Bos; the register took him out again, and said so in the logboek
    expect(surnames(t.app)).toEqual(['Smit'])
    const again = t.app.database.raw
      .prepare("select user_id, summary from audit_log where action = 'verwijderverzoek opnieuw'")
      .all() as { user_id: number | null; summary: string }[]
    expect(again).toHaveLength(1)
    expect(again[0]!.user_id).toBeNull()
    expect(again[0]!.summary).toContain(`bewoner nr ${bos.id}`)
    expect(again[0]!.summary).not.toMatch(/Bos|1980/)
    // The restored database carries the register on, so a later backup of it knows too
    expect(t.app.database.raw.prepare('select resident_id from erasure_register').pluck().all()).toEqual([
      bos.id,
    ])

    // A restart finds nothing more to do
    await t.app.close()
    apps.length = 0
    const next = await start(t.dir, t.key)
    expect(surnames(next.app)).toEqual(['Smit'])
    expect(
      next.app.database.raw
        .prepare("select count(*) from audit_log where action = 'verwijderverzoek opnieuw'")
        .pluck()
        .get(),
    ).toBe(1)
  })

  it('rebuilds a lost file from the database, and leaves a later row with the same number alone', async () => {
    const t = await folder()
    const bos = t.app.database.raw.prepare("select id from resident where achternaam = 'Bos'").pluck().get()
    await t.as('Fatima El Idrissi')
    await t.call('retention.deletePerson', { residentIds: [bos] })
    const entries = readFile(t.dir)
    await t.app.close()
    apps.length = 0

    // A crash between the deletion's commit and the file: the table still has the entry
    rmSync(join(t.dir, ERASURES_FILE))
    // An entry for Smit's row number but another creation time: not Smit, so he stays
    const smit = await start(t.dir, t.key)
    const smitRow = smit.app.database.raw
      .prepare("select id, created_at from resident where achternaam = 'Smit'")
      .get() as { id: number; created_at: string }
    await smit.app.close()
    apps.length = 0
    expect(readFile(t.dir)).toEqual(entries)
    const foreign = {
      at: '2026-11-11T08:00:00.000Z',
      residentId: smitRow.id,
      residentCreatedAt: '2020-01-01T00:00:00.000Z',
    }
    writeFileSync(join(t.dir, ERASURES_FILE), JSON.stringify([...entries, foreign]))

    const again = await start(t.dir, t.key)
    expect(surnames(again.app)).toEqual(['Smit'])
    expect(readFile(t.dir)).toEqual([...entries, foreign])
    expect(again.app.database.raw.prepare('select count(*) from erasure_register').pluck().get()).toBe(2)
  })

  it('keeps an unreadable register file aside and starts from the database', async () => {
    const t = await folder()
    await t.app.close()
    apps.length = 0
    writeFileSync(join(t.dir, ERASURES_FILE), '{ niet af')
    const again = await start(t.dir, t.key)
    expect(surnames(again.app)).toEqual(['Bos', 'Smit'])
    expect(existsSync(join(t.dir, `${ERASURES_FILE}.onleesbaar-2026-11-10T09-00-00-000Z`))).toBe(true)
  })
})
