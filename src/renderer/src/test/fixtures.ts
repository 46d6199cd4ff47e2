import type { DossierView } from '@shared/api/dossier'
import type { CasePlanView } from '@shared/api/ladder'
import type { SettingsView } from '@shared/api/settings'

/** A small team of Roermond, the shape settings.get answers. */
export function roermondSettings(): SettingsView {
  return {
    team: {
      gemeenteNaam: 'Roermond',
      gemeenteCode: '0957',
      teamNaam: 'Team Vroegsignalering',
      postadres: 'Postbus 900, 6040 AX Roermond',
      bezoekadres: 'Markt 31, 6041 EM Roermond',
      telefoon: '0475 359 999',
      email: 'vroegsignalering@roermond.nl',
      inloopDag: 'dinsdag',
      inloopStart: '13:00',
      inloopEind: '15:00',
      inloopPlaats: 'Stadskantoor, Markt 31',
    },
    wijken: [
      { id: 1, naam: 'Kapel in het Zand', postcodes: [{ from: '6041', to: '6041' }], openZaken: 12 },
      { id: 2, naam: 'De Kemp', postcodes: [{ from: '6045', to: '6045' }], openZaken: 7 },
    ],
    medewerkers: [
      {
        id: 1,
        naam: 'Fatima El Idrissi',
        rol: 'kwaliteitsmedewerker',
        telefoon: '',
        email: '',
        actief: true,
        wijkIds: [],
      },
      {
        id: 2,
        naam: 'Anouk Peeters',
        rol: 'consulent',
        telefoon: '06 12345678',
        email: '',
        actief: true,
        wijkIds: [1],
      },
      {
        id: 3,
        naam: 'Sem Janssen',
        rol: 'consulent',
        telefoon: '06 23456789',
        email: '',
        actief: true,
        wijkIds: [2],
      },
      { id: 4, naam: 'Bram Vos', rol: 'consulent', telefoon: '', email: '', actief: false, wijkIds: [] },
      { id: 5, naam: 'Ilse Beheer', rol: 'beheerder', telefoon: '', email: '', actief: true, wijkIds: [] },
    ],
  }
}

/** The case file of M. Hendriks, Kapellerlaan 12 (case 7), open and assigned to Anouk. */
export function hendriksDossier(extra: Partial<DossierView> = {}): DossierView {
  return {
    id: 7,
    versie: 3,
    caseNumber: '2026-0007',
    status: 'in_behandeling',
    datumOpgepakt: '2026-10-01',
    resultaat: null,
    geslotenOp: null,
    wijk: { id: 1, naam: 'Kapel in het Zand' },
    consulent: { id: 2, naam: 'Anouk Peeters' },
    demo: false,
    adres: { straat: 'Kapellerlaan', huisnummer: '12', postcode: '6041 AB', plaats: 'Roermond' },
    bewoners: [
      {
        id: 70,
        voorletters: 'M.',
        tussenvoegsel: '',
        achternaam: 'Hendriks',
        naam: 'M. Hendriks',
        geboortedatum: '1984-03-12',
        telefoon: '06-11223344',
        email: '',
        heeftBsn: false,
      },
    ],
    signalen: [
      {
        id: 700,
        externId: 'WL-2026-118',
        partnerType: 'Huur',
        partnerNaam: 'Wonen Limburg',
        bedragCents: 65_000,
        ontstaansdatum: null,
        signaaldatum: '2026-09-28',
        crisis: false,
        warmeOverdracht: false,
        status: null,
        bewonerNaam: 'M. Hendriks',
        caseNumber: '2026-0007',
        inDezeZaak: true,
      },
    ],
    contactpogingen: [],
    notities: [],
    eerderBekend: [],
    vorigeZaak: null,
    logboek: [{ id: 1, op: '2026-10-06T08:00:00.000Z', door: 'Anouk Peeters', actie: 'Dossier geopend' }],
    ...extra,
  }
}

/** Its plan: the first call is due today. */
export function callPlan(extra: Partial<CasePlanView> = {}): CasePlanView {
  return {
    caseId: 7,
    status: 'in_behandeling',
    open: true,
    wijkId: 1,
    nietBenaderen: false,
    nietBenaderenReden: '',
    stap: 'bellen',
    stapLabel: 'Bellen',
    poging: 1,
    pogingen: 3,
    datum: '2026-10-06',
    dagdeel: 'Ochtend',
    daarna: 'WhatsApp of sms sturen',
    kanaal: 'telefoon',
    huisbezoekNodig: false,
    huisbezoek: null,
    pogingenTotaal: 0,
    bereikt: false,
    hulpAangeboden: null,
    hulpGeaccepteerd: null,
    verwijzing: '',
    heropenbaar: false,
    afspraak: null,
    berichten: {
      whatsapp: 'Beste M. Hendriks',
      sms: 'Beste M. Hendriks',
      mailOnderwerp: 'Contact',
      mail: '',
    },
    ...extra,
  }
}
