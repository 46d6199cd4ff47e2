import { useState } from 'react'
import { Alert, Button, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import type { MovableCase } from '@shared/api/intake'
import { formatDate } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { notifyFailed, notifySaved } from '../../components/notify'
import { PageHeading } from '../../components/PageHeading'

const NONE: MovableCase[] = []

/** Verdeling: open cases per consulent; the kwaliteitsmedewerker moves cases to even out the load. */
export function DistributionPage() {
  // Both are read again after cases are moved (api/invalidation.ts).
  const load = useApiQuery('intake.load', {}).data ?? null
  const [from, chooseFrom] = useState<string | null>(null)
  const openCases = useApiQuery(
    'intake.openCases',
    { consulentId: from === 'geen' ? 'geen' : Number(from) },
    { enabled: from !== null, keepPrevious: true },
  )
  const cases = (from && openCases.data) || NONE
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const setFrom = (value: string | null) => {
    chooseFrom(value)
    setPicked(new Set())
  }
  const [to, setTo] = useState<string | null>(null)
  const moveCases = useApiMutation('intake.moveCases')
  const busy = moveCases.isPending

  const move = async () => {
    if (!to) return
    try {
      await moveCases.mutateAsync({ caseIds: [...picked], consulentId: Number(to) })
      notifySaved(`${picked.size} zaken verplaatst.`)
      setPicked(new Set())
    } catch (e) {
      notifyFailed('Niet verplaatst', e instanceof Error ? e.message : '')
    }
  }
  const consulenten = (load ?? []).filter((l) => l.consulentId !== null)
  const fromOptions = (load ?? []).map((l) => ({
    value: String(l.consulentId ?? 'geen'),
    label: `${l.naam} (${l.open})`,
  }))

  return (
    <Stack gap="md" maw={1100}>
      <PageHeading>Verdeling</PageHeading>
      <Alert color="blue" title="Voor de kwaliteitsmedewerker">
        Een nieuwe zaak gaat naar de consulent van de wijk met de minste open zaken. Hier ziet u de werklast
        en verplaatst u zaken, bijvoorbeeld bij ziekte of vakantie.
      </Alert>
      {load && (
        <Table striped withTableBorder aria-label="Werklast per consulent">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Consulent</Table.Th>
              <Table.Th>Wijken</Table.Th>
              <Table.Th ta="right">Open zaken</Table.Th>
              <Table.Th ta="right">Waarvan nieuw</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {load.map((l) => (
              <Table.Tr key={l.consulentId ?? 'geen'}>
                <Table.Td>{l.naam}</Table.Td>
                <Table.Td>{l.wijken.join(', ')}</Table.Td>
                <Table.Td ta="right">{l.open}</Table.Td>
                <Table.Td ta="right">{l.nieuw}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4}>Zaken verplaatsen</Title>
      <Group align="flex-end">
        <Select label="Zaken van" data={fromOptions} value={from} onChange={setFrom} w={280} />
        <Select
          label="Verplaatsen naar"
          data={consulenten
            .filter((c) => String(c.consulentId) !== from)
            .map((c) => ({ value: String(c.consulentId), label: c.naam }))}
          value={to}
          onChange={setTo}
          w={280}
        />
        <Button disabled={!to || picked.size === 0} loading={busy} onClick={() => void move()}>
          {picked.size} zaken verplaatsen
        </Button>
      </Group>
      {from && cases.length === 0 && <Text c="dimmed">Geen open zaken.</Text>}
      {cases.length > 0 && (
        <Table withTableBorder aria-label="Open zaken om te verplaatsen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox
                  aria-label="Alle zaken kiezen"
                  checked={picked.size === cases.length}
                  onChange={(e) =>
                    setPicked(e.currentTarget.checked ? new Set(cases.map((c) => c.id)) : new Set())
                  }
                />
              </Table.Th>
              <Table.Th>Zaak</Table.Th>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Adres</Table.Th>
              <Table.Th>Wijk</Table.Th>
              <Table.Th>Opgepakt</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Zaak ${c.caseNumber} kiezen`}
                    checked={picked.has(c.id)}
                    onChange={(e) => {
                      const next = new Set(picked)
                      if (e.currentTarget.checked) next.add(c.id)
                      else next.delete(c.id)
                      setPicked(next)
                    }}
                  />
                </Table.Td>
                <Table.Td>{c.caseNumber}</Table.Td>
                <Table.Td>{c.naam}</Table.Td>
                <Table.Td>{c.adres}</Table.Td>
                <Table.Td>{c.wijkNaam ?? '-'}</Table.Td>
                <Table.Td>{formatDate(c.datumOpgepakt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
