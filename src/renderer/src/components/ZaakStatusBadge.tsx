import { Badge, type BadgeProps } from '@mantine/core'
import { ZAAK_STATUS_LABELS, type ZaakStatus } from '@shared/domain/case'

const COLORS: Record<ZaakStatus, string> = {
  nieuw: 'blue',
  in_behandeling: 'teal',
  gesloten: 'gray',
}

/** Where a case stands, in the same colour on every screen. */
export function ZaakStatusBadge({ status, ...props }: { status: ZaakStatus } & BadgeProps) {
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" {...props}>
      {ZAAK_STATUS_LABELS[status]}
    </Badge>
  )
}
