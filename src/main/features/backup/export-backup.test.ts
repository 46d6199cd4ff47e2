import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../../db/database'
import { openExport } from '../../db/export/header'
import { restoreExport } from '../../db/export/restore'
import { generateKey } from '../keys/key'
import { testApp } from '../../test/fixtures'
import { createExportBackup, listExportBackups } from './export-backup'
import { listBackups } from './service'

const dir = mkdtempSync(join(tmpdir(), 'lange-adem-export-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('backups as encrypted exports', () => {
  it('are made beside the file backups, kept in their own rotation, and restore into an empty database', async () => {
    const t = await testApp()
    const key = generateKey()
    try {
      await t.call('setup.loadDemo', {})
      const now = '2026-11-10T09:30:00.000Z'
      const first = await createExportBackup(t.db, dir, now, { key, keep: 2 })
      // Same millisecond: the next free one, never an overwrite.
      const second = await createExportBackup(t.db, dir, now, { key, keep: 2 })
      expect(second.at).toBe('2026-11-10T09:30:00.001Z')
      const third = await createExportBackup(t.db, dir, '2026-11-11T09:30:00.000Z', {
        key,
        keep: 2,
        kind: 'handmatig',
      })
      expect(listExportBackups(dir).map((b) => b.name)).toEqual([third.name, second.name])
      expect(listExportBackups(dir).map((b) => b.kind)).toEqual(['handmatig', 'automatisch'])
      expect(listBackups(dir)).toEqual([])
      expect(readdirSync(join(dir, 'backups')).some((f) => f.endsWith('.part') || f === first.name)).toBe(
        false,
      )

      const target = openDatabase(':memory:')
      try {
        await migrateToLatest(target.db)
        const reader = openExport(third.file, key)
        const restored = await restoreExport(reader, target.db)
        reader.close()
        expect(restored.auditEntries).toBeGreaterThan(0)
        expect(
          (
            await target.db
              .selectFrom('vroegsignaalzaak')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ).toEqual(
          (
            await t.db
              .selectFrom('vroegsignaalzaak')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      } finally {
        await target.close()
      }
    } finally {
      await t.app.close()
    }
  })
})
