import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { apiKey } from './queries'
import { invalidateForChanges } from './invalidation'

/** A cache holding the answers a few screens showed; which of them a colleague's change makes stale. */
function cacheWithScreens() {
  const client = new QueryClient()
  const keys = [
    apiKey('app.status', {}),
    apiKey('ladder.today', {}),
    apiKey('caseload.list', { zoek: 'Aar' }),
    apiKey('documents.queue', {}),
    apiKey('dossier.get', { caseId: 7 }),
    apiKey('dossier.get', { caseId: 8 }),
    apiKey('settings.get', {}),
    apiKey('backup.list', {}),
  ]
  for (const k of keys) client.setQueryData(k, { any: 'answer' })
  const stale = () =>
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey))
      .sort()
  return { client, stale }
}

describe('a colleague’s change makes stale what it touched, in one map', () => {
  it('a changed case: Vandaag, the caseload, the print queue and that one case file, not another', async () => {
    const { client, stale } = cacheWithScreens()
    await invalidateForChanges(client, [{ volgnummer: 5, soort: 'zaak', id: 7 }], false)
    expect(stale()).toEqual(
      [
        ['caseload.list', { zoek: 'Aar' }],
        ['documents.queue', {}],
        ['dossier.get', { caseId: 7 }],
        ['ladder.today', {}],
      ]
        .map((k) => JSON.stringify(k))
        .sort(),
    )
  })

  it('a kind it does not know: every list, but never a case file (each read is a recorded view)', async () => {
    const { client, stale } = cacheWithScreens()
    await invalidateForChanges(client, [{ volgnummer: 5, soort: 'iets-nieuws', id: 7 }], false)
    expect(stale()).not.toContain(JSON.stringify(['dossier.get', { caseId: 7 }]))
    expect(stale()).not.toContain(JSON.stringify(['app.status', {}]))
    expect(stale()).toContain(JSON.stringify(['backup.list', {}]))
  })

  it('more than one answer holds: everything but the status', async () => {
    const { client, stale } = cacheWithScreens()
    await invalidateForChanges(client, [], true)
    expect(stale()).toHaveLength(7)
    expect(stale()).not.toContain(JSON.stringify(['app.status', {}]))
  })
})
