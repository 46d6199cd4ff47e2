import { Accordion, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import type { MonitorDashboard, Ratio } from '@shared/api/monitor'
import { HULP_GEACCEPTEERD } from '@shared/domain/ddas'
import { CaseCount, type OpenCases } from './BreakdownTable'
import { pctText } from './download'

/** The end results that count as help accepted, quoted: their names hold commas and slashes. */
const HULP_LIJST = `${HULP_GEACCEPTEERD.slice(0, -1)
  .map((r) => `"${r}"`)
  .join(', ')} of "${HULP_GEACCEPTEERD[HULP_GEACCEPTEERD.length - 1]}"`

function RatioCard(props: {
  title: string
  r: Ratio
  tellerLabel: string
  noemerLabel: string
  onTeller: () => void
  onNoemer: () => void
}) {
  const { title, r } = props
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {pctText(r.pct)}
      </Text>
      <Text size="sm">
        <CaseCount n={r.teller} label={`${title}, ${props.tellerLabel}`} onOpen={props.onTeller} />{' '}
        {props.tellerLabel} van{' '}
        <CaseCount n={r.noemer} label={`${title}, ${props.noemerLabel}`} onOpen={props.onNoemer} />{' '}
        {props.noemerLabel}
      </Text>
      {r.landelijk !== null && (
        <Text size="sm" c="dimmed">
          Landelijk: {r.landelijk}%
        </Text>
      )}
    </Paper>
  )
}

/** The headline figures, each with its numerator and denominator. */
export function KeyFigures({ d, open }: { d: MonitorDashboard; open: OpenCases }) {
  const niet = d.nietDoorgezet.filter((n) => n.aantal > 0 && n.status !== 'Nog niet opgepakt')
  const nietTotaal = niet.reduce((a, n) => a + n.aantal, 0)
  const nogNiet = d.nietDoorgezet.find((n) => n.status === 'Nog niet opgepakt')?.aantal ?? 0
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          Signalen ontvangen
        </Text>
        <Text fz={32} fw={700} lh={1.2}>
          {d.ontvangen.toLocaleString('nl-NL')}
        </Text>
        <Text size="sm">{d.doorgezet.toLocaleString('nl-NL')} doorgezet naar een zaak</Text>
        <Text size="sm">{nietTotaal.toLocaleString('nl-NL')} niet doorgezet</Text>
        {niet.length > 0 && (
          <List size="xs" c="dimmed">
            {niet.map((n) => (
              <List.Item key={n.status}>
                {n.status}: {n.aantal}
              </List.Item>
            ))}
          </List>
        )}
        {nogNiet > 0 && <Text size="xs">{nogNiet} nog niet beoordeeld</Text>}
      </Paper>
      <RatioCard
        title="Bereik"
        r={d.bereik}
        tellerLabel="bereikt"
        noemerLabel="opgepakte zaken"
        onTeller={() => open('totaal', 'alle', 'bereikt', 'Bereik')}
        onNoemer={() => open('totaal', 'alle', 'opgepakt', 'Bereik')}
      />
      <RatioCard
        title="Hulp geaccepteerd"
        r={d.hulp}
        tellerLabel="met hulp"
        noemerLabel="bereikte zaken"
        onTeller={() => open('totaal', 'alle', 'hulp', 'Hulp geaccepteerd')}
        onNoemer={() => open('totaal', 'alle', 'bereikt', 'Hulp geaccepteerd')}
      />
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          Tijd tot eerste contact
        </Text>
        <Text fz={32} fw={700} lh={1.2}>
          {d.dagenTotContact.mediaan === null
            ? '–'
            : `${d.dagenTotContact.mediaan.toLocaleString('nl-NL')} dagen`}
        </Text>
        <Text size="sm">mediaan over {d.dagenTotContact.aantal} bereikte zaken</Text>
        <Text size="sm" c="dimmed">
          van opgepakt tot de eerste poging met contact
        </Text>
      </Paper>
    </SimpleGrid>
  )
}

