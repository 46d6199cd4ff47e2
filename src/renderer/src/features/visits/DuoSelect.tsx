import { NativeSelect } from '@mantine/core'
import type { PartnerContactView } from '@shared/api/visits'
import { useApiQuery } from '../../api/queries'

/** Who goes along on a visit: 'u:<id>' for a colleague, 'p:<id>' for a chain partner, '' none yet. */
export function duoIds(duo: string): { duoUserId: number | null; duoPartnerId: number | null } {
  const [kind, id] = duo.split(':')
  return {
    duoUserId: kind === 'u' ? Number(id) : null,
    duoPartnerId: kind === 'p' ? Number(id) : null,
  }
}

/** Active colleagues and chain partners. */
export function useDuoChoices() {
  const settings = useApiQuery('settings.get', {}).data
  const partners = useApiQuery('visits.partners', {}).data ?? []
  return {
    colleagues: settings?.medewerkers.filter((m) => m.actief && m.rol !== 'beheerder') ?? [],
    partners: partners.filter((p) => p.actief),
  }
}

/** A visit is made in pairs: choose the colleague or chain partner who comes along. */
export function DuoSelect({
  value,
  onChange,
  error,
  colleagues,
  partners,
  without,
  w,
  label = 'Gaat mee (duo)',
  emptyLabel = 'Kies…',
}: {
  value: string
  onChange(v: string): void
  error?: string
  colleagues: { id: number; naam: string }[]
  partners: PartnerContactView[]
  /** Not offered: the consulent of the case, who goes anyway. */
  without?: number | null
  w?: number
  /** Another question than the visit's duo (an appointment's optional second person). */
  label?: string
  emptyLabel?: string
}) {
  return (
    <NativeSelect
      label={label}
      w={w}
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: emptyLabel },
        {
          group: 'Collega',
          items: colleagues
            .filter((c) => c.id !== without)
            .map((c) => ({ value: `u:${c.id}`, label: c.naam })),
        },
        {
          group: 'Ketenpartner',
          items: partners.map((p) => ({ value: `p:${p.id}`, label: `${p.naam} (${p.organisatie})` })),
        },
      ]}
    />
  )
}
