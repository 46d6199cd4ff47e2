import { useState, type ReactNode } from 'react'
import { Badge, Group, Select, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { DossierView } from '@shared/api/dossier'
import { formatDate } from '@shared/format/dates'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import type { Option } from '../../components/useTeamLists'
import { ZaakStatusBadge } from '../../components/ZaakStatusBadge'
import { PageHeading } from '../../components/PageHeading'
import type { CaseVersion } from './caseVersion'

const NOBODY = 'geen'

interface Props {
  dossier: DossierView
  /** The version of the case file the user read (caseVersion.ts). */
  version: CaseVersion
  consulenten: Option[]
  onChange(d: DossierView): void
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw="var(--mantine-font-weight-medium)">
        {label}
      </Text>
      <Text size="sm" lh="36px">
        {children}
      </Text>
    </Stack>
  )
}

/** Case number, status and who handles the case; the consulent can be changed here. */
export function DossierHeader({ dossier: d, version, consulenten, onChange }: Props) {
  const assignCall = useApiMutation('dossier.assign')
  const assigning = assignCall.isPending
  const [assignError, setAssignError] = useState<string | null>(null)
  // The people this case is about: those named in its own signals, oldest signal first (the
  // household may also hold earlier occupants from earlier cases).
  const inCase = [...d.signalen]
    .reverse()
    .filter((s) => s.inDezeZaak)
    .map((s) => s.bewonerNaam)
  const names = [...new Set(inCase.length ? inCase : d.bewoners.map((b) => b.naam))]
  const hoofdbewoner = names[0]

  // A former consulent still shows as the current one, even if no longer in the list to choose from.
  const options = [...consulenten]
  if (d.consulent && !options.some((o) => o.value === String(d.consulent!.id)))
    options.push({ value: String(d.consulent.id), label: d.consulent.naam })
  options.push({ value: NOBODY, label: 'Niet toegewezen' })

  const assign = async (value: string | null) => {
    if (!value) return
    const consulentId = value === NOBODY ? null : Number(value)
    if (consulentId === (d.consulent?.id ?? null)) return
    setAssignError(null)
    try {
      // One choice on what the header shows: it carries the version shown.
      const next = await assignCall.mutateAsync({ caseId: d.id, versie: d.versie, consulentId })
      onChange(next)
      notifications.show({
        color: 'teal',
        message: next.consulent
          ? `Zaak ${d.caseNumber} staat nu op naam van ${next.consulent.naam}.`
          : `Zaak ${d.caseNumber} is niet meer toegewezen.`,
      })
    } catch (e) {
      version.refused(e)
      setAssignError(describeFailure(e).message)
    }
  }

  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        <PageHeading>Zaak {d.caseNumber}</PageHeading>
        <ZaakStatusBadge status={d.status} size="lg" />
        {d.demo && (
          <Badge color="orange" variant="filled" tt="none" size="lg" title="Verzonnen gegevens om te oefenen">
            Demo
          </Badge>
        )}
      </Group>
      {hoofdbewoner && (
        <Text size="lg">
          {hoofdbewoner}
          {names.length > 1
            ? ` en ${names.length - 1} ${names.length === 2 ? 'andere bewoner' : 'andere bewoners'}`
            : ''}
          <Text span c="dimmed">
            {' · '}
            {d.adres.straat} {d.adres.huisnummer}, {d.adres.plaats}
          </Text>
        </Text>
      )}
      <Group gap="xl" align="flex-end" wrap="wrap">
        <Select
          label="Consulent"
          w={240}
          data={options}
          value={d.consulent ? String(d.consulent.id) : NOBODY}
          onChange={(v) => void assign(v)}
          allowDeselect={false}
          disabled={assigning}
          error={assignError}
        />
        <Fact label="Wijk">{d.wijk?.naam ?? 'Geen wijk'}</Fact>
        <Fact label="Opgepakt op">{formatDate(d.datumOpgepakt)}</Fact>
        {d.geslotenOp && <Fact label="Gesloten op">{formatDate(d.geslotenOp)}</Fact>}
        {d.resultaat && <Fact label="Resultaat">{d.resultaat}</Fact>}
      </Group>
    </Stack>
  )
}
