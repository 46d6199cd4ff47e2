import type { Db } from '../../db/database'
import type { ConfirmationTexts, PlekSoort } from '@shared/api/appointments'
import { checkTemplate, formatTimeNl, formatWeekdayDate } from '@shared/api/documents-text'
import { NotFoundError } from '../../lib/errors'
import { getDocumentSettings } from '../documents/repository'
import { displayName } from '@shared/format/person'
import { getTeamSettings } from '../settings/repository'
import { appointmentQuery, stadskantoorAdres, whereLine, type AppointmentRow } from './repository'

/**
 * What an appointment's texts and its confirmation letter say, in the same plain Dutch as the
 * ladder's messages (ladder/messages.ts): the day, the time, where, who comes along, and how to
 * call it off. Nothing about rekeningen, amounts or creditors: a phone is often shared, and a
 * confirmation is read by whoever picks it up.
 */
export interface AppointmentWords {
  bewoner: string
  dag: string
  /** "14.30 uur" */
  tijd: string
  /** Where, as a sentence part: "bij u thuis", "Wijkcentrum De Kemp, Kempweg 10, 6043 AB Roermond". */
  waar: string
  /** A sentence for the place, when it needs one (a call, a video call, a place not accessible). */
  plekZin: string
  /** Who meets the resident: "Anouk Peeters en mijn collega Sem Janssen". */
  met: string
  consulent: string
  telefoon: string
  email: string
  team: string
}

export async function appointmentRow(db: Db, id: number): Promise<AppointmentRow> {
  const row = await appointmentQuery(db).where('a.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('Deze afspraak bestaat niet (meer).')
  return row
}

export async function appointmentWords(db: Db, r: AppointmentRow): Promise<AppointmentWords> {
  const [team, residents, office] = await Promise.all([
    getTeamSettings(db),
    db
      .selectFrom('resident')
      .select(['voorletters', 'tussenvoegsel', 'achternaam'])
      .where('household_id', '=', r.household_id)
      .orderBy('id')
      .limit(1)
      .execute(),
    stadskantoorAdres(db),
  ])
  const soort = r.plek_soort as PlekSoort
  const consulent = r.consulent_naam ?? team?.teamNaam ?? 'een medewerker'
  const waar: Record<PlekSoort, string> = {
    thuis: 'bij u thuis',
    telefonisch: 'telefonisch',
    beeldbellen: 'via beeldbellen',
    stadskantoor: whereLine(r, office),
    wijk: whereLine(r, office),
  }
  const plekZin =
    soort === 'telefonisch'
      ? 'Ik bel u op het nummer dat wij van u hebben.'
      : soort === 'beeldbellen'
        ? 'U krijgt van mij vooraf een link om te beeldbellen.'
        : r.toegankelijk === 0 && (soort === 'wijk' || soort === 'stadskantoor')
          ? 'Let op: deze plek is niet goed te bereiken met een rolstoel of rollator. Zeg het als u liever ergens anders afspreekt.'
          : ''
  const met = r.collega_naam
    ? `${consulent} en mijn collega ${r.collega_naam}`
    : r.partner_naam
      ? `${consulent} en ${r.partner_naam} van ${r.partner_organisatie}`
      : consulent
  return {
    // As the ladder's messages do: the first resident by name (ladder/service.ts, loadPlan).
    bewoner: residents[0]
      ? displayName({
          initials: residents[0].voorletters,
          prefix: residents[0].tussenvoegsel,
          surname: residents[0].achternaam,
        })
      : 'bewoner',
    dag: formatWeekdayDate(r.datum, false),
    tijd: formatTimeNl(r.tijd),
    waar: waar[soort],
    plekZin,
    met,
    consulent,
    telefoon: r.consulent_telefoon || team?.telefoon || '',
    email: r.consulent_email || team?.email || '',
    team: team ? `${team.teamNaam} van de gemeente ${team.gemeenteNaam}` : 'de gemeente',
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The confirmation for WhatsApp, SMS and e-mail, and the reminder for the working day before. */
export function confirmationTexts(w: AppointmentWords): Omit<ConfirmationTexts, 'woordcheck'> {
  const bel = w.telefoon
    ? `Komt het toch niet uit? Bel of app mij dan op ${w.telefoon}.`
    : 'Komt het toch niet uit? Laat het mij dan weten.'
  const wanneer = `${capital(w.dag)} om ${w.tijd}`
  const samen = w.met === w.consulent ? '' : `U spreekt met ${w.met}.`
  const whatsapp = [
    `Beste ${w.bewoner},`,
    '',
    'Fijn dat we elkaar spraken. Hierbij onze afspraak:',
    wanneer,
    capital(w.waar),
    ...(w.plekZin ? [w.plekZin] : []),
    ...(samen ? [samen] : []),
    '',
    bel,
    '',
    'Met vriendelijke groet,',
    w.consulent,
  ].join('\n')
  const sms = [
    `Beste ${w.bewoner}, hierbij onze afspraak. Wanneer: ${w.dag} om ${w.tijd}. Waar: ${w.waar}.`,
    w.plekZin,
    `${bel} Groet, ${w.consulent}`,
  ]
    .filter(Boolean)
    .join(' ')
  const mail = [
    `Beste ${w.bewoner},`,
    '',
    'Fijn dat we elkaar hebben gesproken. Hierbij stuur ik u onze afspraak.',
    '',
    `Wanneer: ${w.dag} om ${w.tijd}`,
    `Waar: ${w.waar}`,
    `Met wie: ${w.met}`,
    ...(w.plekZin ? ['', w.plekZin] : []),
    '',
    `${bel}${w.email ? ` Mailen kan ook: ${w.email}.` : ''} Dan maken we een nieuwe afspraak.`,
    '',
    'Met vriendelijke groet,',
    '',
    w.consulent,
    w.team,
  ].join('\n')
  const herinnering = [
    `Beste ${w.bewoner}, een herinnering aan onze afspraak. Wanneer: ${w.dag} om ${w.tijd}. Waar: ${w.waar}.`,
    w.plekZin,
    `${bel} Groet, ${w.consulent}`,
  ]
    .filter(Boolean)
    .join(' ')
  return { whatsapp, sms, mailOnderwerp: `Onze afspraak op ${w.dag}`, mail, herinnering }
}

/** The texts of one appointment, with the team's word check over them (as for templates). */
export async function appointmentTexts(db: Db, id: number): Promise<ConfirmationTexts> {
  const r = await appointmentRow(db, id)
  const texts = confirmationTexts(await appointmentWords(db, r))
  const settings = await getDocumentSettings(db)
  const { mailOnderwerp: _subject, ...checked } = texts
  const woordcheck = checkTemplate(checked, settings.vermijdWoorden).filter((i) => i.soort !== 'placeholder')
  return { ...texts, woordcheck }
}

/** The confirmation letter's own placeholders (documents/snapshot.ts fills the rest). */
export async function letterValues(db: Db, afspraakId: number): Promise<Record<string, string>> {
  const row = await appointmentRow(db, afspraakId)
  const w = await appointmentWords(db, row)
  return {
    afspraakdag: formatWeekdayDate(row.datum),
    afspraak_tijd: w.tijd,
    afspraak_plek: [capital(w.waar), w.plekZin].filter(Boolean).join('. '),
    afspraak_met: w.met,
  }
}
