/**
 * `npm run cli -- <opdracht> ...`: the command line. Each subcommand lives in its own file in
 * src/main/cli/ and exports `usage` and `run(argv)`; register it here.
 */
import * as backup from './cli/backup'
import * as exportDdas from './cli/export-ddas'
import * as startPassword from './cli/start-password'
import * as intakeImport from './features/intake/cli'
import * as printBatch from './features/documents/cli'
import * as purge from './features/retention/cli'
import * as ddasVs from './features/ddas-vs/cli'
import * as moveToServer from './cli/move-to-server'
import { AppError } from './lib/errors'
import { DatabaseKeyError } from './features/keys/key'
import { DatabaseDamagedError } from './features/backup/service'
import { DatabaseTooNewError } from './db/database'
import { CredentialError } from './features/ddas-vs/credentials'

interface Command {
  usage: string
  run(argv: string[]): Promise<number>
}

const COMMANDS: Record<string, Command> = {
  backup,
  'restore-backup': { usage: backup.restoreUsage, run: backup.restore },
  'rotate-key': { usage: backup.rotateUsage, run: backup.rotate },
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
  return command.run(rest)
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
        err instanceof CredentialError
        ? err.message
        : err,
    )
    process.exitCode = 1
  },
)