/** How every figure is counted, in plain words (also printed). */
export function Definitions({ bron }: { bron: string | null }) {
  return (
    <Accordion variant="contained">
      <Accordion.Item value="uitleg">
        <Accordion.Control>Hoe tellen we? Uitleg bij de cijfers</Accordion.Control>
        <Accordion.Panel>
          <Stack gap={4}>
            <Text size="sm">
              <b>Welke maand?</b> Een signaal telt in de maand van zijn signaaldatum: de dag waarop de
              signaalpartner het stuurde. Een zaak telt in de maand van haar oudste signaal. Zo blijven
              cijfers in hun eigen maand, ook als een bestand later is ingelezen of als eerdere maanden zijn
              ingeladen toen het team met Lange Adem begon. Een zaak zonder signaal (inloopspreekuur) telt op
              de dag dat ze is geopend.
            </Text>
            <Text size="sm">
              <b>Ontvangen</b>: signalen met een signaaldatum in de periode. <b>Doorgezet</b>: die signalen
              die in een zaak zijn opgenomen. <b>Niet doorgezet</b>: signalen met een status zoals onterecht
              signaal, herhaalde melding of inwoner al bekend bij schuldhulpverlening, of in een zaak die met
              &quot;niet opgepakt&quot;, &quot;inwoner is overleden&quot; of &quot;geen inwoner (meer)&quot;
              is gesloten.
            </Text>
            <Text size="sm">
              <b>Opgepakt</b>: zaken die in de periode tellen, zonder de zaken die als &quot;niet
              opgepakt&quot; zijn gesloten. <b>Bereik</b>: van die zaken het deel met minstens één
              contactpoging waarbij de inwoner is bereikt; alle pogingen van de zaak tellen mee, ook die in
              een latere maand.
            </Text>
            <Text size="sm">
              <b>Contactpogingen</b>: elk contact één keer, op de dag dat het gebeurde. Een brief telt als hij
              als verstuurd is bevestigd, op de dag van verzenden; een huisbezoek en het kaartje op de dag van
              het bezoek; een afzegging op de dag dat de bewoner belde of mailde.
            </Text>
            <Text size="sm">
              <b>Hulp geaccepteerd</b>: van de bereikte zaken het deel dat is gesloten met {HULP_LIJST}.
            </Text>
            <Text size="sm">
              <b>Per soort contactpoging</b>: de tien soorten van DDAS versie 1.2. Van de zaken met minstens
              één poging van die soort, het deel dat bereikt is; ook hoe vaak die soort zelf contact gaf en
              hoe vaak het eerste contact. <b>Afspraak op locatie</b>: een afgesproken gesprek ergens anders
              dan bij de inwoner thuis, zoals op het stadskantoor, in de wijk of bij de woningcorporatie. Het
              inloopspreekuur telt als <b>Overige</b>. <b>Onbekend</b>: een poging waarvan de soort niet is
              vastgelegd.
            </Text>
            <Text size="sm">
              <b>Leeftijd</b> op de signaaldatum van het eerste signaal. <b>Bedrag</b>: de achterstanden in de
              zaak toen die werd opgepakt. Een zaak met signalen van meer soorten partners telt als{' '}
              <b>meervoudig</b>. <b>Aantal pogingen</b>: alle pogingen in de zaak. <b>Dagdeel</b>: van de
              eerste poging met contact (ochtend tot 12 uur, middag tot 18 uur, avond).{' '}
              <b>Tijd tot eerste contact</b>: de mediaan van het aantal dagen van opgepakt (de dag dat de zaak
              in Lange Adem is geopend) tot de eerste poging met contact.
            </Text>
            <Text size="sm">
              <b>Afspraken per soort plek</b>: elke afspraak op de dag waarop ze was. <b>Geweest</b> telt als
              contactpoging met contact: thuis als Huisbezoek, op het stadskantoor of in de wijk als Afspraak
              op locatie, telefonisch als Telefoon en met beeldbellen als Overige. <b>Niet gekomen</b> telt
              als poging zonder contact. <b>Opkomst</b>: geweest gedeeld door geweest plus niet gekomen. Een
              verzette afspraak telt als <b>verzet</b> op de oude dag en opnieuw op de nieuwe dag.{' '}
              <b>Bereikte zaken met een afspraak</b>: van de bereikte zaken het deel waarin een afspraak is
              gemaakt, en het deel waarin een afspraak ook doorging.
            </Text>
            <Text size="sm">
              <b>Beste moment in Vandaag</b>: bij bellen en huisbezoeken toont Vandaag het dagdeel waarin we
              huishoudens zoals dit het vaakst bereikten. Zoals dit: dezelfde leeftijdsgroep (leeftijd bij het
              eerste signaal) en dezelfde soort achterstand (of meer soorten). We tellen per dagdeel de
              pogingen waarbij de bewoner er op dat moment moest zijn (bellen, aanbellen) en welk deel daarvan
              contact gaf. De hint staat er alleen als minstens 30 zaken in die groep zo&apos;n poging hadden
              en minstens twee dagdelen elk 10 pogingen hebben; anders staat er niets. De cijfers worden
              bijgewerkt als de monitor wordt geopend, bij een export en elke nacht.
            </Text>
            <Text size="sm">
              <b>DDAS-levering</b>: de signalen met een signaaldatum in de periode en de zaken waar ze in
              zitten; elk signaal zit dus in de levering van zijn eigen maand. <i>Datum opgepakt</i> en{' '}
              <i>matchingsdatum</i>: de dag dat de zaak in Lange Adem is geopend (bij een later ingelezen
              bestand de dag van inlezen). <i>Matchingperiode</i>: van de eerste dag van de maand van het
              oudste signaal in de zaak tot de laatste dag van de maand van het nieuwste (meestal één
              kalendermaand). Een contactpoging: de dag van het contact.
            </Text>
            <Text size="sm">
              <b>Eindresultaten</b>: de zestien van DDAS versie 1.2. Twee heten sinds die versie anders:
              &quot;Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering&quot; (was: inwoner hoeft
              geen hulp) en &quot;Verwijzing zonder tussenkomst inwoner&quot; (was: verwijzing zonder
              contact). Zaken die al zo waren gesloten, tellen mee zoals eerder.
            </Text>
            <Group gap={4}>
              <Text size="sm">
                Elk cijfer toont teller en noemer; klik op een aantal om de zaken te zien. Landelijke cijfers:{' '}
                {bron ?? 'niet ingevuld'} (aan te passen bij Instellingen).
              </Text>
            </Group>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}
