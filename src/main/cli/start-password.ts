import { setStartPasswordFromCli } from '../features/session/service'
import { FOLDER_OPTIONS, parseOptions } from './options'
import { openFolder } from './open'

export const usage =
  'start-password --naam "NAAM" [--data-dir MAP] [--key-file BESTAND]   startwachtwoord (van stdin) voor een medewerker, bijvoorbeeld de beheerder'

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
  const { values } = parseOptions(argv, { ...FOLDER_OPTIONS, naam: { type: 'string' } })
  const naam = values.naam
  if (!naam) {
    console.error(`Gebruik: ${usage}`)
    return 2
  }
  const password = await readStdin()
  const { app } = await openFolder(values)
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
