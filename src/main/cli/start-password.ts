import { createApp } from '../app/create-app'
import { resolveDataDir } from '../app/data-dir'
import { setStartPasswordFromCli } from '../features/session/service'

export const usage =
  'start-password --naam "NAAM" [--data-dir MAP]   startwachtwoord (van stdin) voor een medewerker, bijvoorbeeld de beheerder'

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  if (i >= 0) return argv[i + 1]
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1)
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

/**
 * `echo 'een lang startwachtwoord' | npm run cli -- start-password --naam "Bert Smeets" --data-dir DIR`
 * For a database from before passwords (nobody has one yet) or a beheerder who forgot theirs: the
 * password is read from stdin (never from the command line, where it would stay in the history).
 */
export async function run(argv: string[]): Promise<number> {
  const naam = option(argv, '--naam')
  if (!naam) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const password = await readStdin()
  const app = await createApp({ dataDir: resolveDataDir(argv, process.env) })
  try {
    await setStartPasswordFromCli(app.database.db, app.clock.now(), naam, password)
    console.log(
      `${naam} heeft een startwachtwoord. Bij de volgende keer aanmelden kiest ${naam} een eigen wachtwoord.`,
    )
    return 0
  } finally {
    await app.close()
  }
}
