import { createPublicKey, type JsonWebKeyInput, type X509Certificate } from 'node:crypto'
import type { z } from 'zod'
import { createLocalJWKSet } from 'jose'
import type { Db } from '../../db/database'
import {
  jwksProblem,
  type DdasVsCheck,
  type DdasVsCheckItem,
  type DdasVsOverview,
  type DdasVsSettings,
  type ddasVsSettingsInput,
} from '@shared/api/ddas-vs'
import { formatDate } from '@shared/format/dates'
import { ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import { getMonitorSettings } from '../monitor/service'
import type { UseCaseContext } from '../../app/use-case'
import { certificateName, CertificateError, validTo, verifyChain } from './certificates'
import {
  CredentialError,
  readSigningCredentials,
  readTrustAnchors,
  type SigningCredentials,
} from './credentials'
import { getDdasVsSettings, lastCollections, putDdasVsSettings } from './repository'

/**
 * The beheerder's side of the CBS connection: the settings, a check of what they point at
 * (certificate, key, issuer keys, roots, the supplying organisation) and the collections list.
 * In team mode these run on the server, so the files checked are the server's.
 */

/** The issuer's pasted keys, each imported by Node to be sure it is a usable public key. */
function assertUsableJwks(jwks: string): number {
  const keys = (JSON.parse(jwks) as { keys: JsonWebKeyInput['key'][] }).keys
  createLocalJWKSet({ keys } as Parameters<typeof createLocalJWKSet>[0])
  keys.forEach((key, i) => {
    try {
      createPublicKey({ key, format: 'jwk' })
    } catch {
      throw new ValidationError('Een sleutel van de uitgever kan niet gelezen worden.', {
        jwks: `Sleutel ${i + 1} in de JWKS kan niet gelezen worden.`,
      })
    }
  })
  return keys.length
}

export async function saveDdasVsSettings(
  db: Db,
  ctx: UseCaseContext,
  input: z.output<typeof ddasVsSettingsInput>,
): Promise<DdasVsSettings> {
  if (input.jwks) assertUsableJwks(input.jwks)
  if (input.aan) {
    // Switching on with a certificate that cannot sign would only give CBS errors.
    try {
      readSigningCredentials(input.certificaatPad, input.sleutelPad, input.kid, new Date(ctx.at))
    } catch (err) {
      if (!(err instanceof CredentialError)) throw err
      const field = /sleutel/i.test(err.message) ? 'sleutelPad' : 'certificaatPad'
      throw new ValidationError(`De koppeling kan niet aan: ${err.message}`, { [field]: err.message })
    }
  }
  const before = await getDdasVsSettings(db)
  const settings: DdasVsSettings = { ...input }
  await db.transaction().execute(async (trx) => {
    await putDdasVsSettings(trx, settings, ctx.at, ctx.userId)
    const change = before.aan === settings.aan ? '' : settings.aan ? ' (aangezet)' : ' (uitgezet)'
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'gewijzigd',
      entityType: 'instellingen',
      entityId: null,
      summary:
        `Instellingen van de CBS-koppeling (DDAS-VS) gewijzigd${change}: ${settings.aan ? 'aan' : 'uit'}, ` +
        `uitgever ${settings.issuer || '(leeg)'}, eindpunt poort ${settings.poort} ${settings.pad}/gegevens, ` +
        `${settings.maxPerMinuut} verzoeken per minuut`,
    })
  })
  return settings
}

const good = (titel: string, tekst: string): DdasVsCheckItem => ({ status: 'goed', titel, tekst })
const warn = (titel: string, tekst: string): DdasVsCheckItem => ({ status: 'waarschuwing', titel, tekst })
const fault = (titel: string, tekst: string): DdasVsCheckItem => ({ status: 'fout', titel, tekst })

async function checkIssuerKeys(s: DdasVsSettings): Promise<DdasVsCheckItem> {
  const titel = 'Sleutels van de uitgever'
  if (s.jwks) {
    try {
      const n = assertUsableJwks(s.jwks)
      return good(titel, `${n} ${n === 1 ? 'sleutel' : 'sleutels'} ingesteld.`)
    } catch (err) {
      return fault(titel, err instanceof Error ? err.message : 'De sleutels kunnen niet gelezen worden.')
    }
  }
  if (!s.jwksUrl) return fault(titel, 'Er is geen adres en er zijn geen sleutels ingesteld.')
  try {
    const res = await fetch(s.jwksUrl, { signal: AbortSignal.timeout(5000), redirect: 'error' })
    if (!res.ok) return fault(titel, `${s.jwksUrl} antwoordt met ${res.status}.`)
    const text = await res.text()
    const problem = jwksProblem(text)
    if (problem) return fault(titel, `${s.jwksUrl}: ${problem}`)
    const n = assertUsableJwks(text)
    return good(titel, `${n} ${n === 1 ? 'sleutel' : 'sleutels'} opgehaald van ${s.jwksUrl}.`)
  } catch {
    return fault(titel, `${s.jwksUrl} is niet bereikbaar vanaf deze computer.`)
  }
}

