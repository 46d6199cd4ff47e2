import { useEffect, useMemo, useState } from 'react'
import { Alert, Button, Group, Loader, Pagination, Paper, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useApiQuery } from '../../api/queries'
import { useCurrentUser } from '../../app/AppContext'
import { navigate } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { useTeamLists } from '../../components/useTeamLists'
import { CaseloadFilterBar } from './CaseloadFilterBar'
import { CaseloadTable } from './CaseloadTable'
import {
  DEFAULT_FILTERS,
  PAGE_SIZE,
  countLabel,
  hasActiveFilters,
  loadFilters,
  rememberLastList,
  saveFilters,
  toQuery,
  type CaseloadFilters,
} from './caseloadFilters'
import { PageHeading } from '../../components/PageHeading'

/** "Mijn zaken" (the signed-in consulent's cases) or the whole team's caseload. */
export function CaseloadPage({ mine }: { mine: boolean }) {
  const user = useCurrentUser()
  const team = useTeamLists()
  const [filters, setFilters] = useState<CaseloadFilters>(() => loadFilters(mine))
  const [zoekText, setZoekText] = useState(filters.zoek)
  const [debouncedZoek] = useDebouncedValue(zoekText, 200)

  // The search text reaches the filters (and the list) after a short pause in typing, and a new
  // search starts on page 1. Set while rendering, when the paused text changes (not in an effect).
  const [seenZoek, setSeenZoek] = useState(debouncedZoek)
  if (seenZoek !== debouncedZoek) {
    setSeenZoek(debouncedZoek)
    setFilters((f) => (f.zoek === debouncedZoek ? f : { ...f, zoek: debouncedZoek, page: 1 }))
  }

  useEffect(() => saveFilters(mine, filters), [mine, filters])
  useEffect(() => rememberLastList(mine), [mine])

  const query = useMemo(() => toQuery(filters, mine ? user.id : null), [filters, mine, user.id])
  // While the next answer loads, the list on screen stays (dimmed); answers that arrive out of
  // order while someone types never replace a newer one.
  const list = useApiQuery('caseload.list', query, { keepPrevious: true })
  const result = list.data ?? null
  const loading = list.isFetching
  const error = list.error ? describeFailure(list.error).message : null

  // The list shrank under the current page (a filter elsewhere, cases closed): go to the last page.
  if (result && !list.isPlaceholderData) {
    const lastPage = Math.max(1, Math.ceil(result.total / PAGE_SIZE))
    if (result.page > lastPage && filters.page !== lastPage) setFilters((f) => ({ ...f, page: lastPage }))
  }

  const change = (patch: Partial<CaseloadFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }))
  const reset = () => {
    setZoekText('')
    setFilters({ ...DEFAULT_FILTERS, sort: filters.sort })
  }
  const canReset = hasActiveFilters(filters, mine) || zoekText.trim() !== ''
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1
  const first = result && result.total > 0 ? (result.page - 1) * PAGE_SIZE + 1 : 0
  const last = result ? Math.min(result.total, result.page * PAGE_SIZE) : 0

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <PageHeading>{mine ? 'Mijn zaken' : 'Caseload'}</PageHeading>
        {mine && (
          <Text size="sm" c="dimmed">
            Zaken op naam van {user.naam}
          </Text>
        )}
      </Group>

      {team.error && <Alert color="yellow">{team.error}</Alert>}

      <CaseloadFilterBar
        filters={filters}
        zoekText={zoekText}
        onZoekText={setZoekText}
        onChange={change}
        mine={mine}
        consulenten={team.consulenten}
        wijken={team.wijken}
        zoekUitleg={zoekText.trim() ? (result?.zoekUitleg ?? null) : null}
      />

      {error && (
        <Alert color="red" title="De zaken konden niet worden geladen">
          {error}
        </Alert>
      )}

      <Group justify="space-between" gap="sm" mih={28}>
        <Group gap="xs">
          <Text fw={600} aria-live="polite">
            {result ? countLabel(result.total) : ' '}
          </Text>
          {result && result.total > PAGE_SIZE && (
            <Text size="sm" c="dimmed">
              ({first}–{last} getoond)
            </Text>
          )}
          {loading && <Loader size="xs" aria-label="Zaken worden geladen" />}
        </Group>
        {canReset && result?.total !== 0 && (
          <Button variant="subtle" size="compact-sm" onClick={reset}>
            Filters wissen
          </Button>
        )}
      </Group>

      {result && result.rows.length > 0 && (
        <CaseloadTable
          rows={result.rows}
          showConsulent={!mine}
          stale={loading}
          onOpen={(id) => navigate({ name: 'zaak', id })}
        />
      )}

      {result && result.total === 0 && (
        <Paper withBorder p="xl" ta="center">
          <Stack gap="xs" align="center">
            <Text fw={600} size="lg">
              Geen zaken gevonden
            </Text>
            <Text c="dimmed" maw={520}>
              {canReset
                ? 'Geen enkele zaak past bij deze zoektekst en filters. Controleer de spelling of wis de filters.'
                : mine
                  ? 'Er staan nu geen open zaken op jouw naam. Nieuwe signalen in jouw wijken komen hier vanzelf bij.'
                  : 'Er zijn nog geen open zaken. Een nieuw signaal voer je in via "Signaal invoeren".'}
            </Text>
            {canReset && (
              <Button variant="light" onClick={reset} mt="xs">
                Filters wissen
              </Button>
            )}
          </Stack>
        </Paper>
      )}

      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={filters.page}
            onChange={(page) => {
              setFilters((f) => ({ ...f, page }))
              window.scrollTo({ top: 0 })
            }}
            getItemProps={(page) => ({ 'aria-label': `Pagina ${page}` })}
            getControlProps={(control) => ({
              'aria-label': {
                first: 'Eerste pagina',
                previous: 'Vorige pagina',
                next: 'Volgende pagina',
                last: 'Laatste pagina',
              }[control],
            })}
          />
        </Group>
      )}
    </Stack>
  )
}
