import { z } from 'zod'
import { method } from './define'

/**
 * How this computer works: alone (its own encrypted database, the default) or as a workstation
 * of the team server. Answered by main on the computer itself, never by the team server: the
 * workstation layer (src/main/remote/workstation.ts) handles these before anything is forwarded.
 */
export interface WerkplekStatus {
  modus: 'alleen' | 'team'
  /** The team server's address (team mode). */
  server: string | null
  /** The pinned SHA-256 fingerprint of its certificate (team mode). */
  vingerafdruk: string | null
  /** This workstation's name on the server (team mode). */
  werkplek: string | null
  /**
   * Whether the choice can be changed from the screen: not when the workstation was started
   * with `--server` on the command line (browser mode), which the command line decides.
   */
  wijzigbaar: boolean
}

export interface ServerProbe {
  /** The address as it will be stored: https://host:port. */
  server: string
  /** The fingerprint the server shows, to compare with what it printed at its start. */
  vingerafdruk: string
}

export const MAX_ADRES = 200
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/**
 * A team server's address as a person types it: "https://server:8443", or without "https://".
 * Only the server itself (no path, no name or password in it); https always, since the
 * fingerprint that is compared and pinned is the TLS certificate's.
 */
export const serverAdres = z
  .string({ error: 'Vul het adres van de teamserver in.' })
  .trim()
  .min(1, 'Vul het adres van de teamserver in.')
  .max(MAX_ADRES, `Het adres is te lang (hoogstens ${MAX_ADRES} tekens).`)
  .transform((v, ctx) => {
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`
    let url: URL | null
    try {
      url = new URL(text)
    } catch {
      url = null
    }
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    if (!url || !url.hostname)
      return fail('Dit is geen geldig adres. Bijvoorbeeld: https://lange-adem.gemeente.local:8443')
    if (url.protocol === 'http:' && LOOPBACK.test(url.hostname))
      return fail(
        'Gebruik https://, ook op deze computer: de vingerafdruk hoort bij de beveiligde verbinding.',
      )
    if (url.protocol !== 'https:') return fail('Het adres moet met https:// beginnen.')
    if (url.username || url.password) return fail('Zet geen naam of wachtwoord in het adres.')
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
      return fail('Vul alleen het adres van de server in, zonder iets achter de poort (zoals /pagina).')
    return url.origin
  })

const vingerafdruk = z
  .string({ error: 'De vingerafdruk ontbreekt.' })
  .trim()
  .max(200, 'De vingerafdruk is te lang.')
  .regex(
    /^(sha-?256[:=\s]*)?([0-9a-f]{2}[\s:]?){31}[0-9a-f]{2}$/i,
    'De vingerafdruk bestaat uit 64 tekens (0-9 en A-F), meestal in paren met dubbele punten.',
  )

const werkplekNaam = z
  .string()
  .trim()
  .max(40, 'De naam van de werkplek is te lang (hoogstens 40 tekens).')
  .regex(
    /^([\p{L}\p{N}][\p{L}\p{N} ._-]*)?$/u,
    'Gebruik voor de werkplek letters, cijfers, spatie, punt of streepje.',
  )
  .optional()

export const werkplekContract = {
  'werkplek.status': method<WerkplekStatus>('none')(z.object({}).strict()),
  /** Reads the certificate the server shows (a TLS handshake only; nothing is sent). */
  'werkplek.bekijkServer': method<ServerProbe>('none')(z.object({ adres: serverAdres }).strict()),
  /**
   * Connects with the fingerprint the person confirmed, pins it (team.json in the data folder)
   * and forwards every call from now on. Allowed on a computer that is not set up yet, else for
   * a signed-in beheerder only.
   */
  'werkplek.koppel': method<WerkplekStatus>('none')(
    z.object({ adres: serverAdres, vingerafdruk, werkplek: werkplekNaam }).strict(),
  ),
  /** Back to working alone: team.json goes, the computer's own data (if any) opens again. */
  'werkplek.alleen': method<WerkplekStatus>('none')(z.object({}).strict()),
}
