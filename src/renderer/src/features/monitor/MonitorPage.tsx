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
import type { MonitorDashboard } from '@shared/api/monitor'
import { formatDate, parseDutchDate } from '@shared/format/dates'
import { call } from '../../api/client'
import { notifyFailed } from '../../components/notify'
import { todayIso } from '../../components/localDate'
import { BreakdownTable, type OpenCases } from './BreakdownTable'
import { CasesModal, type CasesQuery } from './CasesModal'
import { ReachByChannel, ReachOverTime } from './Charts'
import { saveFile } from './download'
import { ExportPanel } from './ExportPanel'
import { Definitions, KeyFigures } from './KeyFigures'
import { MonitorSettingsPanel } from './MonitorSettingsPanel'
import { CbsCollections } from '../ddas-vs/CbsCollections'
import { mayCall } from '@shared/api/permissions'
import { useCurrentUser } from '../../app/AppContext'
import { periodOptions, type PeriodKind } from './periods'
import classes from './MonitorPage.module.css'

export interface Period {
  van: string
  tot: string
  label: string
}

/** Choose a month, quarter, year or any two dates. */
function PeriodPicker({ onChange }: { onChange: (p: Period | null) => void }) {
  const today = todayIso()
  const [kind, setKind] = useState<PeriodKind>('jaar')
  const options = useMemo(() => (kind === 'eigen' ? [] : periodOptions(kind, today)), [kind, today])
  const [value, setValue] = useState<string | null>(null)
  const [van, setVan] = useState(formatDate(`${today.slice(0, 4)}-01-01`))
  const [tot, setTot] = useState(formatDate(today))
  const chosen = kind === 'eigen' ? null : (options.find((o) => o.value === value) ?? options[0]!)
  const vanIso = parseDutchDate(van)
  const totIso = parseDutchDate(tot)
  const key = chosen ? `${chosen.van}|${chosen.tot}` : `${vanIso}|${totIso}`
  useEffect(() => {
    if (chosen) onChange({ van: chosen.van, tot: chosen.tot, label: chosen.label })
    else if (vanIso && totIso && vanIso <= totIso)
      onChange({ van: vanIso, tot: totIso, label: `${formatDate(vanIso)} t/m ${formatDate(totIso)}` })
    else onChange(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return (
    <Group align="flex-end" gap="sm" className={classes.noPrint}>
      <SegmentedControl
        aria-label="Soort periode"
        value={kind}
        onChange={(v) => {
          setKind(v as PeriodKind)
          setValue(null)
        }}
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
          onChange={setValue}
          allowDeselect={false}
          w={200}
        />
      ) : (
        <>
          <TextInput
            label="Van (dd-mm-jjjj)"
            value={van}
            onChange={(e) => setVan(e.currentTarget.value)}
            w={150}
            error={vanIso ? null : van ? 'Geen geldige datum' : null}
          />
          <TextInput
            label="Tot en met (dd-mm-jjjj)"
            value={tot}
            onChange={(e) => setTot(e.currentTarget.value)}
            w={170}
            error={
              totIso
                ? vanIso && totIso < vanIso
                  ? 'Ligt vóór de begindatum'
                  : null
                : tot
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
  const [d, setD] = useState<MonitorDashboard | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [cases, setCases] = useState<CasesQuery | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    let current = true
    setError(null)
    call('monitor.dashboard', { van: period.van, tot: period.tot })
      .then((r) => current && setD(r))
      .catch(
        (e: unknown) =>
          current && setError(e instanceof Error ? e.message : 'De cijfers konden niet worden berekend.'),
      )
    return () => {
      current = false
    }
  }, [period.van, period.tot])
  const open: OpenCases = (tabel, groep, wat) =>
    setCases({ van: period.van, tot: period.tot, tabel, groep, wat })
  const excel = async () => {
    setBusy(true)
    try {
      saveFile(await call('monitor.exportExcel', { van: period.van, tot: period.tot }))
    } catch (e) {
      notifyFailed('Excel maken lukte niet', e instanceof Error ? e.message : '')
    } finally {
      setBusy(false)
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
      </SimpleGrid>
      <Definitions bron={d.referentieBron} />
      <CasesModal query={cases} onClose={() => setCases(null)} />
    </Stack>
  )
}

/** The kwaliteitsmedewerker's view of the team's figures, the DDAS delivery and partner feedback. */
export function MonitorPage() {
  const user = useCurrentUser()
  const [period, setPeriod] = useState<Period | null>(null)
  const [tab, setTab] = useState<string | null>('cijfers')
  return (
    <Stack gap="md" className={classes.page}>
      <Title order={2}>Monitor</Title>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List className={classes.noPrint}>
          <Tabs.Tab value="cijfers">Cijfers</Tabs.Tab>
          <Tabs.Tab value="export">DDAS en terugkoppeling</Tabs.Tab>
          <Tabs.Tab value="instellingen">Instellingen</Tabs.Tab>
        </Tabs.List>
        <Stack gap="md" pt="md">
          {tab !== 'instellingen' && <PeriodPicker onChange={setPeriod} />}
          {tab === 'cijfers' &&
            (period ? <Dashboard period={period} /> : <Text>Kies een geldige periode.</Text>)}
          {tab === 'export' &&
            (period ? <ExportPanel period={period} /> : <Text>Kies een geldige periode.</Text>)}
          {tab === 'export' && mayCall('ddasVs.collections', user.rol) && <CbsCollections />}
          {tab === 'instellingen' && <MonitorSettingsPanel />}
        </Stack>
      </Tabs>
    </Stack>
  )
}
