import type { Db } from '../../db/database'
import { formatHouseNumber, formatPostcode } from '@shared/format/address'
import { formatDateLong } from '@shared/format/dates'
import { displayName } from '@shared/format/person'
import { formatTimeNl, formatWeekdayDate } from '@shared/api/documents-text'
import { getTeamSettings } from '../settings/repository'
import { NotFoundError } from '../../lib/errors'
import type { Recipient } from './pdf/text'
import type { Sender } from './pdf/letter'
import { letterValues } from '../appointments/texts'

/**
 * Everything a printed document shows besides the template text, frozen when it is printed:
 * a reprint shows the same names, numbers and dates even if the team's details change later.
 */
export interface Snapshot {
  recipient: Recipient
  sender: Sender
  datum: string
  kenmerk: string
  ondertekening: { naam: string; telefoon: string }
  values: Record<string, string>
}

export interface SnapshotItem {
  case_id: number
  bezoek_datum: string | null
  bezoek_van: string | null
  bezoek_tot: string | null
  afmeld_datum: string | null
  consulent_id: number | null
  collega_id: number | null
  partner_contact_id?: number | null
  /** The appointment a confirmation letter confirms (migration 0017). */
  afspraak_id?: number | null
}

/** A multi-line address from the settings as its non-empty lines. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** The addressee: one or two residents by name, more as "De bewoners". */
export function addresseeName(
  residents: { voorletters: string; tussenvoegsel: string; achternaam: string }[],
) {
  const names = residents.map((r) =>
    displayName({ initials: r.voorletters, prefix: r.tussenvoegsel, surname: r.achternaam }),
  )
  if (names.length === 0 || names.length > 2) return 'De bewoners'
  return names.join(' en ')
}

export async function buildSnapshot(db: Db, item: SnapshotItem, today: string): Promise<Snapshot> {
  const zaak = await db
    .selectFrom('vroegsignaalzaak as z')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .select([
      'z.case_number',
      'z.household_id',
      'h.straat',
      'h.huisnummer',
      'h.toevoeging',
      'h.postcode',
      'h.plaats',
    ])
    .where('z.id', '=', item.case_id)
    .executeTakeFirst()
  if (!zaak) throw new NotFoundError('Deze zaak bestaat niet (meer).')
  const residents = await db
    .selectFrom('resident')
    .select(['voorletters', 'tussenvoegsel', 'achternaam'])
    .where('household_id', '=', zaak.household_id)
    .orderBy('id')
    .execute()
  const team = await getTeamSettings(db)
  if (!team) throw new NotFoundError('De teamgegevens ontbreken. Vul ze in bij Instellingen.')
  const user = async (id: number | null) =>
    id === null
      ? undefined
      : await db.selectFrom('app_user').select(['naam', 'telefoon']).where('id', '=', id).executeTakeFirst()
  const consulent = await user(item.consulent_id)
  const collega = await user(item.collega_id)
  const partner = item.partner_contact_id
    ? await db
        .selectFrom('partner_contact')
        .select(['naam', 'organisatie'])
        .where('id', '=', item.partner_contact_id)
        .executeTakeFirst()
    : undefined

  const naam = addresseeName(residents)
  const consulentNaam = consulent?.naam ?? team.teamNaam
  const consulentTel = consulent?.telefoon || team.telefoon
  const values: Record<string, string> = {
    naam,
    datum: formatDateLong(today),
    kenmerk: zaak.case_number,
    consulent: consulentNaam,
    consulent_telefoon: consulentTel,
    team: team.teamNaam,
    team_telefoon: team.telefoon,
    team_email: team.email,
    inloop_dag: team.inloopDag,
    inloop_van: formatTimeNl(team.inloopStart),
    inloop_tot: formatTimeNl(team.inloopEind),
    inloop_plaats: team.inloopPlaats,
  }
  if (item.bezoek_datum && item.bezoek_van && item.bezoek_tot && item.afmeld_datum) {
    values.bezoekdag = formatWeekdayDate(item.bezoek_datum)
    values.van = formatTimeNl(item.bezoek_van)
    values.tot = formatTimeNl(item.bezoek_tot)
    values.afmelddatum = formatWeekdayDate(item.afmeld_datum, false)
    values.collega = collega
      ? `mijn collega ${collega.naam}`
      : partner
        ? `${partner.naam} van ${partner.organisatie}`
        : 'een collega'
  }
  if (item.afspraak_id) Object.assign(values, await letterValues(db, item.afspraak_id))
  return {
    recipient: {
      naam,
      straat: `${zaak.straat} ${formatHouseNumber(zaak.huisnummer, zaak.toevoeging)}`,
      postcode: formatPostcode(zaak.postcode),
      plaats: zaak.plaats,
    },
    sender: {
      team: team.teamNaam,
      gemeente: team.gemeenteNaam,
      bezoekadres: lines(team.bezoekadres),
      postadres: lines(team.postadres),
      telefoon: team.telefoon,
      email: team.email,
    },
    datum: formatDateLong(today),
    kenmerk: zaak.case_number,
    ondertekening: { naam: consulentNaam, telefoon: consulentTel },
    values,
  }
}

/** The same, with made-up resident and visit, for the template editor's preview. */
export async function sampleSnapshot(db: Db, today: string, userId: number | null): Promise<Snapshot> {
  const team = await getTeamSettings(db)
  const me =
    userId === null
      ? undefined
      : await db
          .selectFrom('app_user')
          .select(['naam', 'telefoon'])
          .where('id', '=', userId)
          .executeTakeFirst()
  const base = {
    naam: 'J. Voorbeeld',
    datum: formatDateLong(today),
    kenmerk: 'LA-0000-00000',
    bezoekdag: 'dinsdag 10 november 2026',
    van: '10.00 uur',
    tot: '12.00 uur',
    collega: 'mijn collega S. Voorbeeld',
    afmelddatum: 'vrijdag 6 november',
    afspraakdag: 'dinsdag 17 november 2026',
    afspraak_tijd: '14.30 uur',
    afspraak_plek: 'Wijkcentrum Voorbeeld, Voorbeeldweg 10, 1234 AB Voorbeeld',
    afspraak_met: `${me?.naam ?? 'Consulent'} en mijn collega S. Voorbeeld`,
    consulent: me?.naam ?? 'Consulent',
    consulent_telefoon: me?.telefoon || team?.telefoon || '0475 000 000',
    team: team?.teamNaam ?? 'Team',
    team_telefoon: team?.telefoon ?? '',
    team_email: team?.email ?? '',
    inloop_dag: team?.inloopDag ?? 'dinsdag',
    inloop_van: formatTimeNl(team?.inloopStart ?? '09:00'),
    inloop_tot: formatTimeNl(team?.inloopEind ?? '11:00'),
    inloop_plaats: team?.inloopPlaats ?? '',
  }
  return {
    recipient: {
      naam: 'J. Voorbeeld',
      straat: 'Voorbeeldstraat 1',
      postcode: '1234 AB',
      plaats: 'Voorbeeld',
    },
    sender: {
      team: base.team,
      gemeente: team?.gemeenteNaam ?? '',
      bezoekadres: lines(team?.bezoekadres ?? ''),
      postadres: lines(team?.postadres ?? ''),
      telefoon: base.team_telefoon,
      email: base.team_email,
    },
    datum: base.datum,
    kenmerk: base.kenmerk,
    ondertekening: { naam: base.consulent, telefoon: base.consulent_telefoon },
    values: base,
  }
}
