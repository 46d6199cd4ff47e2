import { z } from 'zod'
import { method } from './define'
import type { ZaakStatus } from '../domain/case'
import type { Contactsoort, Dagdeel, Eindresultaat, SignaalpartnerType, Signaalstatus } from '../domain/ddas'
import { caseVersion, id, requiredText } from './fields'
import type { Kanaal } from '../domain/kanaal'

export interface ResidentView {
  id: number
  voorletters: string
  tussenvoegsel: string
  achternaam: string
  naam: string
  geboortedatum: string | null
  telefoon: string
  email: string
  heeftBsn: boolean
}

export interface SignalView {
  id: number
  externId: string | null
  partnerType: SignaalpartnerType
  partnerNaam: string
  bedragCents: number
  ontstaansdatum: string | null
  signaaldatum: string
  crisis: boolean
  warmeOverdracht: boolean
  status: Signaalstatus | null
  bewonerNaam: string
  caseNumber: string | null
  /** True for a signal of this case; false for one of an earlier case of the household. */
  inDezeZaak: boolean
}

export interface ContactpogingView {
  id: number
  soort: Contactsoort
  /** The app's own channel (WhatsApp and SMS apart), see ladder.ts. */
  kanaal: Kanaal
  bereikt: boolean
  datum: string
  dagdeel: Dagdeel
  resultaat: string
  notitie: string
  door: string
}

export interface NoteView {
  id: number
  tekst: string
  door: string
  op: string
}

export interface AuditView {
  id: number
  op: string
  door: string
  actie: string
}

export interface EarlierKnown {
  caseId: number
  caseNumber: string
  geopendOp: string
  gesloten: string | null
  resultaat: Eindresultaat | null
  status: ZaakStatus
  /** Why this case is linked: the same address, or the same person at another address. */
  reden: 'adres' | 'persoon'
  signalen: { partnerType: SignaalpartnerType; bedragCents: number; signaaldatum: string }[]
  consulentNaam: string | null
}

export interface DossierView {
  id: number
  /**
   * The case's version as read: a change made from this case file sends it back, and is refused
   * when a colleague changed the case since (issue 18, features/dossier/version.ts).
   */
  versie: number
  caseNumber: string
  status: ZaakStatus
  datumOpgepakt: string
  resultaat: Eindresultaat | null
  geslotenOp: string | null
  wijk: { id: number; naam: string } | null
  consulent: { id: number; naam: string } | null
  demo: boolean
  adres: { straat: string; huisnummer: string; postcode: string; plaats: string }
  bewoners: ResidentView[]
  signalen: SignalView[]
  contactpogingen: ContactpogingView[]
  notities: NoteView[]
  eerderBekend: EarlierKnown[]
  /**
   * The household's case that was closed in the six months before this one was opened: shown
   * as a notice at the top of the case file. null when there is none.
   */
  vorigeZaak: {
    caseId: number
    caseNumber: string
    geslotenOp: string
    resultaat: Eindresultaat | null
  } | null
  logboek: AuditView[]
}

export const dossierContract = {
  'dossier.get': method<DossierView>()(
    z
      .object({
        caseId: id,
        /** Opened from the walk-in hour: the one way to a case of another wijk (recorded). */
        via: z.literal('inloopspreekuur', { error: 'Onbekende manier van openen.' }).optional(),
      })
      .strict(),
  ),
  'dossier.addNote': method<DossierView>()(
    z.object({ caseId: id, tekst: requiredText('De notitie', 4000) }).strict(),
  ),
  'dossier.assign': method<DossierView>()(
    z.object({ caseId: id, versie: caseVersion, consulentId: id.nullable() }).strict(),
  ),
}
