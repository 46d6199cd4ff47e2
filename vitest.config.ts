import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          // Playwright specs live in e2e/ and run under Playwright, not here.
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          // Tests of PostgreSQL's own behaviour run only in `npm run test:pg` (vitest.pg.config.ts).
          exclude: [...configDefaults.exclude, '**/*.postgres.test.ts'],
          environment: 'node',
        },
      },
      {
        // The renderer's component tests: a page in a DOM, against the fake backend.
        extends: true,
        plugins: [react()],
        test: {
          name: 'components',
          include: ['src/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['src/renderer/src/test/setup.ts'],
        },
      },
    ],
  },
})
