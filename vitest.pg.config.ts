import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// `npm run test:pg`: the service tests on a real PostgreSQL (issue 19; src/main/test/postgres.ts).
// The same test files as on SQLite: `testApp` gives each app a fresh PostgreSQL database.
process.env['LANGE_ADEM_TEST_STORE'] = 'postgres'

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
  test: {
    name: 'postgres',
    testTimeout: 30_000,
    include: ['src/main/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/main/test/postgres-setup.ts'],
  },
})
