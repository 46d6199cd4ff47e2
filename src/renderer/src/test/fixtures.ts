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
