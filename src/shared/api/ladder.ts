import { z } from 'zod'
import { method } from './define'
import { DAGDELEN, EINDRESULTATEN, type Dagdeel } from '../domain/ddas'
import { KANALEN, type Kanaal } from '../domain/kanaal'
import type { ZaakStatus } from '../domain/case'
import type { DossierView } from './dossier'
import { caseVersion, id, optionalIsoDate, optionalText, requiredText, time } from './fields'

/**
 * The contact ladder (stappenplan): the app's channels, the ladder's steps, the results a
 * consulent picks when logging an attempt, and the methods of the ladder feature.
 */

// The channels are vocabulary the dossier shares (shared/domain/kanaal.ts); named here too, since
// the ladder is where a newcomer looks for them.
export { KANAAL_LABELS, KANAAL_SOORT, KANALEN, kanaalOf, type Kanaal } from '../domain/kanaal'

/** Short results per channel; the first ones are the most common. */
export const RESULTATEN: Record<Kanaal, readonly string[]> = {
  telefoon: ['Geen gehoor', 'Voicemail ingesproken', 'Verkeerd nummer', 'Gesprek gevoerd', 'Teruggebeld'],
  whatsapp: ['Bericht gestuurd', 'Reactie ontvangen', 'Teruggebeld'],
  sms: ['Bericht gestuurd', 'Reactie ontvangen', 'Teruggebeld'],
  mail: ['Mail gestuurd', 'Reactie ontvangen'],
  brief: ['Brief verstuurd', 'Reactie ontvangen'],
  huisbezoek: ['Gesprek gevoerd', 'Niet thuis', 'Deur niet open', 'Verhuisd'],
  kaartje: ['Kaartje achtergelaten'],
  afspraak: ['Gesprek gevoerd', 'Niet gekomen', 'Afgezegd'],
  beeldbellen: ['Gesprek gevoerd', 'Niet gekomen'],
  inloop: ['Langsgekomen op het inloopspreekuur'],
  overig: ['Gesprek gevoerd', 'Reactie ontvangen', 'Anders'],
  administratief: ['Gegevens nagekeken', 'Anders'],
  onbekend: ['Onbekend'],
}

/** Results that mean contact was made, whatever the box says. */
export const RESULTATEN_BEREIKT = [
  'Gesprek gevoerd',
  'Teruggebeld',
  'Reactie ontvangen',
  'Langsgekomen op het inloopspreekuur',
] as const

/** The steps a ladder can hold, cheapest first. */
export const STAP_SOORTEN = ['bellen', 'bericht', 'mail', 'brief', 'huisbezoek', 'kaartje', 'inloop'] as const
export type StapSoort = (typeof STAP_SOORTEN)[number]
/**
 * Besides the ladder's steps: after contact, follow up; an appointment made with the resident
 * (its day is the next step: record how it went); at the end, close the case.
 */
export type PlanStap = StapSoort | 'opvolgen' | 'afspraak' | 'afronden'

/** The result an appointment the resident did not come to is recorded with (planner.ts). */
export const NIET_GEKOMEN = 'Niet gekomen'

export const STAP_LABELS: Record<PlanStap, string> = {
  bellen: 'Bellen',
  bericht: 'WhatsApp of sms sturen',
  mail: 'E-mail sturen',
  brief: 'Huisbezoek plannen en brief sturen',
  huisbezoek: 'Huisbezoek afleggen',
  kaartje: 'Kaartje bezorgen',
  inloop: 'Uitnodigen voor het inloopspreekuur',
  opvolgen: 'Opvolgen na contact',
  afspraak: 'Afspraak: uitkomst vastleggen',
  afronden: 'Zaak afronden',
}

/** The channel a step is normally logged with. */
export const STAP_KANAAL: Record<PlanStap, Kanaal> = {
  bellen: 'telefoon',
  bericht: 'whatsapp',
  mail: 'mail',
  brief: 'brief',
  huisbezoek: 'huisbezoek',
  kaartje: 'kaartje',
  inloop: 'brief',
  opvolgen: 'telefoon',
  afspraak: 'afspraak',
  afronden: 'administratief',
}

