import { useState } from 'react'
import { Alert, Button, Checkbox, Group, List, Paper, Radio, Stack, Text, Title } from '@mantine/core'
import type { DdasVersie } from '@shared/api/monitor'
import { formatDate } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { notifyFailed } from '../../components/notify'
import { saveFile } from './download'
import type { ChosenPeriod as Period } from './periods'

/** What a delivery holds about people, per version, in the words of the warning. */
function Contents({ versie, geboortedatum }: { versie: DdasVersie; geboortedatum: boolean }) {
  if (versie === '0.9')
    return (
      <Alert color="red" title="Dit bestand bevat veel persoonsgegevens" mb="sm">
        Per signaal de naam (voorletters, tussenvoegsel en achternaam), het adres (straat, huisnummer,
        postcode en woonplaats), de geboortedatum en het BSN als dat bekend is. Kies deze versie alleen als uw
        hostingpartij er nog om vraagt. Bewaar het bestand alleen op een beveiligde plek van de gemeente en
        verstuur het alleen via de afgesproken beveiligde weg. Het maken van het bestand wordt vastgelegd.
      </Alert>
    )
  return (
    <Alert color="orange" title="Dit bestand bevat persoonsgegevens" mb="sm">
      Per signaal het BSN, of als dat niet bekend is de postcode en het huisnummer
      {geboortedatum ? ' met de geboortedatum' : ''}. Geen namen, straten of woonplaatsen. Verder bedragen,
      data en de soort achterstand, en per zaak de contactpogingen en het eindresultaat. Bewaar het bestand
      alleen op een beveiligde plek van de gemeente en verstuur het alleen via de afgesproken beveiligde weg.
      Het maken van het bestand wordt vastgelegd.
    </Alert>
  )
}

/**
 * The DDAS delivery (with a warning about personal data) and the feedback to signal partners. The
 * confirmation names the period, so nobody makes a year's file thinking of a month; it is given
 * again for every period (MonitorPage mounts this panel afresh when the period changes).
 */
export function ExportPanel({ period }: { period: Period }) {
  const [versie, setVersie] = useState<DdasVersie>('1.2')
  const settings = useApiQuery('monitor.settings', {}).data ?? null
  const [understood, setUnderstood] = useState(false)
  const exportDdas = useApiMutation('monitor.exportDdas')
  const feedback = useApiMutation('monitor.feedback')
  /** Which button waits for its file. */
  const busy = exportDdas.isPending ? 'ddas' : feedback.isPending ? feedback.variables.formaat : null
  const [done, setDone] = useState<{ text: string; opmerkingen: string[] } | null>(null)
  const noContact = settings !== null && settings.organisatie.contactpersonen.length === 0
  const run = async (job: () => Promise<{ text: string; opmerkingen: string[] }>) => {
    setDone(null)
    try {
      setDone(await job())
    } catch (e) {
      notifyFailed('Het bestand kon niet worden gemaakt', e instanceof Error ? e.message : '')
    }
  }
  const p = { van: period.van, tot: period.tot }
  const dates = `${formatDate(period.van)} t/m ${formatDate(period.tot)}`
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={4}>DDAS-levering ({period.label})</Title>
        <Text size="sm" mb="sm">
          Het bestand voor de landelijke monitor (CBS), in het uitwisselmodel DDAS: de signalen met een
          signaaldatum in de periode, de zaken waar ze in zitten en al hun contactpogingen. Elk signaal zit in
          de levering van zijn eigen maand. Is een bestand later ingelezen, maak dan de levering over die
          maand opnieuw. Bedragen in hele euro&apos;s.
        </Text>
        <Radio.Group
          label="Versie van het uitwisselmodel"
          value={versie}
          onChange={(v) => {
            setVersie(v as DdasVersie)
            setUnderstood(false)
          }}
          mb="sm"
        >
          <Stack gap={6} mt={6}>
            <Radio value="1.2" label="Versie 1.2 (de huidige versie)" />
            <Radio value="0.9" label="Versie 0.9 (alleen als uw hostingpartij daar nog om vraagt)" />
          </Stack>
        </Radio.Group>
        <Contents versie={versie} geboortedatum={settings?.geboortedatumMeesturen ?? true} />
        {noContact && (
          <Alert color="yellow" mb="sm">
            Vul eerst bij Instellingen de aanleverende organisatie in, met minstens één contactpersoon.
          </Alert>
        )}
        <Checkbox
          label={`Ik maak het DDAS-bestand over ${period.label} (${dates}) en begrijp dat het persoonsgegevens bevat`}
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          mb="sm"
        />
        <Button
          disabled={!understood || noContact}
          loading={busy === 'ddas'}
          onClick={() =>
            void run(async () => {
              const f = await exportDdas.mutateAsync({ ...p, versie })
              saveFile(f)
              return {
                text: `${f.fileName} gemaakt (versie ${f.versie}) over ${period.label} (${dates}): ${f.vroegsignalen} signalen in ${f.zaken} zaken.`,
                opmerkingen: f.opmerkingen,
              }
            })
          }
        >
          DDAS-bestand maken over {period.label}
        </Button>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4}>Terugkoppeling aan signaalpartners ({period.label})</Title>
        <Text size="sm" mb="sm">
          Per signaalpartner en per signaalnummer alleen of het signaal is opgepakt en of de inwoner hulp
          heeft geaccepteerd. Nooit een reden of wat er besproken is: dat mag de wet niet.
        </Text>
        <Group gap="sm">
          {(['xlsx', 'csv'] as const).map((formaat) => (
            <Button
              key={formaat}
              variant="default"
              loading={busy === formaat}
              onClick={() =>
                void run(async () => {
                  const f = await feedback.mutateAsync({ ...p, formaat })
                  saveFile(f)
                  return { text: `${f.fileName} gemaakt: ${f.signalen} signalen.`, opmerkingen: [] }
                })
              }
            >
              {formaat === 'xlsx' ? 'Terugkoppeling als Excel' : 'Terugkoppeling als CSV'}
            </Button>
          ))}
        </Group>
      </Paper>
      {done && (
        <Alert color="teal" role="status">
          {done.text}
          {done.opmerkingen.length > 0 && (
            <List size="sm" mt={4}>
              {done.opmerkingen.map((o) => (
                <List.Item key={o}>{o}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  )
}
