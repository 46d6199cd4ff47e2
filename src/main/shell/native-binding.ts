/**
 * The SQLite binding built for Electron's ABI. `npm install` builds better-sqlite3-multiple-ciphers
 * for Node, which Electron refuses; scripts/electron-binding.mjs prepares a second binding for
 * Electron in a folder of its own, and the shell hands it to every connection (database.ts,
 * useNativeBinding) before anything opens the data. Node-based tests, the command line and
 * the browser mode keep the package's own binding.
 */
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { useNativeBinding } from '../db/database'

/** Same names as scripts/electron-binding.mjs (a test checks they agree). */
export const BINDING_DIR = 'electron-binding'
export const BINDING_FILE = 'better_sqlite3.node'
/** What a developer runs to prepare the binding (package.json script). */
export const PREPARE_COMMAND = 'npm run electron-binding'

export interface BindingPlace {
  /** app.isPackaged: an installed app, rather than `electron .` in the project folder. */
  packaged: boolean
  /** app.getAppPath(): the project folder when not packaged. */
  appPath: string
  /** process.resourcesPath: beside app.asar in an installed app. */
  resourcesPath: string
  platform: string
  arch: string
}

/**
 * Where the Electron binding is: in an installed app, outside the asar archive in
 * resources/electron-binding/ (electron-builder's extraResources, since a native module cannot
 * be loaded from inside an archive); in the project, electron-binding/<platform>-<arch>/.
 */
export function electronBindingPath(p: BindingPlace): string {
  return p.packaged
    ? join(p.resourcesPath, BINDING_DIR, BINDING_FILE)
    : join(p.appPath, BINDING_DIR, `${p.platform}-${p.arch}`, BINDING_FILE)
}

export class NativeBindingError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'mismatch' | 'unusable',
  ) {
    super(message)
    this.name = 'NativeBindingError'
  }
}

/** Node's words for a module built for another ABI (NODE_MODULE_VERSION). */
const ABI_MISMATCH = /NODE_MODULE_VERSION|compiled against a different Node\.js version/

/**
 * Makes this process use the Electron binding at `path`, or explains in Dutch why it cannot,
 * with what to run: the prepare command in a project folder, a new installation for an
 * installed app. Nothing in the data folder has been touched when this fails.
 */
export function useElectronBinding(path: string, packaged: boolean): void {
  const whatToDo = packaged
    ? 'Installeer Lange Adem opnieuw, of vraag de ICT-afdeling dat te doen.'
    : `Voer in de map van Lange Adem eenmalig uit:\n\n    ${PREPARE_COMMAND}\n\nen start daarna opnieuw met npm start.`
  if (!existsSync(path)) {
    throw new NativeBindingError(
      (packaged
        ? 'De installatie van Lange Adem is niet compleet: het onderdeel dat de database opent, ontbreekt.'
        : 'Het onderdeel dat de database opent, is nog niet klaargezet voor Electron.') +
        ` Er is niets aan de gegevens veranderd.\n\n${whatToDo}\n\nOntbrekend bestand: ${path}`,
      'missing',
    )
  }
  try {
    useNativeBinding(path)
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    const mismatch = ABI_MISMATCH.test(detail)
    const fix = packaged
      ? whatToDo
      : `Voer in de map van Lange Adem uit:\n\n    ${PREPARE_COMMAND} -- --force\n\nen start daarna opnieuw met npm start.`
    throw new NativeBindingError(
      (mismatch
        ? 'Het onderdeel dat de database opent, is gemaakt voor een andere versie van Electron.'
        : 'Het onderdeel dat de database opent, kan niet worden geladen.') +
        ` Er is niets aan de gegevens veranderd.\n\n${fix}\n\nBestand: ${path}\nMelding: ${detail}`,
      mismatch ? 'mismatch' : 'unusable',
    )
  }
}
