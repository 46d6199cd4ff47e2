import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// `npm run test:pg`: the service tests on a real PostgreSQL (issue 19; src/main/test/postgres.ts).
// The same test files as on SQLite: `testApp` gives each app a fresh PostgreSQL database.
process.env['LANGE_ADEM_TEST_STORE'] = 'postgres'

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
  test: {
    name: 'postgres',
    // Longer than on SQLite: the demo data load makes one round trip per row on PostgreSQL
    // (8–20 s quiet, 20–40 s while other work shares the two cores).
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // At least two test files at once (vitest's default is one per core but one): a service test
    // on PostgreSQL spends much of its time waiting for the server, which runs in its own processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    include: ['src/main/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/main/test/postgres-setup.ts'],
  },
})
