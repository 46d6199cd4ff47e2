/**
 * `npm run cli -- <opdracht> ...`: the command line. Each subcommand lives in its own file in
 * src/main/cli/ (named as the command), reads its options with `parseOptions` (cli/options.ts,
 * node:util parseArgs) and exports `usage` and `run(argv)`; register it here.
 */
import * as backup from './cli/backup'
import * as ddasVs from './cli/ddas-vs'
import * as exportDdas from './cli/export-ddas'
import * as exportDb from './cli/export'
import * as importExport from './cli/import-export'
import * as intakeImport from './cli/import'
import { UsageError } from './cli/options'
import * as printBatch from './cli/print-batch'
import * as purge from './cli/purge'
import * as restoreBackup from './cli/restore-backup'
import * as rotateKey from './cli/rotate-key'
import * as startPassword from './cli/start-password'
import * as moveToServer from './cli/move-to-server'
import { AppError } from './lib/errors'
import { DatabaseKeyError } from './features/keys/key'
import { DatabaseDamagedError } from './features/backup/service'
import { DatabaseTooNewError } from './db/database'
import { CredentialError } from './features/ddas-vs/credentials'
import { ExportFileError } from './db/export/format'

interface Command {
  usage: string
  run(argv: string[]): Promise<number>
}

const COMMANDS: Record<string, Command> = {
  backup,
  'restore-backup': restoreBackup,
  export: exportDb,
  'import-export': importExport,
  'rotate-key': rotateKey,
  'export-ddas': exportDdas,
  import: intakeImport,
  'start-password': startPassword,
  'print-batch': printBatch,
  purge,
  'ddas-vs': ddasVs,
  'move-to-server': moveToServer,
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2)
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    if (name && name !== '--help') console.error(`Onbekende opdracht: ${name}`)
    console.error('Opdrachten:')
    for (const c of Object.values(COMMANDS)) console.error(`  ${c.usage}`)
    return name === '--help' ? 0 : 2
  }
  try {
    return await command.run(rest)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    console.error(`${err.message}\nGebruik: npm run cli -- ${command.usage}`)
    return 2
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    // A service's own error carries a Dutch message for the user; anything else is a bug.
    console.error(
      err instanceof AppError ||
        err instanceof DatabaseKeyError ||
        err instanceof DatabaseDamagedError ||
        err instanceof DatabaseTooNewError ||
        err instanceof CredentialError ||
        err instanceof ExportFileError
        ? err.message
        : err,
    )
    process.exitCode = 1
  },
)
