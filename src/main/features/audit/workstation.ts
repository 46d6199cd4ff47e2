import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The workstation a call comes from, on the team server: the server runs each call inside
 * `onWorkstation(name, …)`, and every logboek entry written during it names the workstation as
 * well as the user. In solo mode no call runs inside it and entries stay as they were.
 * AsyncLocalStorage keeps the name with the call across its awaits, so concurrent calls from
 * different workstations never mix; the services themselves stay unaware of where they run.
 */
const current = new AsyncLocalStorage<string>()

export function onWorkstation<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return current.run(name, fn)
}

export function currentWorkstation(): string | undefined {
  return current.getStore()
}

/** How the logboek names it: after the summary, so the hash chain covers it. */
export const withWorkstation = (summary: string, name: string | undefined): string =>
  name ? `${summary} (werkplek ${name})` : summary
