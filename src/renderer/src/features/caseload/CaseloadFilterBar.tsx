import { Group, Select, Stack, Text, TextInput } from '@mantine/core'
import type { CaseloadSort } from '@shared/api/caseload'
import { LEEFTIJD_ZAAK, LEEFTIJD_ZAAK_LABELS } from '@shared/domain/case'
import { SIGNAALPARTNER_LABELS, SIGNAALPARTNER_TYPES } from '@shared/domain/ddas'
import type { Option } from '../../components/useTeamLists'
import type { CaseloadFilters, StatusFilter } from './caseloadFilters'

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'nieuw', label: 'Nieuw' },
  { value: 'in_behandeling', label: 'In behandeling' },
  { value: 'gesloten', label: 'Gesloten' },
  { value: 'alle', label: 'Alle' },
]

const SORT_OPTIONS: { value: CaseloadSort; label: string }[] = [
  { value: 'nieuwste', label: 'Nieuwste eerst' },
  { value: 'oudste', label: 'Oudste eerst' },
  { value: 'bedrag', label: 'Hoogste bedrag' },
  { value: 'naam', label: 'Naam' },
  { value: 'postcode', label: 'Postcode' },
]

const PARTNER_OPTIONS = [
  { value: 'alle', label: 'Alle soorten' },
  ...SIGNAALPARTNER_TYPES.map((t) => ({ value: t, label: SIGNAALPARTNER_LABELS[t] })),
]

const LEEFTIJD_OPTIONS = [
  { value: 'alle', label: 'Alle' },
  ...LEEFTIJD_ZAAK.map((l) => ({ value: l, label: LEEFTIJD_ZAAK_LABELS[l] })),
]

interface Props {
  filters: CaseloadFilters
  /** The search text as typed; the list follows it after a short pause. */
  zoekText: string
  onZoekText(text: string): void
  onChange(patch: Partial<CaseloadFilters>): void
  mine: boolean
  consulenten: Option[]
  wijken: Option[]
  zoekUitleg: string | null
}

const SELECT_W = 176

/** The search box and the filters above the caseload table. */
export function CaseloadFilterBar(p: Props) {
  const select = {
    allowDeselect: false,
    w: SELECT_W,
    comboboxProps: { width: 'target' as const, withinPortal: true },
  }
  return (
    <Stack gap="xs">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 320px', maxWidth: 520 }}>
          <TextInput
            label="Zoeken"
            placeholder="Naam, postcode, huisnummer of geboortedatum"
            value={p.zoekText}
            onChange={(e) => p.onZoekText(e.currentTarget.value)}
            type="search"
            autoComplete="off"
            spellCheck={false}
          />
          <Text size="xs" c="dimmed" aria-live="polite" mih={18}>
            {p.zoekUitleg
              ? `Gezocht op: ${p.zoekUitleg}`
              : 'Zoeken op zaaknummer kan ook, bijvoorbeeld LA-2026-00012'}
          </Text>
        </Stack>
        <Select
          {...select}
          label="Sorteren"
          data={SORT_OPTIONS}
          value={p.filters.sort}
          onChange={(v) => v && p.onChange({ sort: v as CaseloadSort })}
        />
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {!p.mine && (
          <Select
            {...select}
            label="Consulent"
            data={[
              { value: 'alle', label: 'Alle consulenten' },
              ...p.consulenten,
              { value: 'geen', label: 'Niet toegewezen' },
            ]}
            value={p.filters.consulent}
            onChange={(v) => v && p.onChange({ consulent: v })}
          />
        )}
        <Select
          {...select}
          label="Wijk"
          data={[{ value: 'alle', label: 'Alle wijken' }, ...p.wijken]}
          value={p.filters.wijk}
          onChange={(v) => v && p.onChange({ wijk: v })}
        />
        <Select
          {...select}
          label="Soort signaal"
          data={PARTNER_OPTIONS}
          value={p.filters.partnerType}
          onChange={(v) => v && p.onChange({ partnerType: v as CaseloadFilters['partnerType'] })}
        />
        <Select
          {...select}
          label="Status"
          data={STATUS_OPTIONS}
          value={p.filters.status}
          onChange={(v) => v && p.onChange({ status: v as StatusFilter })}
        />
        <Select
          {...select}
          label="Leeftijd zaak"
          data={LEEFTIJD_OPTIONS}
          value={p.filters.leeftijd}
          onChange={(v) => v && p.onChange({ leeftijd: v as CaseloadFilters['leeftijd'] })}
        />
        <Select
          {...select}
          label="Volgende stap"
          data={[
            { value: 'alle', label: 'Alle stappen' },
            { value: 'huisbezoek', label: 'Toe aan huisbezoek' },
          ]}
          value={p.filters.stap}
          onChange={(v) => v && p.onChange({ stap: v as CaseloadFilters['stap'] })}
        />
      </Group>
    </Stack>
  )
}
