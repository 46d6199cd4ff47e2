import { useState } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import type { AuditVerdict } from '@shared/api/audit'
import { formatDateTime } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { routeHref } from '../../app/router'
import { PageHeading } from '../../components/PageHeading'

interface Filters {
  van: string
  tot: string
  medewerkerId: string | null
  zaaknummer: string
}

const EMPTY: Filters = { van: '', tot: '', medewerkerId: null, zaaknummer: '' }

/** Logboek: who did what and when, searchable, with a check that nothing was changed afterwards. */
export function AuditPage() {
  const [filters, setFilters] = useState<Filters>(EMPTY)
  /** The search on screen: the filters as they were when "Zoeken" was pressed, and the page. */
  const [applied, setApplied] = useState({ filters: EMPTY, page: 1 })
  const page = applied.page
  const f = applied.filters
  // The previous page stays on screen while the next loads, and when a search is refused.
  const search = useApiQuery(
    'audit.search',
    {
      van: f.van,
      tot: f.tot,
      zaaknummer: f.zaaknummer,
      ...(f.medewerkerId ? { medewerkerId: Number(f.medewerkerId) } : {}),
      page,
    },
    { keepPrevious: true },
  )
  const data = search.data ?? null
  const team = useApiQuery('settings.get', {}).data?.medewerkers ?? []
  const failure = search.error ? describeFailure(search.error) : null
  const [verifyError, setVerifyError] = useState<string | null>(null)
  const error = failure?.message ?? verifyError
  const fieldErrors = failure?.fields ?? {}
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null)
  // Checking is itself recorded in the logboek: the list is read again (api/invalidation.ts).
  const verifyCall = useApiMutation('audit.verify')
  const checking = verifyCall.isPending

  const show = (next: { filters: Filters; page: number }) => {
    // The same search again reads again: a colleague may have done something since.
    if (JSON.stringify(next) === JSON.stringify(applied)) void search.refetch()
    else setApplied(next)
  }
  const runSearch = () => show({ filters, page: 1 })

  const verify = async () => {
    setVerifyError(null)
    try {
      setVerdict(await verifyCall.mutateAsync({}))
    } catch (e) {
      setVerifyError(describeFailure(e).message)
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageHeading>Logboek</PageHeading>
          <Text c="dimmed" size="sm">
            Wie deed wat en wanneer. Elke regel is verzegeld met de regel ervoor: een latere wijziging valt
            op.
          </Text>
        </div>
        <Button variant="default" onClick={() => void verify()} loading={checking}>
          Controleer het logboek
        </Button>
      </Group>
      {verdict &&
        (verdict.ok ? (
          <Alert color="teal" title="Het logboek klopt">
            Alle {verdict.entries.toLocaleString('nl-NL')} regels zijn ongewijzigd.
          </Alert>
        ) : (
          <Alert color="red" title="Het logboek is gewijzigd">
            Regel {verdict.brokenAtId}: {verdict.reason}. Meld dit aan de beheerder en de privacy officer.
          </Alert>
        ))}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          runSearch()
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Vanaf"
            placeholder="dd-mm-jjjj"
            w={130}
            value={filters.van}
            error={fieldErrors.van}
            onChange={(e) => setFilters({ ...filters, van: e.currentTarget.value })}
          />
          <TextInput
            label="Tot en met"
            placeholder="dd-mm-jjjj"
            w={130}
            value={filters.tot}
            error={fieldErrors.tot}
            onChange={(e) => setFilters({ ...filters, tot: e.currentTarget.value })}
          />
          <Select
            label="Medewerker"
            placeholder="Iedereen"
            clearable
            w={220}
            data={team.map((m) => ({ value: String(m.id), label: m.naam }))}
            value={filters.medewerkerId}
            onChange={(v) => setFilters({ ...filters, medewerkerId: v })}
          />
          <TextInput
            label="Zaaknummer"
            placeholder="LA-2026-00012"
            w={170}
            value={filters.zaaknummer}
            onChange={(e) => setFilters({ ...filters, zaaknummer: e.currentTarget.value })}
          />
          <Button type="submit">Zoeken</Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" title="Het logboek kon niet worden geladen">
          {error}
        </Alert>
      )}
      {data && (
        <>
          <Text fw={600}>
            {data.total === 1 ? '1 regel' : `${data.total.toLocaleString('nl-NL')} regels`}
          </Text>
          <Table striped aria-label="Logboek">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Wanneer</Table.Th>
                <Table.Th w={180}>Wie</Table.Th>
                <Table.Th w={170}>Actie</Table.Th>
                <Table.Th w={190}>Over</Table.Th>
                <Table.Th>Wat</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDateTime(r.op)}</Table.Td>
                  <Table.Td>{r.door}</Table.Td>
                  <Table.Td>{r.actie}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.caseId ? (
                      <Anchor href={routeHref({ name: 'zaak', id: r.caseId })}>{r.onderwerp}</Anchor>
                    ) : (
                      r.onderwerp
                    )}
                  </Table.Td>
                  <Table.Td>{r.samenvatting}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data.total > data.pageSize && (
            <Pagination
              total={Math.ceil(data.total / data.pageSize)}
              value={page}
              onChange={(p) => {
                show({ filters, page: p })
              }}
            />
          )}
        </>
      )}
    </Stack>
  )
}
