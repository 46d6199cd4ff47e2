import { existsSync, readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { normaliseFingerprint } from '../server/fingerprint'
import { cleanWorkstationName } from '../server/sessions'

/**
 * A desktop app in team mode: `team.json` in its data folder names the server and its pinned
 * certificate fingerprint (and, optionally, the workstation's name; the computer's name
 * otherwise). Without the file the app works alone, as always. IT places the file (or the
 * first-run choice "Met het team" writes it, remote/workstation.ts); the app then opens no database.
 *
 *   { "server": "https://lange-adem.gemeente.local:8443", "vingerafdruk": "AB:CD:…", "werkplek": "Balie 1" }
 */
export const TEAM_CONFIG_FILE = 'team.json'

export interface TeamConfig {
  server: string
  vingerafdruk: string
  werkplek: string
}

export class TeamConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TeamConfigError'
  }
}

export function readTeamConfig(dataDir: string): TeamConfig | null {
  const file = join(dataDir, TEAM_CONFIG_FILE)
  if (!existsSync(file)) return null
  let raw: { server?: unknown; vingerafdruk?: unknown; werkplek?: unknown }
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw
  } catch {
    throw new TeamConfigError(`${file} is geen geldig JSON-bestand. Vraag de beheerder om het te herstellen.`)
  }
  let url: URL | null
  try {
    url = typeof raw.server === 'string' ? new URL(raw.server) : null
  } catch {
    url = null
  }
  if (!url || url.protocol !== 'https:')
    throw new TeamConfigError(`In ${file} moet "server" een adres zijn dat met https:// begint.`)
  const vingerafdruk = typeof raw.vingerafdruk === 'string' ? normaliseFingerprint(raw.vingerafdruk) : null
  if (!vingerafdruk)
    throw new TeamConfigError(
      `In ${file} ontbreekt de vingerafdruk (SHA-256) van het certificaat van de teamserver, of die is niet geldig.`,
    )
  const werkplek = cleanWorkstationName(raw.werkplek ?? hostname().slice(0, 40))
  if (!werkplek)
    throw new TeamConfigError(
      `In ${file} is "werkplek" geen geldige naam (letters, cijfers, spatie, punt of streepje; hoogstens 40 tekens).`,
    )
  return { server: url.href.replace(/\/$/, ''), vingerafdruk, werkplek }
}
