import type { CasePlanView } from '@shared/api/ladder'

export interface MessageFacts {
  bewoner: string
  consulent: { naam: string; telefoon: string; email: string } | null
  team: { teamNaam: string; gemeenteNaam: string; telefoon: string; email: string } | null
  inloop: { dag: string; start: string; eind: string; plaats: string } | null
}

/**
 * Ready texts for WhatsApp, SMS and e-mail, at B1. They say that a payment arrear was reported and
 * offer help; never which creditor or how much (a phone is often shared), and never "schulden".
 */
export function messageTexts(f: MessageFacts): CasePlanView['berichten'] {
  const wie = f.consulent?.naam ?? 'een medewerker'
  const team = f.team ? `${f.team.teamNaam} van de gemeente ${f.team.gemeenteNaam}` : 'de gemeente'
  const tel = f.consulent?.telefoon || f.team?.telefoon || ''
  const mail = f.consulent?.email || f.team?.email || ''
  const bel = tel ? `Bel of app mij gerust op ${tel}.` : 'Neem gerust contact met mij op.'
  const inloop = f.inloop
    ? `U kunt ook zonder afspraak langskomen: elke ${f.inloop.dag} van ${f.inloop.start} tot ${f.inloop.eind} uur, ${f.inloop.plaats}.`
    : ''
  const whatsapp = [
    `Beste ${f.bewoner},`,
    '',
    `Ik ben ${wie} van ${team}. We hebben gehoord dat er een rekening niet betaald is. Dat kan iedereen overkomen. Ik help u graag om het samen op te lossen, zonder gedoe.`,
    '',
    bel,
    '',
    'Met vriendelijke groet,',
    wie,
  ].join('\n')
  const sms =
    `Beste ${f.bewoner}, ik ben ${wie} van de gemeente ${f.team?.gemeenteNaam ?? ''}. Er staat een rekening open. Ik help u graag, zonder gedoe. ${bel}`
      .replace(/\s+/g, ' ')
      .trim()
  const mailText = [
    `Beste ${f.bewoner},`,
    '',
    `Mijn naam is ${wie}. Ik werk bij ${team}.`,
    '',
    'We hebben een melding gekregen dat er een betalingsachterstand is. Dat kan iedereen overkomen. Hoe eerder we samen kijken, hoe makkelijker het is om het op te lossen. Ik help u graag, gratis en zonder gedoe.',
    '',
    `${bel}${mail ? ` Mailen kan ook: ${mail}.` : ''}`,
    ...(inloop ? ['', inloop] : []),
    '',
    'Met vriendelijke groet,',
    '',
    wie,
    team,
  ].join('\n')
  return { whatsapp, sms, mailOnderwerp: 'Hulp bij het betalen van uw rekeningen', mail: mailText }
}
