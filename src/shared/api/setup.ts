import { z } from 'zod'
import { method } from './define'
import { ROLLEN, WEEKDAGEN, type Rol } from '../domain/case'
import { parsePostcodeRange } from '../format/address'
import { optionalEmail, optionalPhone, requiredText, time } from './fields'
import { MAX_WACHTWOORD, wachtwoordProbleem } from './session'

/** "6041-6045, 6051AB-6051ZZ" or one range per line. */
export const postcodeRanges = z
  .string({ error: 'Postcodes ontbreken.' })
  .trim()
  .min(1, 'Vul minstens één postcode of postcodegebied in (bijvoorbeeld 6041-6045).')
  .transform((v, ctx) => {
    const parts = v
      .split(/[,;\n]+/)
      .map((p) => p.trim())
      .filter(Boolean)
    const ranges = []
    for (const p of parts) {
      const r = parsePostcodeRange(p)
      if (!r) {
        ctx.addIssue({
          code: 'custom',
          message: `"${p}" is geen postcode of postcodegebied (bijvoorbeeld 6041-6045 of 6041AB).`,
        })
        return z.NEVER
      }
      ranges.push(r)
    }
    return ranges
  })

export const teamSettingsInput = z
  .object({
    gemeenteNaam: requiredText('Naam van de gemeente', 100),
    gemeenteCode: z
      .string({ error: 'Gemeentecode ontbreekt.' })
      .trim()
      .regex(/^\d{4}$/, 'De gemeentecode (CBS) bestaat uit 4 cijfers, bijvoorbeeld 0957.'),
    teamNaam: requiredText('Naam van het team', 100),
    postadres: requiredText('Postadres', 300),
    bezoekadres: requiredText('Bezoekadres', 300),
    telefoon: optionalPhone('Algemeen telefoonnummer').refine(
      (v) => v !== '',
      'Vul het algemene telefoonnummer in.',
    ),
    email: optionalEmail('Algemeen e-mailadres').refine((v) => v !== '', 'Vul het algemene e-mailadres in.'),
    inloopDag: z.enum(WEEKDAGEN, { error: 'Kies een dag voor het inloopspreekuur.' }),
    inloopStart: time('Begintijd inloopspreekuur'),
    inloopEind: time('Eindtijd inloopspreekuur'),
    inloopPlaats: requiredText('Plaats van het inloopspreekuur', 200),
  })
  .refine((t) => t.inloopStart < t.inloopEind, {
    message: 'De eindtijd van het inloopspreekuur moet na de begintijd liggen.',
    path: ['inloopEind'],
  })
export type TeamSettings = z.output<typeof teamSettingsInput>

export const wijkInput = z.object({
  naam: requiredText('Naam van de wijk', 80),
  postcodes: postcodeRanges,
})

export const medewerkerInput = z.object({
  naam: requiredText('Naam', 100),
  rol: z.enum(ROLLEN, { error: 'Kies een rol.' }),
  telefoon: optionalPhone(),
  email: optionalEmail(),
  /** In the set-up the wijken have no ids yet, so they are named. */
  wijken: z.array(z.string().trim(), { error: 'Kies de wijken.' }).max(100).default([]),
})

export const setupInput = z
  .object({
    team: teamSettingsInput,
    wijken: z.array(wijkInput).min(1, 'Voeg minstens één wijk toe.').max(200),
    medewerkers: z.array(medewerkerInput).min(1, 'Voeg minstens één medewerker toe.').max(500),
    /** The person doing the set-up: one of the beheerders in the list, with their own password. */
    // Checked in the refinement below, so a missing choice never hides the other steps' checks.
    beheerder: z.object(
      {
        naam: z.string({ error: 'Kies wie jij bent.' }).trim().max(100),
        wachtwoord: z.string({ error: 'Kies een wachtwoord.' }).max(MAX_WACHTWOORD),
      },
      { error: 'Kies wie jij bent en kies een wachtwoord.' },
    ),
  })
  .superRefine((s, ctx) => {
    const names = new Set<string>()
    s.wijken.forEach((w, i) => {
      const k = w.naam.toLowerCase()
      if (names.has(k))
        ctx.addIssue({
          code: 'custom',
          message: `De wijk "${w.naam}" staat er twee keer in.`,
          path: ['wijken', i, 'naam'],
        })
      names.add(k)
    })
    s.medewerkers.forEach((m, i) => {
      for (const w of m.wijken) {
        if (!names.has(w.toLowerCase()))
          ctx.addIssue({
            code: 'custom',
            message: `${m.naam}: de wijk "${w}" bestaat niet.`,
            path: ['medewerkers', i, 'wijken'],
          })
      }
    })
    if (!s.medewerkers.some((m) => m.rol === 'consulent'))
      ctx.addIssue({ code: 'custom', message: 'Voeg minstens één consulent toe.', path: ['medewerkers'] })
    if (!s.medewerkers.some((m) => m.rol === 'kwaliteitsmedewerker'))
      ctx.addIssue({ code: 'custom', message: 'Voeg een kwaliteitsmedewerker toe.', path: ['medewerkers'] })
    if (!s.medewerkers.some((m) => m.rol === 'beheerder'))
      ctx.addIssue({
        code: 'custom',
        message: 'Voeg een beheerder toe: die beheert de medewerkers en hun wachtwoorden.',
        path: ['medewerkers'],
      })
    else {
      const naam = s.beheerder.naam.toLowerCase()
      const me = s.medewerkers.find((m) => m.rol === 'beheerder' && m.naam.toLowerCase() === naam)
      if (!naam) ctx.addIssue({ code: 'custom', message: 'Kies wie jij bent.', path: ['beheerder', 'naam'] })
      else if (!me)
        ctx.addIssue({
          code: 'custom',
          message: 'Kies jezelf uit de beheerders in het team.',
          path: ['beheerder', 'naam'],
        })
      else {
        const problem = wachtwoordProbleem(s.beheerder.wachtwoord, me.naam)
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['beheerder', 'wachtwoord'] })
      }
    }
  })
export type SetupInput = z.input<typeof setupInput>

export interface AppStatus {
  setupDone: boolean
  demo: boolean
  gemeenteNaam: string | null
  teamNaam: string | null
  currentUser: { id: number; naam: string; rol: Rol } | null
  /** The window is locked: only the lock screen with the signed-in name shows. */
  locked: boolean
  /** Minutes without mouse or keyboard before the screen locks itself. */
  vergrendelMinuten: number
  /** Only for a demo database: the password every demo colleague has, shown on the sign-in screen. */
  demoWachtwoord: string | null
  version: string
  /**
   * Now on the app's clock (a UTC ISO instant). The screens take today's date from it, so the
   * browser mode's `--klok` sets the date for main and the page alike.
   */
  nu: string
}

export const setupContract = {
  'app.status': method<AppStatus>('none')(z.object({}).strict()),
  'setup.complete': method<AppStatus>('none')(setupInput),
  'setup.loadDemo': method<AppStatus>('none')(z.object({}).strict()),
}
