import { useEffect, useMemo, useState } from 'react'
import {
  Alert,
  Button,
  Group,
  Loader,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { formatDate, parseDutchDate } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { notifyFailed } from '../../components/notify'
import { todayIso } from '../../components/localDate'
import { BreakdownTable, type OpenCases } from './BreakdownTable'
import { CasesModal, type CasesQuery } from './CasesModal'
import { ReachByChannel, ReachOverTime } from './Charts'
import { saveFile } from './download'
import { ExportPanel } from './ExportPanel'
import { Definitions, KeyFigures } from './KeyFigures'
import { AppointmentTable } from './AppointmentTable'
import { MonitorSettingsPanel } from './MonitorSettingsPanel'
import { CbsCollections } from '../ddas-vs/CbsCollections'
import { mayCall } from '@shared/api/permissions'
import { useCurrentUser } from '../../app/AppContext'
import {
  choicePeriod,
  loadChoice,
  periodOptions,
  saveChoice,
  type ChosenPeriod,
  type PeriodChoice,
  type PeriodKind,
} from './periods'
import classes from './MonitorPage.module.css'
import { PageHeading } from '../../components/PageHeading'

export type Period = ChosenPeriod

/** Choose a month, quarter, year or any two dates. Controlled: the choice lives in MonitorPage. */
function PeriodPicker({ choice, onChange }: { choice: PeriodChoice; onChange(c: PeriodChoice): void }) {
  const today = todayIso()
  const kind = choice.kind
  const options = useMemo(() => (kind === 'eigen' ? [] : periodOptions(kind, today)), [kind, today])
  const chosen = kind === 'eigen' ? null : (options.find((o) => o.value === choice.value) ?? options[0]!)
  const vanIso = parseDutchDate(choice.van)
  const totIso = parseDutchDate(choice.tot)
  return (
    <Group align="flex-end" gap="sm" className={classes.noPrint}>
      <SegmentedControl
        aria-label="Soort periode"
        value={kind}
        onChange={(v) => onChange({ ...choice, kind: v as PeriodKind, value: null })}
        data={[
          { value: 'maand', label: 'Maand' },
          { value: 'kwartaal', label: 'Kwartaal' },
          { value: 'jaar', label: 'Jaar' },
          { value: 'eigen', label: 'Eigen periode' },
        ]}
      />
      {kind !== 'eigen' ? (
        <Select
          label="Periode"
          data={options.map((o) => ({ value: o.value, label: o.label }))}
          value={chosen?.value ?? null}
          onChange={(v) => onChange({ ...choice, value: v })}
          allowDeselect={false}
          w={200}
        />
      ) : (
        <>
          <TextInput
            label="Van (dd-mm-jjjj)"
            value={choice.van}
            onChange={(e) => onChange({ ...choice, van: e.currentTarget.value })}
            w={150}
            error={vanIso ? null : choice.van ? 'Geen geldige datum' : null}
          />
          <TextInput
            label="Tot en met (dd-mm-jjjj)"
            value={choice.tot}
            onChange={(e) => onChange({ ...choice, tot: e.currentTarget.value })}
            w={170}
            error={
              totIso
                ? vanIso && totIso < vanIso
                  ? 'Ligt vóór de begindatum'
                  : null
                : choice.tot
                  ? 'Geen geldige datum'
                  : null
            }
          />
        </>
      )}
    </Group>
  )
}

function Dashboard({ period }: { period: Period }) {
  const dashboard = useApiQuery('monitor.dashboard', { van: period.van, tot: period.tot })
  const d = dashboard.data ?? null
  const error = dashboard.error ? dashboard.error.message || 'De cijfers konden niet worden berekend.' : null
  const [cases, setCases] = useState<CasesQuery | null>(null)
  const exportExcel = useApiMutation('monitor.exportExcel')
  const busy = exportExcel.isPending
  const open: OpenCases = (tabel, groep, wat) =>
    setCases({ van: period.van, tot: period.tot, tabel, groep, wat })
  const excel = async () => {
    try {
      saveFile(await exportExcel.mutateAsync({ van: period.van, tot: period.tot }))
    } catch (e) {
      notifyFailed('Excel maken lukte niet', e instanceof Error ? e.message : '')
    }
  }
  if (error) return <Alert color="red">{error}</Alert>
  if (!d || d.van !== period.van || d.tot !== period.tot)
    return <Loader aria-label="Cijfers worden berekend" />
  const kanaal = d.breakdowns.find((b) => b.key === 'kanaal')!
  return (
    <Stack gap="md" data-testid="monitor-dashboard">
      <Group justify="space-between">
        <Title order={3}>
          Cijfers {period.label}{' '}
          <Text span c="dimmed" size="sm">
            ({formatDate(d.van)} t/m {formatDate(d.tot)})
          </Text>
        </Title>
        <Group gap="xs" className={classes.noPrint}>
          <Button variant="default" onClick={() => window.print()}>
            Afdrukken
          </Button>
          <Button variant="default" loading={busy} onClick={() => void excel()}>
            Exporteren naar Excel
          </Button>
        </Group>
      </Group>
      {d.inGebruikSinds && d.van < d.inGebruikSinds && (
        <Alert color="blue" title={`Lange Adem is in gebruik sinds ${formatDate(d.inGebruikSinds)}`}>
          Signalen van eerdere maanden die later zijn ingelezen, tellen in de maand van hun signaaldatum. Van
          die zaken telt alleen het werk dat in Lange Adem is vastgelegd.
        </Alert>
      )}
      <KeyFigures d={d} open={open} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ReachOverTime d={d} />
        <ReachByChannel b={kanaal} />
      </SimpleGrid>
      <BreakdownTable b={kanaal} open={open} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {d.breakdowns
          .filter((b) => b !== kanaal)
          .map((b) => (
            <BreakdownTable key={b.key} b={b} open={open} />
          ))}
        <AppointmentTable rows={d.afspraken} />
      </SimpleGrid>
      <Definitions bron={d.referentieBron} />
      <CasesModal query={cases} onClose={() => setCases(null)} />
    </Stack>
  )
}

/**
 * The kwaliteitsmedewerker's view of the team's figures, the DDAS delivery and partner feedback.
 * The chosen period stays until the user changes it (periods.ts): across the tabs and screens.
 */
export function MonitorPage() {
  const user = useCurrentUser()
  const today = todayIso()
  const [choice, setChoice] = useState<PeriodChoice>(() => loadChoice(today))
  useEffect(() => saveChoice(choice), [choice])
  const period = choicePeriod(choice, today)
  const [tab, setTab] = useState<string | null>('cijfers')
  return (
    <Stack gap="md" className={classes.page}>
      <PageHeading>Monitor</PageHeading>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List className={classes.noPrint}>
          <Tabs.Tab value="cijfers">Cijfers</Tabs.Tab>
          <Tabs.Tab value="export">DDAS en terugkoppeling</Tabs.Tab>
          <Tabs.Tab value="instellingen">Instellingen</Tabs.Tab>
        </Tabs.List>
        <Stack gap="md" pt="md">
          {tab !== 'instellingen' && <PeriodPicker choice={choice} onChange={setChoice} />}
          {tab === 'cijfers' &&
            (period ? <Dashboard period={period} /> : <Text>Kies een geldige periode.</Text>)}
          {tab === 'export' &&
            (period ? (
              <ExportPanel key={`${period.van}|${period.tot}`} period={period} />
            ) : (
              <Text>Kies een geldige periode.</Text>
            ))}
          {tab === 'export' && mayCall('ddasVs.collections', user.rol) && <CbsCollections />}
          {tab === 'instellingen' && <MonitorSettingsPanel />}
        </Stack>
      </Tabs>
    </Stack>
  )
}
