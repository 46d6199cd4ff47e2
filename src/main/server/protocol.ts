/**
 * The wire between a workstation (src/main/remote) and the team server (src/main/server):
 * paths and headers both sides import, so they cannot drift apart.
 *
 * - `GET  /team/v1/hallo`            the server's version (no session needed);
 * - `POST /team/v1/sessie`           `{ werkplek }` → `{ token }`: a new, signed-out session;
 * - `POST /team/v1/api/<method>`     one dispatcher call, JSON body (or the file as the body and
 *                                    the input in INPUT_HEADER);
 * - `POST /team/v1/afmelden`         forgets the session (the workstation closes).
 *
 * Every request but `hallo` carries VERSION_HEADER; every request with a session carries
 * `Authorization: Bearer <token>`.
 */
export const TEAM_PREFIX = '/team/v1'
export const VERSION_HEADER = 'x-lange-adem-versie'
export const INPUT_HEADER = 'x-lange-adem-input'

export interface Hallo {
  toepassing: 'lange-adem'
  versie: string
}

export function versionMismatchMessage(client: string, server: string): string {
  return `Deze computer heeft Lange Adem ${client}, de teamserver ${server}. Werk Lange Adem op deze computer bij naar versie ${server}, of vraag de beheerder om hulp. Er is niets gewijzigd.`
}