function checkCertificate(
  s: DdasVsSettings,
  at: Date,
): { item: DdasVsCheckItem; creds: SigningCredentials | null } {
  const titel = 'Certificaat en sleutel voor ondertekenen'
  try {
    const creds = readSigningCredentials(s.certificaatPad, s.sleutelPad, s.kid, at)
    const leaf = creds.chain[0]!
    const tot = validTo(leaf)
    const tekst =
      `${certificateName(leaf)}, uitgegeven door ${certificateName(creds.chain[1] ?? leaf)}` +
      `${creds.chain.length > 1 ? '' : ' (geen tussencertificaat in het bestand)'}, geldig tot ${formatDate(tot.toISOString().slice(0, 10))}. ` +
      `Sleutel past bij het certificaat. In elke handtekening: kid "${creds.kid}", ${creds.chain.length} ${creds.chain.length === 1 ? 'certificaat' : 'certificaten'} in x5c.`
    if (tot.getTime() - at.getTime() < 30 * 86_400_000)
      return {
        item: warn(titel, `${tekst} Het certificaat verloopt binnen 30 dagen: vraag een nieuw aan.`),
        creds,
      }
    return { item: good(titel, tekst), creds }
  } catch (err) {
    if (err instanceof CredentialError) return { item: fault(titel, err.message), creds: null }
    throw err
  }
}

function checkChain(creds: SigningCredentials, anchors: X509Certificate[], at: Date): DdasVsCheckItem {
  const titel = 'Keten tot het basiscertificaat'
  try {
    const root = verifyChain(creds.chain, anchors, at)
    return good(titel, `De keten loopt tot ${certificateName(root)}.`)
  } catch (err) {
    if (!(err instanceof CertificateError)) throw err
    return warn(
      titel,
      `${err.message} CBS controleert de keten tot het PKIoverheid-basiscertificaat: zet de tussencertificaten en het basiscertificaat in het certificaatbestand.`,
    )
  }
}

function checkAnchors(
  s: DdasVsSettings,
  creds: SigningCredentials | null,
): {
  item: DdasVsCheckItem
  anchors: X509Certificate[]
} {
  const titel = 'Controle van ondertekende verzoeken'
  let anchors: X509Certificate[] = []
  try {
    anchors = s.vertrouwdeCaPad ? readTrustAnchors(s.vertrouwdeCaPad) : (creds?.roots ?? [])
  } catch (err) {
    if (err instanceof CredentialError) return { item: fault(titel, err.message), anchors }
    throw err
  }
  if (anchors.length === 0) {
    const tekst =
      'Er is geen basiscertificaat om handtekeningen van CBS tegen te controleren: een ondertekend verzoek wordt geweigerd. Zet het PKIoverheid-basiscertificaat in het certificaatbestand of stel een apart bestand in.'
    return { item: s.ondertekeningVerplicht ? fault(titel, tekst) : warn(titel, tekst), anchors }
  }
  return {
    item: good(
      titel,
      `Handtekeningen van CBS worden gecontroleerd tot ${anchors.map(certificateName).join(', ')}${s.ondertekeningVerplicht ? '; een verzoek zonder handtekening wordt geweigerd' : ''}.`,
    ),
    anchors,
  }
}

/** Every point IT and the beheerder must have in order, with what is wrong in plain words. */
export async function checkDdasVs(db: Db, at: Date): Promise<DdasVsCheck> {
  const s = await getDdasVsSettings(db)
  const items: DdasVsCheckItem[] = [
    s.aan
      ? good('Koppeling', `Staat aan. Eindpunt: poort ${s.poort}, pad ${s.pad}/gegevens.`)
      : warn('Koppeling', 'Staat uit: CBS kan nu geen gegevens ophalen.'),
    s.issuer && s.audience
      ? good('Tokens', `Uitgever "${s.issuer}", audience "${s.audience}", scope "read".`)
      : fault('Tokens', 'Vul de uitgever en de audience van de tokens in.'),
    await checkIssuerKeys(s),
  ]
  const cert = checkCertificate(s, at)
  items.push(cert.item)
  const anchors = checkAnchors(s, cert.creds)
  if (cert.creds) items.push(checkChain(cert.creds, [...cert.creds.roots, ...anchors.anchors], at))
  items.push(anchors.item)
  const organisatie = (await getMonitorSettings(db)).organisatie
  items.push(
    organisatie.contactpersonen.length
      ? good(
          'Aanleverende organisatie',
          `${organisatie.naam}, ${organisatie.contactpersonen.length} ${organisatie.contactpersonen.length === 1 ? 'contactpersoon' : 'contactpersonen'}.`,
        )
      : fault(
          'Aanleverende organisatie',
          'Er is nog geen contactpersoon: de kwaliteitsmedewerker vult die in bij Monitor > Instellingen.',
        ),
  )
  return { items, bruikbaar: items.every((i) => i.status !== 'fout') }
}

export async function ddasVsOverview(db: Db): Promise<DdasVsOverview> {
  const s = await getDdasVsSettings(db)
  return { aan: s.aan, eindpunt: `${s.pad}/gegevens`, collections: await lastCollections(db) }
}
