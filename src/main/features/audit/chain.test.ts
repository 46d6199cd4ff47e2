import { describe, expect, it } from 'vitest'
import { Migrator } from 'kysely'
import { migrateToLatest, openDatabase } from '../../db/database'
import { migrations } from '../../db/migrations'
import { setUpTeam, signal, signInAs, testApp } from '../../test/fixtures'
import { recordAudit, verifyAuditChain } from './repository'
import * as m0006 from '../../db/migrations/0006_audit_chain'
import { auditHash, GENESIS_HASH } from './chain'

describe('the audit trail as a hash chain', () => {
  async function appWithTrail() {
    const t = await testApp()
    await setUpTeam(t)
    await t.call('signals.createManual', signal())
    await t.call('signals.createManual', signal({ postcode: '6044 AA', achternaam: 'Smits' }))
    return t
  }

  it('verifies an untouched trail', async () => {
    const t = await appWithTrail()
    const v = await verifyAuditChain(t.db)
    expect(v.ok).toBe(true)
    expect(v.entries).toBeGreaterThanOrEqual(4)
  })

  it('finds an entry whose text was changed afterwards', async () => {
    const t = await appWithTrail()
    const rows = await t.db.selectFrom('audit_log').select('id').orderBy('id').execute()
    const target = rows[2]!.id
    await t.db.updateTable('audit_log').set({ summary: 'iets anders' }).where('id', '=', target).execute()
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtId: target })
  })

  it('finds a removed entry and an entry slipped in without its hash', async () => {
    const t = await appWithTrail()
    const rows = await t.db.selectFrom('audit_log').select('id').orderBy('id').execute()
    await t.db.deleteFrom('audit_log').where('id', '=', rows[1]!.id).execute()
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtId: rows[2]!.id })

    const u = await appWithTrail()
    await u.db
      .insertInto('audit_log')
      .values({
        at: u.clock.now(),
        user_id: null,
        action: 'x',
        entity_type: 'zaak',
        entity_id: 1,
        summary: 'x',
      })
      .execute()
    expect((await verifyAuditChain(u.db)).ok).toBe(false)
  })

  it('lets only the kwaliteitsmedewerker and beheerder search and check it', async () => {
    const t = await appWithTrail()
    const refused = await t.raw('audit.verify', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const team = await t.call('session.team', {})
    await signInAs(t, team.find((m) => m.rol === 'kwaliteitsmedewerker')!.naam)
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true, brokenAtId: null })
    const page = await t.call('audit.search', { zaaknummer: 'la-2026-00001' })
    expect(page.total).toBeGreaterThan(0)
    expect(page.rows.every((r) => r.onderwerp === 'zaak LA-2026-00001')).toBe(true)
  })

  it('chains the entries that existed before migration 0006', async () => {
    const opened = openDatabase(':memory:')
    const migrator = new Migrator({ db: opened.db, provider: { getMigrations: async () => migrations } })
    const r = await migrator.migrateTo('0005_ladder')
    expect(r.error).toBeUndefined()
    for (let i = 0; i < 3; i++)
      await opened.raw
        .prepare(
          "insert into audit_log (at, user_id, action, entity_type, entity_id, summary) values (?, null, 'test', 'zaak', ?, 'oud')",
        )
        .run(`2026-01-0${i + 1}T10:00:00.000Z`, i + 1)
    await migrateToLatest(opened.db)
    const rows = await opened.db
      .selectFrom('audit_log')
      .select(['id', 'prev_hash', 'hash'])
      .orderBy('id')
      .execute()
    expect(rows).toHaveLength(3)
    expect(rows.every((x) => x.hash && x.prev_hash)).toBe(true)
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash)
    expect((await verifyAuditChain(opened.db)).ok).toBe(true)
    await opened.close()
  })

  it('hashes as migration 0006 did, which keeps its own frozen copy of the hash', () => {
    expect(m0006.GENESIS_HASH).toBe(GENESIS_HASH)
    const entries = [
      {
        at: '2026-01-01T10:00:00.000Z',
        user_id: null,
        action: 'x',
        entity_type: 'zaak',
        entity_id: null,
        summary: '',
      },
      {
        at: '2026-02-01T10:00:00.000Z',
        user_id: 7,
        action: 'notitie',
        entity_type: 'zaak',
        entity_id: 12,
        summary: 'Één “quote” €5 \u{1F600}',
      },
    ]
    let prev = GENESIS_HASH
    for (const e of entries) {
      expect(m0006.auditHash(prev, e)).toBe(auditHash(prev, e))
      prev = auditHash(prev, e)
    }
  })

  it('hashes exactly what it stores, whatever text a path hands it', async () => {
    const t = await appWithTrail()
    // Texts that reach the trail without passing the dispatcher (an import file's name, a
    // service's own wording): a lone surrogate, NUL, ESC, a bidi override, a carriage return.
    for (const summary of ['Geen gehoor\ud800', '\udc00x\u0000y\u001b', 'naam\u202eexe.csv', 'a\r\nb']) {
      await recordAudit(t.db, t.clock.now(), {
        userId: null,
        action: `actie\ud83d`,
        entityType: 'import',
        entityId: null,
        summary,
      })
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true })
    const last = await t.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .orderBy('id', 'desc')
      .limit(4)
      .execute()
    expect(last.map((r) => r.summary)).toEqual(['a\nb', 'naamexe.csv', 'xy', 'Geen gehoor'])
    expect(last.every((r) => r.action === 'actie')).toBe(true)
  })
})
