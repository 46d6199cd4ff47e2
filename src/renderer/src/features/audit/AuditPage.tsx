import { useCallback, useEffect, useState } from 'react'
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
  Title,
} from '@mantine/core'
import type { AuditPage as AuditPageData, AuditVerdict } from '@shared/api/audit'
import type { SettingsView } from '@shared/api/settings'
import { formatDateTime } from '@shared/format/dates'
import { call } from '../../api/client'
import { describeFailure } from '../../components/form-errors'
import { routeHref } from '../../app/router'

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
  const [page, setPage] = useState(1)
  const [data, setData] = useState<AuditPageData | null>(null)
  const [team, setTeam] = useState<SettingsView['medewerkers']>([])
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null)
  const [checking, setChecking] = useState(false)

  const load = useCallback(async (f: Filters, p: number) => {
    try {
      setData(
        await call('audit.search', {
          van: f.van,
          tot: f.tot,
          zaaknummer: f.zaaknummer,
          ...(f.medewerkerId ? { medewerkerId: Number(f.medewerkerId) } : {}),
          page: p,
        }),
      )
      setError(null)
      setFieldErrors({})
    } catch (e) {
      const failure = describeFailure(e)
      setError(failure.message)
      setFieldErrors(failure.fields)
    }
  }, [])

  useEffect(() => {
    void load(EMPTY, 1)
    call('settings.get', {})
      .then((s) => setTeam(s.medewerkers))
      .catch(() => setTeam([]))
  }, [load])

  const search = () => {
    setPage(1)
    void load(filters, 1)
  }

  const verify = async () => {
    setChecking(true)
    try {
      setVerdict(await call('audit.verify', {}))
      void load(filters, page)
    } catch (e) {
      setError(describeFailure(e).message)
    } finally {
      setChecking(false)
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Logboek</Title>
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
          search()
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
                setPage(p)
                void load(filters, p)
              }}
            />
          )}
        </>
      )}
    </Stack>
  )
}
