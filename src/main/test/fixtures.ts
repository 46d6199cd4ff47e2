import { createApp, type App } from '../app/create-app'
import { fixedClock } from '../lib/clock'
import type { Session } from '../app/context'
import type { ApiInput, ApiOutput, MethodName } from '@shared/api'
import type { SetupInput } from '@shared/api/setup'

/** A fresh in-memory app with a clock standing at a known moment. */
export async function testApp(now = '2026-11-10T09:30:00.000Z') {
  const clock = fixedClock(now)
  const app: App = await createApp({ memory: true, clock })
  const session: Session = { userId: null }
  /** Calls through the real dispatcher (validation included) and unwraps the result. */
  async function call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    const res = await app.dispatcher.call(session, method, input)
    if (!res.ok) throw Object.assign(new Error(res.error.message), { payload: res.error })
    return res.value as ApiOutput<M>
  }
  /** Calls and returns the raw result, for tests of rejected input. */
  function raw(method: string, input: unknown) {
    return app.dispatcher.call(session, method, input)
  }
  return { app, clock, session, call, raw, db: app.database.db }
}

export const ROERMOND_SETUP: SetupInput = {
  team: {
    gemeenteNaam: 'Roermond',
    gemeenteCode: '0957',
    teamNaam: 'Team Vroegsignalering',
    postadres: 'Postbus 900\n6040 AX Roermond',
    bezoekadres: 'Markt 31\n6041 EM Roermond',
    telefoon: '0475 359 999',
    email: 'vroegsignalering@roermond.nl',
    inloopDag: 'dinsdag',
    inloopStart: '09:00',
    inloopEind: '11:00',
    inloopPlaats: 'Stadskantoor, Markt 31',
  },
  wijken: [
    { naam: 'Centrum', postcodes: '6041' },
    { naam: 'Kapel in het Zand', postcodes: '6042-6043' },
    { naam: 'Donderberg', postcodes: '6044, 6045AA-6045ZZ' },
  ],
  medewerkers: [
    {
      naam: 'Anouk Peeters',
      rol: 'consulent',
      telefoon: '06 12345678',
      email: 'a.peeters@roermond.nl',
      wijken: ['Centrum'],
    },
    {
      naam: 'Sem Janssen',
      rol: 'consulent',
      telefoon: '06 23456789',
      email: 's.janssen@roermond.nl',
      wijken: ['Kapel in het Zand', 'Donderberg'],
    },
    {
      naam: 'Fatima El Idrissi',
      rol: 'kwaliteitsmedewerker',
      telefoon: '',
      email: 'f.elidrissi@roermond.nl',
      wijken: [],
    },
    { naam: 'Bert Smeets', rol: 'beheerder', telefoon: '', email: 'b.smeets@roermond.nl', wijken: [] },
  ],
}

export async function setUpTeam(t: Awaited<ReturnType<typeof testApp>>, as = 'Anouk Peeters') {
  await t.call('setup.complete', ROERMOND_SETUP)
  const team = await t.call('session.team', {})
  const me = team.find((m) => m.naam === as)!
  await t.call('session.signIn', { userId: me.id })
  return { team, me }
}

export function signal(
  overrides: {
    achternaam?: string
    tussenvoegsel?: string
    voorletters?: string
    geboortedatum?: string
    postcode?: string
    huisnummer?: string
    toevoeging?: string
    partnerType?: ApiInput<'signals.createManual'>['signaal']['partnerType']
    bedrag?: string
    signaaldatum?: string
    bsn?: string
  } = {},
): ApiInput<'signals.createManual'> {
  return {
    signaal: {
      partnerType: overrides.partnerType ?? 'Huur',
      partnerNaam: 'Wonen Limburg',
      externId: '',
      bedrag: overrides.bedrag ?? '450,00',
      ontstaansdatum: '01-09-2026',
      signaaldatum: overrides.signaaldatum ?? '05-11-2026',
      crisis: false,
      warmeOverdracht: true,
    },
    bewoner: {
      voorletters: overrides.voorletters ?? 'J.',
      tussenvoegsel: overrides.tussenvoegsel ?? 'van der',
      achternaam: overrides.achternaam ?? 'Berg',
      geboortedatum: overrides.geboortedatum ?? '12-03-1984',
      telefoon: '06-11223344',
      email: '',
      bsn: overrides.bsn ?? '',
    },
    adres: {
      straat: 'Kapellerlaan',
      huisnummer: overrides.huisnummer ?? '12',
      toevoeging: overrides.toevoeging ?? '',
      postcode: overrides.postcode ?? '6041 AB',
      plaats: 'Roermond',
    },
  }
}
