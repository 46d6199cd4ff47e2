import { Badge, Table, Text } from '@mantine/core'
import type { DossierView, SignalView } from '@shared/api/dossier'
import { SIGNAALPARTNER_LABELS } from '@shared/domain/ddas'
import { formatCents } from '@shared/format/money'
import { formatDate } from '@shared/format/dates'
import { DossierSection } from './DossierSection'

const num = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const

function SignalRow({ s }: { s: SignalView }) {
  const earlier = !s.inDezeZaak
  return (
    <Table.Tr c={earlier ? 'dimmed' : undefined}>
      <Table.Td style={num}>{formatDate(s.signaaldatum)}</Table.Td>
      <Table.Td>
        {SIGNAALPARTNER_LABELS[s.partnerType] ?? s.partnerType}
        {earlier && (
          <Text size="xs" c="dimmed">
            eerdere zaak {s.caseNumber ?? '(zonder zaak)'}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {s.partnerNaam || (
          <Text span c="dimmed" size="sm">
            onbekend
          </Text>
        )}
        {s.externId && (
          <Text size="xs" c="dimmed">
            kenmerk {s.externId}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" style={num}>
        {formatCents(s.bedragCents)}
      </Table.Td>
      <Table.Td style={num}>
        {s.ontstaansdatum ? (
          formatDate(s.ontstaansdatum)
        ) : (
          <Text span c="dimmed" size="sm">
            onbekend
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {s.crisis ? (
          <Badge color="red" variant={earlier ? 'light' : 'filled'} size="sm" tt="none">
            Crisis
          </Badge>
        ) : (
          'Nee'
        )}
      </Table.Td>
      <Table.Td>{s.warmeOverdracht ? 'Ja' : 'Nee'}</Table.Td>
      <Table.Td>{s.bewonerNaam}</Table.Td>
    </Table.Tr>
  )
}

/** Every signal for this address; those of earlier cases stay visible but muted, for the history. */
export function SignalsSection({ dossier: d }: { dossier: DossierView }) {
  const own = d.signalen.filter((s) => s.inDezeZaak)
  const total = own.reduce((sum, s) => sum + s.bedragCents, 0)
  const earlierCount = d.signalen.length - own.length
  return (
    <DossierSection
      title="Signalen"
      aside={
        <Text size="sm" c="dimmed">
          {own.length} {own.length === 1 ? 'signaal' : 'signalen'} in deze zaak
          {earlierCount > 0 ? `, ${earlierCount} uit eerdere zaken` : ''}
        </Text>
      }
    >
      <Table.ScrollContainer minWidth={860}>
        <Table fz="sm" verticalSpacing={6} aria-label="Signalen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Signaaldatum</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th>Signaalpartner</Table.Th>
              <Table.Th ta="right">Bedrag</Table.Th>
              <Table.Th>Ontstaan</Table.Th>
              <Table.Th>Crisis</Table.Th>
              <Table.Th>Warme overdracht</Table.Th>
              <Table.Th>Bewoner</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.signalen.map((s) => (
              <SignalRow key={s.id} s={s} />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>Totaal achterstand in deze zaak</Table.Th>
              <Table.Th ta="right" style={num}>
                {formatCents(total)}
              </Table.Th>
              <Table.Th colSpan={4} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </DossierSection>
  )
}
