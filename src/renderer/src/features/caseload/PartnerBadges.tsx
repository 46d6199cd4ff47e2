import { Badge, Group } from '@mantine/core'
import { shortPartnerLabel } from '../../components/partnerLabel'

// A badge clips its text by default; in a narrow table cell the column should widen instead.
const NO_TRUNCATE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const

/** The kinds of signal of a case as small badges, with a red "Crisis" badge first when it applies. */
export function PartnerBadges({ types, crisis }: { types: string[]; crisis: boolean }) {
  return (
    <Group gap={4} wrap="wrap">
      {crisis && (
        <Badge size="sm" color="red" variant="filled" tt="none" styles={NO_TRUNCATE}>
          Crisis
        </Badge>
      )}
      {types.map((t) => (
        <Badge key={t} size="sm" color="gray" variant="light" tt="none" fw={500} styles={NO_TRUNCATE}>
          {shortPartnerLabel(t)}
        </Badge>
      ))}
    </Group>
  )
}
