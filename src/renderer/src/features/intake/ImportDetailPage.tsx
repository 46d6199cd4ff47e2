import { useState } from 'react'
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Textarea } from '@mantine/core'
import type { ImportSignalView } from '@shared/api/intake'
import { NIET_DOORZETTEN_REDENEN, type NietDoorzettenReden } from '@shared/domain/ddas'
import { formatDate } from '@shared/format/dates'
import { formatCents } from '@shared/format/money'
import { ApiError } from '../../api/client'
import { routeHref } from '../../app/router'
import { shortPartnerLabel } from '../../components/partnerLabel'
import { notifySaved } from '../../components/notify'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { PageHeading } from '../../components/PageHeading'
import { Dialog } from '../../components/Dialog'

/** The signals of one import with the afwegingskader's proposal; the consulent may overrule it. */
export function ImportDetailPage({ importId }: { importId: number }) {
  // Read again after a decision (api/invalidation.ts).
  const rows = useApiQuery('intake.importSignals', { importId }).data ?? null
  const [deciding, setDeciding] = useState<ImportSignalView | null>(null)
  const [status, setStatus] = useState<NietDoorzettenReden>('Niet opgepakt: andere reden')
  const [reden, setReden] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const decideCall = useApiMutation('intake.decide')
  const busy = decideCall.isPending
  const guard = useDiscardGuard(reden.trim() !== '', () => {
    setDeciding(null)
    setReden('')
  })

  const decide = async () => {
    if (!deciding) return
    try {
      const doorzetten = deciding.besluit === 'niet'
      await decideCall.mutateAsync({
        signalId: deciding.signalId,
        doorzetten,
        ...(doorzetten ? {} : { status }),
        reden,
      })
      notifySaved(doorzetten ? 'Het signaal is alsnog doorgezet.' : 'Het signaal wordt niet doorgezet.')
      setDeciding(null)
    } catch (e) {
      setErrors(e instanceof ApiError ? { ...e.fields, _: e.message } : { _: 'Er ging iets mis.' })
    }
  }

  const followed = rows?.filter((r) => r.besluit === 'doorzetten').length ?? 0
  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between">
        <PageHeading>Signalen van inlezing {importId}</PageHeading>
        <Anchor href={routeHref({ name: 'inleesgeschiedenis' })}>Terug naar de inleesgeschiedenis</Anchor>
      </Group>
      {rows && (
        <Text>
          {followed} van {rows.length} signalen doorgezet
          {rows.length > 0 && ` (${Math.round((100 * followed) / rows.length)}%)`}. Het voorstel komt uit het
          afwegingskader; u kunt het met een reden overrulen.
        </Text>
      )}
      {rows && (
        <Table striped withTableBorder aria-label="Signalen van deze inlezing">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Regel</Table.Th>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Adres</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th ta="right">Bedrag</Table.Th>
              <Table.Th>Signaaldatum</Table.Th>
              <Table.Th>Kenmerken</Table.Th>
              <Table.Th>Voorstel</Table.Th>
              <Table.Th>Besluit</Table.Th>
              <Table.Th>Zaak</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.signalId}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>{r.naam}</Table.Td>
                <Table.Td>{r.adres}</Table.Td>
                <Table.Td>{shortPartnerLabel(r.partnerType)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatCents(r.bedragCents)}
                </Table.Td>
                <Table.Td>{formatDate(r.signaaldatum)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {r.meervoudig && <Badge size="sm">meervoudig</Badge>}
                    {r.opeenvolgend && (
                      <Badge size="sm" color="grape">
                        opeenvolgend
                      </Badge>
                    )}
                    {r.eerdereSignalen > 0 && (
                      <Badge size="sm" color="teal" title="Deze persoon kwam al eerder voor">
                        eerder bekend ({r.eerdereSignalen})
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.advies === 'doorzetten' ? 'Doorzetten' : 'Niet doorzetten'}</Text>
                  <Text size="xs" c="dimmed">
                    {r.adviesReden}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={r.besluit !== r.advies ? 700 : undefined}>
                    {r.besluit === 'doorzetten' ? 'Doorgezet' : (r.status ?? 'Niet doorgezet')}
                  </Text>
                  {r.overruleReden && (
                    <Text size="xs" c="dimmed">
                      Overruled: {r.overruleReden}
                    </Text>
                  )}
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => {
                      setDeciding(r)
                      setReden('')
                      setErrors({})
                    }}
                  >
                    {r.besluit === 'doorzetten' ? 'Toch niet doorzetten…' : 'Toch doorzetten…'}
                  </Button>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.caseId ? (
                    <Anchor href={routeHref({ name: 'zaak', id: r.caseId })}>{r.caseNumber}</Anchor>
                  ) : (
                    '-'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Dialog
        opened={!!deciding}
        onClose={guard.requestClose}
        title={deciding?.besluit === 'niet' ? 'Signaal toch doorzetten' : 'Signaal niet doorzetten'}
      >
        <DiscardQuestion guard={guard} />
        {deciding && (
          <Stack>
            <Text size="sm">
              {deciding.naam}, {shortPartnerLabel(deciding.partnerType)} {formatCents(deciding.bedragCents)}
            </Text>
            {deciding.besluit === 'doorzetten' && (
              <Select
                label="Signaalstatus (reden voor de monitor)"
                data={NIET_DOORZETTEN_REDENEN.map((s) => ({ value: s, label: s }))}
                value={status}
                onChange={(v) => v && setStatus(v as NietDoorzettenReden)}
                allowDeselect={false}
              />
            )}
            <Textarea
              label="Reden"
              value={reden}
              onChange={(e) => setReden(e.currentTarget.value)}
              error={errors.reden}
            />
            {errors._ && !errors.reden && <Text c="red">{errors._}</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={guard.requestClose}>
                Annuleren
              </Button>
              <Button loading={busy} onClick={() => void decide()}>
                Vastleggen
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
    </Stack>
  )
}
