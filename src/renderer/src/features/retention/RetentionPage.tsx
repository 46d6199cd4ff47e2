import { useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type {
  PurgeCounts,
  PurgePlan,
  RetentionKind,
  RetentionPeriods,
  RetentionRunView,
} from '@shared/api/retention'
import { formatDate, formatDateTime } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { useFormFrom } from '../../components/useFormFrom'
import { describeFailure } from '../../components/form-errors'
import { PageHeading } from '../../components/PageHeading'
import { Dialog } from '../../components/Dialog'

export const KIND_LABELS: Record<RetentionKind, string> = {
  nietDoorgezet: 'Signalen die niet zijn doorgezet',
  zonderHulp: 'Zaken afgesloten zonder hulp',
  metHulp: 'Zaken afgesloten met hulp',
}

const KIND_HELP: Record<RetentionKind, string> = {
  nietDoorgezet:
    'Signalen waar we niets mee deden, en zaken gesloten als "niet opgepakt". We tellen vanaf de dag dat het signaal binnenkwam. Vaak 6 maanden: zo herken je nog een herhaalde melding.',
  zonderHulp:
    'Zaken die zijn afgesloten zonder dat de bewoner hulp aannam. We tellen vanaf de dag van afsluiten. Vaak 12 maanden.',
  metHulp: 'Zaken waarin de bewoner hulp aannam. We tellen vanaf de dag van afsluiten. Vaak 18 maanden.',
}

export const COUNT_LABELS: Record<keyof PurgeCounts, string> = {
  signalen: 'Signalen',
  zaken: 'Zaken',
  bewoners: 'Bewoners',
  huishoudens: 'Adressen',
  contactpogingen: 'Contactpogingen',
  notities: 'Notities',
  huisbezoeken: 'Huisbezoeken',
  afspraken: 'Afspraken',
  inloopbezoeken: 'Bezoeken inloopspreekuur',
  documenten: 'Brieven en kaartjes',
  importregels: 'Regels uit inleesbestanden',
}

function CountsTable({ counts, caption }: { counts: PurgeCounts; caption: string }) {
  const rows = (Object.keys(COUNT_LABELS) as (keyof PurgeCounts)[]).filter((k) => counts[k] > 0)
  if (!rows.length) return <Text size="sm">Er is niets verlopen. Er wordt niets verwijderd.</Text>
  return (
    <Table withTableBorder w="auto" aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Soort gegevens</Table.Th>
          <Table.Th ta="right">Aantal</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((k) => (
          <Table.Tr key={k}>
            <Table.Td>{COUNT_LABELS[k]}</Table.Td>
            <Table.Td ta="right">{counts[k].toLocaleString('nl-NL')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

const SINGULAR: Record<keyof PurgeCounts, string> = {
  signalen: 'signaal',
  zaken: 'zaak',
  bewoners: 'bewoner',
  huishoudens: 'adres',
  contactpogingen: 'contactpoging',
  notities: 'notitie',
  huisbezoeken: 'huisbezoek',
  afspraken: 'afspraak',
  inloopbezoeken: 'bezoek inloopspreekuur',
  documenten: 'brief of kaartje',
  importregels: 'regel uit een inleesbestand',
}

/** "3 zaken, 1 bewoner": the counts above zero, in words. */
export const countsPhrase = (c: PurgeCounts) =>
  (Object.keys(COUNT_LABELS) as (keyof PurgeCounts)[])
    .filter((k) => c[k] > 0)
    .map((k) => `${c[k].toLocaleString('nl-NL')} ${c[k] === 1 ? SINGULAR[k] : COUNT_LABELS[k].toLowerCase()}`)
    .join(', ')

const runSummary = (r: RetentionRunView) => (r.totaal === 0 ? 'Niets verlopen' : countsPhrase(r.aantallen))

/** Bewaartermijnen: the periods, a purge by hand with a preview first, and every run so far. */
export function RetentionPage() {
  const retention = useApiQuery('retention.get', {})
  const view = retention.data ?? null
  const [form, setForm] = useState<RetentionPeriods | null>(null)
  // The form shows the periods main stored: when loaded, and again after a save or a purge.
  useFormFrom(view ?? undefined, (v) => setForm(v.periods))
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [actionError, setError] = useState<string | null>(null)
  const error = actionError ?? (retention.error ? describeFailure(retention.error).message : null)
  const [saved, setSaved] = useState(false)
  const [plan, setPlan] = useState<PurgePlan | null>(null)
  const saveCall = useApiMutation('retention.save')
  const previewCall = useApiMutation('retention.preview')
  const purgeCall = useApiMutation('retention.purge')
  const busy = previewCall.isPending || purgeCall.isPending
  const [done, setDone] = useState<RetentionRunView | null>(null)

  const save = async () => {
    if (!form) return
    try {
      await saveCall.mutateAsync(form)
      setFieldErrors({})
      setError(null)
      setSaved(true)
    } catch (e) {
      const f = describeFailure(e)
      // A field's own message shows under the field; the alert only for other problems.
      setError(Object.keys(f.fields).length ? null : f.message)
      setFieldErrors(f.fields)
      setSaved(false)
    }
  }

  const preview = async () => {
    setDone(null)
    try {
      setPlan(await previewCall.mutateAsync({}))
    } catch (e) {
      setError(describeFailure(e).message)
    }
  }

  const purge = async () => {
    try {
      // The periods and runs are read again before this resolves (api/invalidation.ts).
      setDone(await purgeCall.mutateAsync({}))
      setPlan(null)
    } catch (e) {
      setError(describeFailure(e).message)
    }
  }

  if (!view || !form) return error ? <Alert color="red">{error}</Alert> : null
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <PageHeading>Bewaartermijnen</PageHeading>
        <Text c="dimmed" size="sm">
          Gegevens over bewoners bewaren we niet langer dan nodig. Na de bewaartermijn worden namen, adressen,
          geboortedata, telefoonnummers, notities en brieven echt verwijderd. Dat gebeurt elke dag vanzelf. De
          cijfers van de monitor blijven kloppen: die bewaren we zonder namen.
        </Text>
      </div>
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3}>Termijnen</Title>
          {(Object.keys(KIND_LABELS) as RetentionKind[]).map((k) => (
            <NumberInput
              key={k}
              label={`${KIND_LABELS[k]} (maanden)`}
              description={KIND_HELP[k]}
              min={1}
              max={120}
              allowDecimal={false}
              clampBehavior="none"
              w={560}
              value={form[k]}
              error={fieldErrors[k]}
              onChange={(v) => {
                setSaved(false)
                setForm({ ...form, [k]: typeof v === 'number' ? v : Number(v) })
              }}
            />
          ))}
          <Text size="sm" c="dimmed">
            Kies tussen 1 en 120 maanden. Zaken die nog lopen worden nooit verwijderd. Let op: met het adres
            verdwijnt ook de wens van een bewoner om niet meer benaderd te worden.
          </Text>
          <Group>
            <Button onClick={() => void save()}>Termijnen opslaan</Button>
            {saved && <Text c="teal">Opgeslagen.</Text>}
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3}>Nu opschonen</Title>
          <Text size="sm">
            Wil je niet wachten tot de volgende keer dat het vanzelf gebeurt? Bekijk eerst wat er verwijderd
            wordt.
          </Text>
          <Group>
            <Button variant="default" loading={busy && !plan} onClick={() => void preview()}>
              Nu opschonen
            </Button>
          </Group>
          {done && (
            <Alert color="teal" title="Opgeschoond">
              {runSummary(done)}.
            </Alert>
          )}
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={3}>Eerdere keren</Title>
        {view.runs.length === 0 ? (
          <Text size="sm">Er is nog niet opgeschoond.</Text>
        ) : (
          <Table striped withTableBorder aria-label="Eerdere keren opgeschoond">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Wanneer</Table.Th>
                <Table.Th>Hoe</Table.Th>
                <Table.Th>Termijnen</Table.Th>
                <Table.Th>Verwijderd</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.runs.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.op)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.soort === 'automatisch' ? 'Vanzelf' : `Door ${r.door ?? 'onbekend'}`}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.termijnen.map((t) => `${t.maanden}`).join(' / ')} mnd
                  </Table.Td>
                  <Table.Td>{runSummary(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          Termijnen in maanden: niet doorgezet / zonder hulp / met hulp.
        </Text>
      </Stack>
      <Dialog opened={!!plan} onClose={() => setPlan(null)} title="Wat wordt er verwijderd?" size="lg">
        {plan && (
          <Stack gap="sm">
            <Table withTableBorder aria-label="Termijnen en grensdatum">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Soort</Table.Th>
                  <Table.Th>Ouder dan</Table.Th>
                  <Table.Th ta="right">Zaken</Table.Th>
                  <Table.Th ta="right">Signalen</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.termijnen.map((t) => (
                  <Table.Tr key={t.soort}>
                    <Table.Td>
                      {KIND_LABELS[t.soort]} ({t.maanden} mnd)
                    </Table.Td>
                    <Table.Td>{formatDate(t.grens)}</Table.Td>
                    <Table.Td ta="right">{t.zaken}</Table.Td>
                    <Table.Td ta="right">{t.signalen}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <CountsTable counts={plan.aantallen} caption="Wat verwijderd wordt" />
            {plan.totaal > 0 && (
              <Text size="sm">Verwijderen kan niet ongedaan worden gemaakt. De monitor blijft gelijk.</Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPlan(null)}>
                Annuleren
              </Button>
              {plan.totaal > 0 && (
                <Button color="red" loading={busy} onClick={() => void purge()}>
                  Ja, verwijder {plan.totaal.toLocaleString('nl-NL')} regels
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Dialog>
    </Stack>
  )
}