export const ladderStepInput = z.object({
  soort: z.enum(STAP_SOORTEN, { error: 'Kies een soort stap.' }),
  wachtdagen: z
    .number({ error: 'Vul het aantal werkdagen in.' })
    .int('Vul een heel aantal werkdagen in.')
    .min(0, 'Het aantal werkdagen kan niet negatief zijn.')
    .max(30, 'Hoogstens 30 werkdagen.'),
  pogingen: z
    .number({ error: 'Vul het aantal pogingen in.' })
    .int('Vul een heel aantal pogingen in.')
    .min(1, 'Minstens 1 poging.')
    .max(6, 'Hoogstens 6 pogingen.'),
  dagdelen: z.array(z.enum(DAGDELEN)).min(1, 'Kies minstens één dagdeel.'),
})

export const ladderConfigInput = z
  .object({
    stappen: z
      .array(ladderStepInput)
      .min(1, 'Het stappenplan heeft minstens één stap.')
      .max(STAP_SOORTEN.length)
      .refine((s) => new Set(s.map((x) => x.soort)).size === s.length, 'Elke soort stap komt één keer voor.'),
    /** Working days after contact before the follow-up. */
    opvolgDagen: z.number().int().min(1, 'Minstens 1 werkdag.').max(30, 'Hoogstens 30 werkdagen.'),
    /** Working days after the ladder's last step before the case is up for closing. */
    afrondDagen: z.number().int().min(0).max(60, 'Hoogstens 60 werkdagen.'),
    /**
     * After an appointment the resident did not come to: the step the plan goes to, so many working
     * days later. 'bellen' starts the ladder's calls again (and, if those fail, its next steps);
     * 'opvolgen' follows up as after contact. Stored plans from before issue 21 get the default.
     */
    nietGekomen: z
      .object({
        stap: z.enum(['bellen', 'opvolgen'], { error: 'Kies wat er na een gemiste afspraak komt.' }),
        werkdagen: z
          .number({ error: 'Vul het aantal werkdagen in.' })
          .int('Vul een heel aantal werkdagen in.')
          .min(0, 'Het aantal werkdagen kan niet negatief zijn.')
          .max(10, 'Hoogstens 10 werkdagen.'),
      })
      .strict()
      .default({ stap: 'bellen', werkdagen: 1 }),
  })
  .strict()
export type LadderConfig = z.output<typeof ladderConfigInput>

export const DEFAULT_LADDER: LadderConfig = {
  stappen: [
    { soort: 'bellen', wachtdagen: 0, pogingen: 3, dagdelen: ['Ochtend', 'Middag', 'Avond'] },
    { soort: 'bericht', wachtdagen: 1, pogingen: 1, dagdelen: ['Middag', 'Ochtend'] },
    { soort: 'brief', wachtdagen: 2, pogingen: 1, dagdelen: ['Ochtend'] },
    { soort: 'huisbezoek', wachtdagen: 5, pogingen: 1, dagdelen: ['Middag', 'Avond'] },
    { soort: 'kaartje', wachtdagen: 0, pogingen: 1, dagdelen: ['Middag'] },
  ],
  opvolgDagen: 5,
  afrondDagen: 10,
  nietGekomen: { stap: 'bellen', werkdagen: 1 },
}

/** Where a case stands on the ladder. */
export interface CasePlanView {
  caseId: number
  status: ZaakStatus
  open: boolean
  /** The case's wijk: the visit planner opens on it. */
  wijkId: number | null
  nietBenaderen: boolean
  nietBenaderenReden: string
  /** null when nothing is planned (closed, or do not approach). */
  stap: PlanStap | null
  stapLabel: string | null
  /** 1-based try on this step, and how many the step gets. */
  poging: number
  pogingen: number
  datum: string | null
  dagdeel: Dagdeel | null
  /** The step after this one if this one fails too. */
  daarna: string | null
  kanaal: Kanaal
  /** A home visit is due and none is planned yet (the shared definition, ladder/next-step.ts). */
  huisbezoekNodig: boolean
  /** The planned visit, if there is one. */
  huisbezoek: { id: number; datum: string; tijd: string; tot: string | null } | null
  /** The appointment still to come (features/appointments), if there is one. */
  afspraak: { id: number; datum: string; tijd: string; plek: string } | null
  pogingenTotaal: number
  bereikt: boolean
  hulpAangeboden: boolean | null
  hulpGeaccepteerd: boolean | null
  verwijzing: string
  /** Can be reopened: the household's latest case, closed recently, no other open case. */
  heropenbaar: boolean
  berichten: { whatsapp: string; sms: string; mailOnderwerp: string; mail: string }
}

