import { useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import type { PersonDeleteResult, PersonMatch } from '@shared/api/retention'
import { formatDate } from '@shared/format/dates'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { saveFile } from '../monitor/download'
import { countsPhrase } from './RetentionPage'
import { PageHeading } from '../../components/PageHeading'
import { Dialog } from '../../components/Dialog'

/**
 * Inzage- en verwijderverzoek: a resident asks what we keep about them, or asks us to delete it.
 * Find the person, download everything (a readable text and a JSON file), delete what may go.
 */
export function PersonRequestPage() {
  const [mode, setMode] = useState<'naam' | 'bsn'>('naam')
  const [achternaam, setAchternaam] = useState('')
  const [geboortedatum, setGeboortedatum] = useState('')
  const [bsn, setBsn] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [matches, setMatches] = useState<PersonMatch[] | null>(null)
  const [chosen, setChosen] = useState<number[]>([])
  const [exported, setExported] = useState<string | null>(null)
  const [confirm, setConfirm] = useState(false)
  const [deleted, setDeleted] = useState<PersonDeleteResult | null>(null)
  const exportPerson = useApiMutation('retention.exportPerson')
  const deletePerson = useApiMutation('retention.deletePerson')
  const busy = exportPerson.isPending || deletePerson.isPending

  // A search on request (the form's button), not a screen's standing question: an action.
  const findPerson = useApiMutation('retention.findPerson')
  const search = async () => {
    setError(null)
    setExported(null)
    setDeleted(null)
    try {
      const found = await findPerson.mutateAsync(mode === 'naam' ? { achternaam, geboortedatum } : { bsn })
      setMatches(found)
      setChosen(found.map((m) => m.residentId))
      setFieldErrors({})
    } catch (e) {
      const f = describeFailure(e)
      setError(Object.keys(f.fields).length ? null : f.message)
      setFieldErrors(f.fields)
    }
  }

  const download = async () => {
    try {
      const out = await exportPerson.mutateAsync({ residentIds: chosen })
      saveFile(out.tekst)
      saveFile(out.json)
      const n = Object.values(out.aantallen).reduce((a, b) => a + b, 0)
      setExported(`${out.tekst.fileName} en ${out.json.fileName} zijn gedownload (${n} regels).`)
    } catch (e) {
      setError(describeFailure(e).message)
    }
  }

  const remove = async () => {
    try {
      setDeleted(await deletePerson.mutateAsync({ residentIds: chosen }))
      setMatches(null)
      setChosen([])
    } catch (e) {
      setError(describeFailure(e).message)
    } finally {
      setConfirm(false)
    }
  }

  const anyOpen = (matches ?? []).some((m) => chosen.includes(m.residentId) && m.zaken.some((z) => z.open))

  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <PageHeading>Inzage- en verwijderverzoek</PageHeading>
        <Text c="dimmed" size="sm">
          Een bewoner mag weten welke gegevens we over hem of haar bewaren, en mag vragen die te verwijderen.
          Zoek de bewoner op. Download alles wat we weten, of verwijder het. Zolang er een zaak loopt, kan
          verwijderen nog niet.
        </Text>
      </div>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void search()
          }}
        >
          <Stack gap="sm">
            <SegmentedControl
              w={360}
              value={mode}
              onChange={(v) => setMode(v as 'naam' | 'bsn')}
              data={[
                { value: 'naam', label: 'Naam en geboortedatum' },
                { value: 'bsn', label: 'BSN' },
              ]}
            />
            <Group align="flex-start">
              {mode === 'naam' ? (
                <>
                  <TextInput
                    label="Achternaam"
                    w={240}
                    value={achternaam}
                    error={fieldErrors.achternaam}
                    onChange={(e) => setAchternaam(e.currentTarget.value)}
                  />
                  <TextInput
                    label="Geboortedatum"
                    placeholder="dd-mm-jjjj"
                    w={150}
                    value={geboortedatum}
                    error={fieldErrors.geboortedatum}
                    onChange={(e) => setGeboortedatum(e.currentTarget.value)}
                  />
                </>
              ) : (
                <TextInput
                  label="BSN"
                  w={200}
                  value={bsn}
                  error={fieldErrors.bsn}
                  onChange={(e) => setBsn(e.currentTarget.value)}
                />
              )}
              <Button type="submit" mt={25}>
                Zoeken
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {error && (
        <Alert color="red" title="Dat lukte niet" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {deleted && (
        <Alert color="teal" title="Gegevens verwijderd">
          {countsPhrase(deleted.aantallen)}.
          {deleted.gedeeldeZaken.length > 0 &&
            ` Zaak ${deleted.gedeeldeZaken.join(', ')} blijft bestaan voor een huisgenoot, zonder de gegevens van deze bewoner.`}{' '}
          De cijfers van de monitor blijven gelijk.
        </Alert>
      )}
      {matches && matches.length === 0 && <Text>Niemand gevonden. Controleer de spelling of de datum.</Text>}
      {matches && matches.length > 0 && (
        <Stack gap="sm">
          <Text size="sm">
            Gevonden: {matches.length} {matches.length === 1 ? 'registratie' : 'registraties'}. Vink uit wat
            niet bij deze bewoner hoort.
          </Text>
          <Table withTableBorder aria-label="Gevonden bewoners">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <VisuallyHidden>Kiezen</VisuallyHidden>
                </Table.Th>
                <Table.Th>Naam</Table.Th>
                <Table.Th>Geboren</Table.Th>
                <Table.Th>Adres</Table.Th>
                <Table.Th>Zaken</Table.Th>
                <Table.Th ta="right">Signalen</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matches.map((m) => (
                <Table.Tr key={m.residentId}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${m.naam} kiezen`}
                      checked={chosen.includes(m.residentId)}
                      onChange={(e) =>
                        setChosen(
                          e.currentTarget.checked
                            ? [...chosen, m.residentId]
                            : chosen.filter((id) => id !== m.residentId),
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>{m.naam}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.geboortedatum)}</Table.Td>
                  <Table.Td>{m.adres}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.zaken.length === 0 && '–'}
                      {m.zaken.map((z) => (
                        <Badge key={z.id} variant="light" color={z.open ? 'orange' : 'gray'}>
                          {z.caseNumber}
                          {z.open ? ' (loopt)' : ''}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{m.signalen}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button disabled={!chosen.length} loading={busy && !confirm} onClick={() => void download()}>
              Alle gegevens downloaden
            </Button>
            <Button color="red" variant="outline" disabled={!chosen.length} onClick={() => setConfirm(true)}>
              Gegevens verwijderen
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Je krijgt twee bestanden: een overzicht om te lezen of te printen (tekst) en een volledig bestand
            voor een computer (JSON).
          </Text>
          {exported && <Alert color="teal">{exported}</Alert>}
          {anyOpen && (
            <Text size="sm" c="orange.8">
              Er loopt nog een zaak. Verwijderen kan pas als die zaak is afgesloten.
            </Text>
          )}
        </Stack>
      )}
      <Dialog opened={confirm} onClose={() => setConfirm(false)} title="Gegevens verwijderen?">
        <Stack gap="sm">
          <Text size="sm">
            Alle signalen, zaken, notities, contactpogingen, brieven en het adres van deze bewoner worden
            verwijderd. Dit kan niet ongedaan worden gemaakt. Download eerst de gegevens als de bewoner die
            ook wil zien.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              Annuleren
            </Button>
            <Button color="red" loading={busy} onClick={() => void remove()}>
              Ja, verwijderen
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  )
}
