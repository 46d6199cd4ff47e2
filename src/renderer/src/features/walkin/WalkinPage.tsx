import { useState } from 'react'
import { useDebouncedValue } from '@mantine/hooks'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { URGENTIE_LABELS } from '@shared/api/walkin'
import { formatDate, formatDateLong } from '@shared/format/dates'
import { useApiQuery } from '../../api/queries'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'
import { IntakeModal, type Visitor } from './IntakeModal'
import { PageHeading } from '../../components/PageHeading'

/** The walk-in hour: find the visitor, register the visit with a short intake, keep the list. */
export function WalkinPage() {
  const sessionQuery = useApiQuery('walkin.session', {})
  const session = sessionQuery.data ?? null
  const [zoek, setZoek] = useState('')
  // Searched after a short pause in typing; the previous answer stays until the new one is in.
  const [zoekNaPauze] = useDebouncedValue(zoek, 200)
  const search = useApiQuery(
    'walkin.search',
    { zoek: zoekNaPauze },
    { enabled: !!zoekNaPauze.trim(), keepPrevious: true },
  )
  const result = zoek.trim() && zoekNaPauze.trim() ? (search.data ?? null) : null
  const [visitor, setVisitor] = useState<Visitor | null>(null)
  const failed = sessionQuery.error ?? search.error
  const error = failed ? describeFailure(failed).message : null

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <PageHeading>Inloopspreekuur</PageHeading>
        {session && (
          <Text c="dimmed">
            {formatDateLong(session.datum)} · elke {session.dag} van {session.van} tot {session.tot},{' '}
            {session.plaats}
            {!session.isInloopdag && ' (vandaag is geen vaste inloopdag)'}
          </Text>
        )}
      </div>
      <Paper withBorder p="md" component="section" aria-label="Bezoeker zoeken">
        <Stack gap="sm">
          <Group align="flex-end">
            <TextInput
              label="Zoek bezoeker"
              description="Achternaam, geboortedatum, of postcode met huisnummer (staat op het kaartje)"
              w={420}
              autoFocus
              value={zoek}
              onChange={(e) => setZoek(e.currentTarget.value)}
            />
            <Button variant="default" onClick={() => setVisitor({ kind: 'nieuw' })}>
              Nieuwe bezoeker zonder signaal
            </Button>
          </Group>
          {result?.uitleg && (
            <Text size="sm" c="dimmed">
              Gezocht op: {result.uitleg}
            </Text>
          )}
          {result && result.hits.length === 0 && zoek.trim() && <Text size="sm">Niemand gevonden.</Text>}
          {result && result.hits.length > 0 && (
            <Table fz="sm" aria-label="Gevonden bewoners">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Naam</Table.Th>
                  <Table.Th>Geboren</Table.Th>
                  <Table.Th>Adres</Table.Th>
                  <Table.Th>Zaak</Table.Th>
                  <Table.Th>Actie</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.hits.map((h) => (
                  <Table.Tr key={h.residentId}>
                    <Table.Td fw={500}>
                      {h.naam}{' '}
                      {h.nietBenaderen && (
                        <Badge color="orange" variant="light" tt="none">
                          niet benaderen
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(h.geboortedatum)}</Table.Td>
                    <Table.Td>
                      {h.adres} ({h.postcode})
                    </Table.Td>
                    <Table.Td>
                      {h.openCase ? (
                        <Anchor href={routeHref({ name: 'zaak', id: h.openCase.id, via: 'inloop' })}>
                          {h.openCase.caseNumber}
                          {h.openCase.consulent ? ` · ${h.openCase.consulent}` : ''}
                        </Anchor>
                      ) : (
                        <Text span c="dimmed">
                          Geen open zaak{h.eerdereZaken ? ` (${h.eerdereZaken} eerder)` : ''}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        onClick={() => setVisitor({ kind: 'bekend', hit: h })}
                        aria-label={`Bezoek vastleggen voor ${h.naam}`}
                      >
                        Bezoek vastleggen
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      <Paper withBorder p="md" component="section" aria-label="Bezoekers vandaag">
        <Title order={3} mb="xs">
          Bezoekers vandaag ({session?.bezoekers.length ?? 0})
        </Title>
        {session && session.bezoekers.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nog geen bezoekers.
          </Text>
        ) : (
          <Table fz="sm" aria-label="Bezoekers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tijd</Table.Th>
                <Table.Th>Naam</Table.Th>
                <Table.Th>Zaak</Table.Th>
                <Table.Th>Haast</Table.Th>
                <Table.Th>Vervolgstap</Table.Th>
                <Table.Th>Door</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {session?.bezoekers.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{b.tijd}</Table.Td>
                  <Table.Td>{b.naam}</Table.Td>
                  <Table.Td>
                    <Anchor href={routeHref({ name: 'zaak', id: b.caseId, via: 'inloop' })}>
                      {b.caseNumber}
                    </Anchor>
                    {b.nieuweZaak && (
                      <Badge ml={6} variant="light" tt="none">
                        nieuw
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {b.urgentie === 'geen'
                      ? ''
                      : `${URGENTIE_LABELS[b.urgentie]}${b.urgentieDatum ? ` (${formatDate(b.urgentieDatum)})` : ''}`}
                  </Table.Td>
                  <Table.Td>{b.vervolgstap}</Table.Td>
                  <Table.Td>{b.door}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {visitor && (
        <IntakeModal
          visitor={visitor}
          onClose={() => setVisitor(null)}
          onSaved={(r) => {
            setVisitor(null)
            setZoek('')
            notifySaved(
              r.nieuweZaak
                ? 'Bezoek vastgelegd; er is een nieuwe zaak gestart.'
                : 'Bezoek vastgelegd bij de zaak.',
            )
          }}
        />
      )}
    </Stack>
  )
}
