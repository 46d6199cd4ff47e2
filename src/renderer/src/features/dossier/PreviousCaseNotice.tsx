import { Alert, Anchor, Text } from '@mantine/core'
import type { DossierView } from '@shared/api/dossier'
import { formatDate } from '@shared/format/dates'
import { routeHref } from '../../app/router'

/**
 * At the top of a new case of a household whose previous case was closed in the last six months:
 * the consulent sees at once that this is not a first contact, and can open the earlier case.
 */
export function PreviousCaseNotice({ previous }: { previous: NonNullable<DossierView['vorigeZaak']> }) {
  return (
    <Alert color="grape" variant="light" title="Eerdere zaak" role="note">
      <Text size="sm">
        Dit huishouden had eerder zaak{' '}
        <Anchor href={routeHref({ name: 'zaak', id: previous.caseId })} inherit fw={500}>
          {previous.caseNumber}
        </Anchor>{' '}
        (gesloten op {formatDate(previous.geslotenOp)}
        {previous.resultaat ? `, resultaat: ${previous.resultaat}` : ''}).
      </Text>
    </Alert>
  )
}
