import type { Db } from '../../db/database'
import type { Clock } from '../../lib/clock'

// Being written (see demo generator task); replaced before the first commit.
export async function loadDemoData(_db: Db, _clock: Clock): Promise<void> {
  throw new Error('demo data not yet available')
}
