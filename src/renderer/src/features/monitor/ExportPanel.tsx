import { useState } from 'react'
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { formatDate } from '@shared/format/dates'
import { call } from '../../api/client'
import { notifyFailed } from '../../components/notify'
import { saveFile } from './download'
import type { Period } from './MonitorPage'

/**
 * The DDAS delivery (with a warning about personal data) and the feedback to signal partners. The
 * confirmation names the period, so nobody makes a year's file thinking of a month; it is given
 * again for every period (MonitorPage mounts this panel afresh when the period changes).
 */
export function ExportPanel({ period }: { period: Period }) {
  const [understood, setUnderstood] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const run = async (what: string, job: () => Promise<string>) => {
    setBusy(what)
    setDone(null)
    try {
      setDone(await job())
    } catch (e) {
      notifyFailed('Het bestand kon niet worden gemaakt', e instanceof Error ? e.message : '')
    } finally {
      setBusy(null)
    }
  }
  const p = { van: period.van, tot: period.tot }
  const dates = `${formatDate(period.van)} t/m ${formatDate(period.tot)}`
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={4}>DDAS-levering ({period.label})</Title>
        <Text size="sm" mb="sm">
          Het bestand voor de landelijke monitor (CBS), in het uitwisselmodel DDAS versie 0.9: de signalen met
          een signaaldatum in de periode, de zaken waar ze in zitten en al hun contactpogingen. Elk signaal
          zit in de levering van zijn eigen maand. Is een bestand later ingelezen, maak dan de levering over
          die maand opnieuw. Bedragen in hele euro&apos;s.
        </Text>
        <Alert color="orange" title="Dit bestand bevat persoonsgegevens" mb="sm">
          Namen, adressen, geboortedata en soms een BSN. Bewaar het alleen op een beveiligde plek van de
          gemeente en verstuur het alleen via de afgesproken beveiligde weg. Het maken van het bestand wordt
          vastgelegd.
        </Alert>
        <Checkbox
          label={`Ik maak het DDAS-bestand over ${period.label} (${dates}) en begrijp dat het persoonsgegevens bevat`}
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          mb="sm"
        />
        <Button
          disabled={!understood}
          loading={busy === 'ddas'}
          onClick={() =>
            void run('ddas', async () => {
              const f = await call('monitor.exportDdas', p)
              saveFile(f)
              return `${f.fileName} gemaakt over ${period.label} (${dates}): ${f.vroegsignalen} signalen in ${f.zaken} zaken.`
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
                void run(formaat, async () => {
                  const f = await call('monitor.feedback', { ...p, formaat })
                  saveFile(f)
                  return `${f.fileName} gemaakt: ${f.signalen} signalen.`
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
          {done}
        </Alert>
      )}
    </Stack>
  )
}
