import { parseArgs, type ParseArgsConfig } from 'node:util'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
type Parsed<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
>

/** A command line that cannot be read: cli.ts prints the message and the command's usage, exit code 2. */
export class UsageError extends Error {}

/** Every command that opens a data folder takes these two. */
export const FOLDER_OPTIONS = {
  'data-dir': { type: 'string' },
  'key-file': { type: 'string' },
} as const satisfies OptionsConfig

export interface FolderOptions {
  'data-dir'?: string | undefined
  'key-file'?: string | undefined
}

/**
 * The options of one subcommand, read with `node:util` parseArgs in strict mode: an unknown or
 * mistyped option (`--data_dir`) is refused rather than ignored, so a command never quietly works
 * on another data folder than the one meant. `positionals` is how many plain arguments the command
 * takes (the file of `import`); one more is refused.
 */
export function parseOptions<O extends OptionsConfig>(
  argv: string[],
  options: O,
  positionals = 0,
): Parsed<O> {
  let parsed: Parsed<O>
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true })
  } catch (err) {
    const code = (err as { code?: string }).code ?? ''
    if (!code.startsWith('ERR_PARSE_ARGS')) throw err
    const message = (err as Error).message
    const name = /'([^' ]+)/.exec(message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Onbekende optie: ${name}`)
    if (/does not take an argument/.test(message)) throw new UsageError(`${name} krijgt geen waarde.`)
    throw new UsageError(`Geef een waarde bij ${name}.`)
  }
  const extra = parsed.positionals[positionals]
  if (extra !== undefined) throw new UsageError(`Onverwacht argument: ${extra}`)
  return parsed
}
