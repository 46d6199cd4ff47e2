import { Anchor, Group, List, Stack, Text } from '@mantine/core'
import type { EarlierKnown } from '@shared/api/dossier'
import { formatCents } from '@shared/format/money'
import { formatDate } from '@shared/format/dates'
import { routeHref } from '../../app/router'
import { ZaakStatusBadge } from '../../components/ZaakStatusBadge'
import { shortPartnerLabel } from '../../components/partnerLabel'
import { DossierSection } from './DossierSection'

const REDEN: Record<EarlierKnown['reden'], string> = {
  adres: 'zelfde adres',
  persoon: 'zelfde persoon op ander adres',
}

function EarlierCase({ c }: { c: EarlierKnown }) {
  return (
    <Stack gap={4} py="xs" style={{ borderTop: '1px solid var(--mantine-color-yellow-3)' }}>
      <Group gap="sm" align="center">
        <Anchor href={routeHref({ name: 'zaak', id: c.caseId })} fw={600}>
          Zaak {c.caseNumber}
        </Anchor>
        <ZaakStatusBadge status={c.status} size="sm" />
        <Text size="sm">({REDEN[c.reden]})</Text>
      </Group>
      <Text size="sm">
        Geopend {formatDate(c.geopendOp)}
        {c.gesloten ? `, gesloten ${formatDate(c.gesloten)}` : ', nog niet gesloten'}
        {' · '}Consulent: {c.consulentNaam ?? 'niet toegewezen'}
      </Text>
      <Text size="sm">Resultaat: {c.resultaat ?? 'nog geen resultaat'}</Text>
      {c.signalen.length > 0 && (
        <List size="sm" spacing={0}>
          {c.signalen.map((s, i) => (
            <List.Item key={i}>
              {shortPartnerLabel(s.partnerType)} {formatCents(s.bedragCents)} ({formatDate(s.signaaldatum)})
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  )
}

/**
 * Cases this household or person had before. Trust takes time: a consulent who recognises a
 * name can pick up the conversation where it stopped.
 */
export function EarlierKnownSection({ earlier }: { earlier: EarlierKnown[] }) {
  return (
    <DossierSection
      title="Eerder bekend"
      bg="var(--mantine-color-yellow-0)"
      style={{ borderColor: 'var(--mantine-color-yellow-5)' }}
      aside={
        <Text size="sm">{earlier.length === 1 ? '1 eerdere zaak' : `${earlier.length} eerdere zaken`}</Text>
      }
    >
      <Stack gap={0}>
        {earlier.map((c) => (
          <EarlierCase key={c.caseId} c={c} />
        ))}
      </Stack>
    </DossierSection>
  )
}
