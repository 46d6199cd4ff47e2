import { useState } from 'react'
import { Alert, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import type { BackupCheck, BackupRow, BackupSoort } from '@shared/api/backup'
import { formatDateTime } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { useAppStatus } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'
import { notifyFailed } from '../../components/notify'
import { PageHeading } from '../../components/PageHeading'
import { Dialog } from '../../components/Dialog'

const SOORT_LABEL: Record<BackupSoort, string> = {
  automatisch: 'Automatisch',
  handmatig: 'Met de hand',
  'voor-terugzetten': 'Vóór terugzetten',
}

/** Date and time to the second: several backups can be made in one minute. */
function moment(instant: string): string {
  const seconds = String(new Date(instant).getSeconds()).padStart(2, '0')
  return `${formatDateTime(instant)}:${seconds}`
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('nl-NL')} kB`
  return `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`
}

/**
 * Back-ups (beheerder): the encrypted, checked backups in the data folder; make one now, check
 * one again, or put one back after a confirmation that says what will be lost. A team server on
 * PostgreSQL keeps encrypted exports instead (`vorm: 'export'`): made and checked here too, but
 * put back by IT with the command line while the server is stopped, so no restore button.
 */
export function BackupsPage() {
  const { refresh } = useAppStatus()
  const list = useApiQuery('backup.list', {})
  const data = list.data ?? null
  const error = list.error ? describeFailure(list.error).message : null
  const create = useApiMutation('backup.create')
  const check = useApiMutation('backup.check')
  const restoreCall = useApiMutation('backup.restore')
  const busy = create.isPending || restoreCall.isPending
  const exports = data?.vorm === 'export'
  const [made, setMade] = useState<BackupRow | null>(null)
  const [checks, setChecks] = useState<Record<string, BackupCheck>>({})
  const [confirm, setConfirm] = useState<BackupRow | null>(null)
  const [restored, setRestored] = useState<{ van: string; veiligheid: string } | null>(null)

  const makeNow = async () => {
    try {
      // The list is read again before this resolves (api/invalidation.ts).
      const b = await create.mutateAsync({})
      setMade(b)
      setRestored(null)
    } catch (e) {
      notifyFailed('Back-up niet gemaakt', describeFailure(e).message)
    }
  }

  const checkOne = async (b: BackupRow) => {
    try {
      const result = await check.mutateAsync({ naam: b.naam })
      setChecks((c) => ({ ...c, [b.naam]: result }))
    } catch (e) {
      notifyFailed('Controle mislukt', describeFailure(e).message)
    }
  }

  const restore = async (b: BackupRow) => {
    try {
      // Every answer on screen is read again (api/invalidation.ts).
      const result = await restoreCall.mutateAsync({ naam: b.naam })
      setConfirm(null)
      setMade(null)
      setRestored({
        van: moment(result.teruggezet.gemaakt),
        veiligheid: moment(result.veiligheidsBackup.gemaakt),
      })
      // The restored data may not know who is signed in, or may have other settings.
      await refresh()
    } catch (e) {
      setConfirm(null)
      notifyFailed('Terugzetten niet gelukt', describeFailure(e).message)
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageHeading>Back-ups</PageHeading>
          {exports ? (
            <Text c="dimmed" size="sm" maw={720}>
              De teamserver bewaart de gegevens in een PostgreSQL-database. Lange Adem maakt elke dag een
              export van alle gegevens als back-up. Elke export is versleuteld met de sleutel van de
              teamserver en wordt na het maken gecontroleerd. De nieuwste {data?.bewaard ?? 14} blijven
              bewaard.
            </Text>
          ) : (
            <Text c="dimmed" size="sm" maw={720}>
              Lange Adem maakt elke dag een back-up. Elke back-up is versleuteld met dezelfde sleutel als de
              gegevens en wordt na het maken gecontroleerd. De nieuwste {data?.bewaard ?? 14} blijven bewaard.
            </Text>
          )}
        </div>
        <Button
          onClick={() => void makeNow()}
          loading={busy && !confirm}
          disabled={data?.beschikbaar === false}
        >
          Nu een back-up maken
        </Button>
      </Group>

      {error && <Alert color="red">{error}</Alert>}
      {made && (
        <Alert color="teal" title="Back-up gemaakt">
          {exports ? 'De export' : 'De back-up'} van {moment(made.gemaakt)} is versleuteld en gecontroleerd.
        </Alert>
      )}
      {restored && (
        <Alert color="teal" title="Back-up teruggezet">
          De gegevens zijn weer zoals op {restored.van}. De gegevens van vlak ervoor staan in de back-up van{' '}
          {restored.veiligheid}.
        </Alert>
      )}
      {data && !data.beschikbaar && (
        <Alert color="gray">
          {exports
            ? 'De teamserver heeft geen sleutel voor de back-ups. Vraag IT de server te starten met een sleutelbestand (zie de handleiding voor IT).'
            : 'Deze gegevens staan alleen in het geheugen; er zijn geen back-ups.'}
        </Alert>
      )}
      {exports && data.beschikbaar && (
        <Alert color="blue" title="Terugzetten doet IT">
          Een export zet je niet terug in Lange Adem zelf. IT zet hem terug met de opdrachtregel
          (import-export), in een lege database, terwijl de teamserver stilstaat. Daarna werkt het team verder
          met de gegevens van dat moment. Wil je een back-up terug? Vraag het aan IT.
        </Alert>
      )}
      {data?.beschikbaar && data.backups.length === 0 && (
        <Alert color="orange">Er is nog geen back-up. Maak er nu een.</Alert>
      )}

      {data && data.backups.length > 0 && (
        <Table striped highlightOnHover aria-label="Back-ups" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Gemaakt op</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Grootte</Table.Th>
              <Table.Th>Controle</Table.Th>
              <Table.Th>
                <VisuallyHidden>Acties</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.backups.map((b) => {
              const check = checks[b.naam]
              return (
                <Table.Tr key={b.naam}>
                  <Table.Td>{moment(b.gemaakt)}</Table.Td>
                  <Table.Td>{SOORT_LABEL[b.soort]}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{size(b.bytes)}</Table.Td>
                  <Table.Td>
                    {check ? (
                      check.ok ? (
                        <Badge color="teal" variant="light">
                          Zojuist gecontroleerd: in orde
                        </Badge>
                      ) : (
                        <Badge color="red" variant="light" title={check.probleem ?? ''}>
                          Beschadigd
                        </Badge>
                      )
                    ) : (
                      <Badge color="teal" variant="light">
                        Gecontroleerd
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => void checkOne(b)}>
                        Opnieuw controleren
                      </Button>
                      {!exports && (
                        <Button size="xs" color="orange" variant="light" onClick={() => setConfirm(b)}>
                          Terugzetten
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}

      {confirm && (
        <Dialog opened onClose={() => !busy && setConfirm(null)} title="Back-up terugzetten?" size="lg">
          <Stack gap="md">
            <Text>
              De gegevens gaan terug naar de stand van <strong>{moment(confirm.gemaakt)}</strong>.
            </Text>
            <Alert color="orange" title="Dit gaat verloren">
              Alles wat het team na {moment(confirm.gemaakt)} heeft gedaan: nieuwe signalen en zaken,
              contactpogingen, notities, brieven en wijzigingen in de instellingen. Iedereen die nu met Lange
              Adem werkt, ziet daarna de oude gegevens.
            </Alert>
            <Text size="sm">
              Lange Adem maakt eerst een back-up van de gegevens zoals ze nu zijn. Zo kun je dit terugdraaien.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)} disabled={busy}>
                Annuleren
              </Button>
              <Button color="orange" loading={busy} onClick={() => void restore(confirm)}>
                Ja, zet deze back-up terug
              </Button>
            </Group>
          </Stack>
        </Dialog>
      )}
    </Stack>
  )
}
