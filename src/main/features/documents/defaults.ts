import type { DocumentSettings } from '@shared/api/documents'
import { DEFAULT_AVOIDED_WORDS, type DocumentSoort, type TemplateContent } from '@shared/api/documents-text'

/**
 * The built-in templates, as first written into the database by migration 0003. A later change
 * of these texts must reach existing databases as a new template version (a new migration),
 * never by editing this version: printed documents point at it.
 */
export const DEFAULT_TEMPLATES: {
  code: string
  naam: string
  soort: DocumentSoort
  content: TemplateContent
}[] = [
  {
    code: 'aankondigingsbrief',
    naam: 'Aankondigingsbrief huisbezoek',
    soort: 'brief',
    content: {
      aanhef: 'Beste {naam},',
      tekst: [
        'Wij kregen een bericht dat een rekening van u niet op tijd is betaald. Dat kan iedereen overkomen.',
        'Wij helpen u graag. Dat is gratis en u zit nergens aan vast.',
        '',
        'Daarom komen wij bij u langs op **{bezoekdag}** tussen **{van}** en **{tot}**. Ik kom samen met {collega}.',
        '',
        'Komt het niet uit of wilt u liever geen bezoek? Bel dan uiterlijk **{afmelddatum}** naar {team_telefoon}. Mailen mag ook: {team_email}.',
        '',
        'U bent ook welkom op ons inloopspreekuur. Dat is elke {inloop_dag} van {inloop_van} tot {inloop_tot}. De plek is {inloop_plaats}. U hoeft geen afspraak te maken.',
      ].join('\n'),
      afsluiting: 'Met vriendelijke groet,',
    },
  },
  {
    code: 'kaartje',
    naam: 'Kaartje vijf voor twaalf',
    soort: 'kaart',
    content: {
      titel: 'Wij kwamen bij u langs',
      tekst: [
        'U was helaas niet thuis.',
        'Wij kregen een bericht dat een rekening van u niet op tijd is betaald.',
        'Wij helpen u graag. Gratis en zonder gedoe.',
        '',
        'Bel of app ons. Of kom langs op het inloopspreekuur: elke {inloop_dag} van {inloop_van} tot {inloop_tot}, {inloop_plaats}.',
      ].join('\n'),
    },
  },
  {
    code: 'sms-na-bezoek',
    naam: 'Sms na huisbezoek',
    soort: 'bericht',
    content: {
      tekst:
        'Goedendag, wij kwamen vandaag bij u langs. Wij helpen u graag met uw rekeningen, gratis. Bel of app {consulent} op {consulent_telefoon}. Groet, {team}',
    },
  },
]

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  venster: { links: 20, boven: 50, breedte: 85, hoogte: 40 },
  afmeldWerkdagen: 2,
  vermijdWoorden: DEFAULT_AVOIDED_WORDS,
}