export interface TodayItem {
  caseId: number
  caseNumber: string
  naam: string
  adres: string
  wijkId: number | null
  telefoon: string
  stap: PlanStap
  poging: number
  datum: string
  dagdeel: Dagdeel | null
  telaat: boolean
  /** A home visit is due and none is planned yet: the planner offers this case. */
  huisbezoekNodig: boolean
  /**
   * The part of the day when households like this one (age band and kind of arrears) were best
   * reached by phone or at the door, from the team's own figures (monitor/moment.ts); null when
   * the step does not happen at a moment of the day or the figures are too few.
   */
  moment: MomentHint | null
}

export interface MomentHint {
  dagdeel: Dagdeel
  /** Reached attempts per attempt in that part of the day, in percent. */
  pct: number
  /** Cases in the group the hint rests on. */
  zaken: number
  /** The group in words: "26-35 jaar, huur". */
  groep: string
}

export interface TodayGroup {
  stap: PlanStap
  label: string
  items: TodayItem[]
}

export interface TodayView {
  datum: string
  consulent: { id: number; naam: string }
  groepen: TodayGroup[]
  totaal: number
  telaat: number
  /** True when more was due than the list shows. */
  afgekapt: boolean
  /** Appointments tomorrow (the next working day) whose reminder is still to be sent. */
  herinneringen: ReminderTask[]
}

export const VERWIJZINGEN = [
  'Schuldhulpverlening (warme overdracht)',
  'Budgetcoaching',
  'Maatschappelijk werk',
  'Sociaal wijkteam',
  'Formulierenhulp',
  'Anders',
] as const

export interface LadderResult {
  plan: CasePlanView
  dossier: DossierView
}

// "Onbekend" exists only for attempts stored without a kind; a new attempt always has one.
export type LoggableKanaal = Exclude<Kanaal, 'onbekend'>
const kanaal = z.enum(
  KANALEN.filter((k): k is LoggableKanaal => k !== 'onbekend'),
  { error: 'Kies hoe het contact ging.' },
)

export const logAttemptInput = z
  .object({
    caseId: id,
    versie: caseVersion,
    kanaal,
    bereikt: z.boolean({ error: 'Kies of er contact was.' }),
    resultaat: optionalText('Het resultaat', 100),
    notitie: optionalText('De notitie', 2000),
    /** Empty: today. */
    datum: optionalIsoDate('Datum'),
    /** Empty: now. */
    tijd: z.union([time('Tijd'), z.literal('')]).default(''),
  })
  .strict()

export const closeCaseInput = z
  .object({
    caseId: id,
    versie: caseVersion,
    resultaat: z.enum(EINDRESULTATEN, { error: 'Kies het eindresultaat.' }),
    hulpAangeboden: z.boolean({ error: 'Kies of hulp is aangeboden.' }),
    hulpGeaccepteerd: z.boolean({ error: 'Kies of de hulp is aangenomen.' }),
    verwijzing: optionalText('Verwezen naar', 200),
    notitie: optionalText('De toelichting', 2000),
  })
  .strict()
  .refine((c) => c.hulpAangeboden || !c.hulpGeaccepteerd, {
    message: 'Hulp kan alleen aangenomen zijn als die is aangeboden.',
    path: ['hulpGeaccepteerd'],
  })

export const ladderContract = {
  'ladder.config': method<LadderConfig>()(z.object({}).strict()),
  'ladder.saveConfig': method<LadderConfig>()(ladderConfigInput),
  'ladder.today': method<TodayView>()(z.object({ consulentId: id.optional() }).strict()),
  'ladder.plan': method<CasePlanView>()(z.object({ caseId: id }).strict()),
  'ladder.logAttempt': method<LadderResult>()(logAttemptInput),
  'ladder.close': method<LadderResult>()(closeCaseInput),
  'ladder.reopen': method<LadderResult>()(
    z.object({ caseId: id, versie: caseVersion, reden: requiredText('De reden', 500) }).strict(),
  ),
  'ladder.setDoNotApproach': method<LadderResult>()(
    z
      .object({
        caseId: id,
        versie: caseVersion,
        nietBenaderen: z.boolean(),
        reden: optionalText('De reden', 500),
      })
      .strict()
      .refine((v) => !v.nietBenaderen || v.reden.length > 0, {
        message: 'Schrijf op waarom de bewoner niet meer benaderd wil worden.',
        path: ['reden'],
      }),
  ),
}

/** A reminder to send today for tomorrow's appointment (Vandaag, "Herinnering sturen"). */
export interface ReminderTask {
  afspraakId: number
  caseId: number
  caseNumber: string
  naam: string
  telefoon: string
  datum: string
  tijd: string
  plek: string
}
