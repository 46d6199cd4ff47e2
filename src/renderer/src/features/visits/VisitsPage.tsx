import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { PartnerContactView, VisitCandidate, VisitDayView } from '@shared/api/visits'
import type { SettingsView } from '@shared/api/settings'
import { formatDate, parseDutchDate } from '@shared/format/dates'
import { call } from '../../api/client'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'
import { PartnersSection } from './PartnersSection'
import { VisitTable } from './VisitTable'

/** Plan announced home visits for a wijk on a day, and follow that day's visits. */
export function VisitsPage() {
  const [settings, setSettings] = useState<SettingsView | null>(null)
  const [partners, setPartners] = useState<PartnerContactView[]>([])
  const [wijkId, setWijkId] = useState('')
  const [datum, setDatum] = useState('')
  const [startTijd, setStartTijd] = useState('13:00')
  const [slot, setSlot] = useState<number>(30)
  const [duo, setDuo] = useState('')
  const [candidates, setCandidates] = useState<VisitCandidate[] | null>(null)
  const [chosen, setChosen] = useState<number[]>([])
  const [day, setDay] = useState<VisitDayView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void call('settings.get', {}).then((s) => {
      setSettings(s)
      setWijkId(String(s.wijken[0]?.id ?? ''))
    })
    void call('visits.partners', {}).then(setPartners)
  }, [])

  const iso = parseDutchDate(datum)
  const refreshDay = useCallback(async () => {
    if (!iso || !wijkId) return setDay(null)
    setDay(await call('visits.day', { datum: iso, wijkId: Number(wijkId) }))
  }, [iso, wijkId])
  useEffect(() => {
    void refreshDay().catch((e: unknown) => setError(describeFailure(e).message))
  }, [refreshDay])

  const find = async () => {
    setError(null)
    try {
      const c = await call('visits.candidates', { wijkId: Number(wijkId), datum })
      setCandidates(c)
      setChosen(c.map((x) => x.caseId))
    } catch (e) {
      const f = describeFailure(e)
      setError(Object.values(f.fields)[0] ?? f.message)
    }
  }

  const plan = async () => {
    setBusy(true)
    setError(null)
    try {
      const [kind, id] = duo.split(':')
      const d = await call('visits.plan', {
        wijkId: Number(wijkId),
        datum,
        startTijd,
        slotMinuten: slot,
        caseIds: chosen,
        duoUserId: kind === 'u' ? Number(id) : null,
        duoPartnerId: kind === 'p' ? Number(id) : null,
      })
      setDay(d)
      setCandidates(null)
      notifySaved(
        `${chosen.length} huisbezoek(en) gepland. De aankondigingsbrieven staan klaar om af te drukken.`,
      )
    } catch (e) {
      const f = describeFailure(e)
      setError(Object.values(f.fields)[0] ?? f.message)
    } finally {
      setBusy(false)
    }
  }

  const colleagues = settings?.medewerkers.filter((m) => m.actief) ?? []
  const activePartners = partners.filter((p) => p.actief)

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>Huisbezoeken</Title>
      <Paper withBorder p="md" component="section" aria-label="Huisbezoeken plannen">
        <Stack gap="sm">
          <Title order={3}>Plannen</Title>
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label="Wijk"
              w={200}
              value={wijkId}
              data={settings?.wijken.map((w) => ({ value: String(w.id), label: w.naam })) ?? []}
              onChange={(e) => setWijkId(e.currentTarget.value)}
            />
            <TextInput
              label="Datum"
              placeholder="dd-mm-jjjj"
              w={140}
              value={datum}
              onChange={(e) => setDatum(e.currentTarget.value)}
            />
            <TextInput
              label="Eerste bezoek om"
              w={130}
              value={startTijd}
              onChange={(e) => setStartTijd(e.currentTarget.value)}
            />
            <NumberInput
              label="Minuten per bezoek"
              w={150}
              min={10}
              max={120}
              step={5}
              value={slot}
              onChange={(v) => setSlot(Number(v) || 30)}
            />
            <NativeSelect
              label="Gaat mee (duo)"
              w={280}
              value={duo}
              onChange={(e) => setDuo(e.currentTarget.value)}
              data={[
                { value: '', label: 'Kies…' },
                { group: 'Collega', items: colleagues.map((c) => ({ value: `u:${c.id}`, label: c.naam })) },
                {
                  group: 'Ketenpartner',
                  items: activePartners.map((p) => ({
                    value: `p:${p.id}`,
                    label: `${p.naam} (${p.organisatie})`,
                  })),
                },
              ]}
            />
            <Button variant="default" onClick={() => void find()} disabled={!wijkId || !iso}>
              Zaken zoeken
            </Button>
          </Group>
          {candidates && candidates.length === 0 && (
            <Text c="dimmed">Er zijn in deze wijk geen zaken die aan een huisbezoek toe zijn.</Text>
          )}
          {candidates && candidates.length > 0 && (
            <>
              <Table fz="sm" aria-label="Zaken voor een huisbezoek">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Plannen</Table.Th>
                    <Table.Th>Naam</Table.Th>
                    <Table.Th>Adres</Table.Th>
                    <Table.Th>Postcode</Table.Th>
                    <Table.Th>Stap</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {candidates.map((c) => (
                    <Table.Tr key={c.caseId}>
                      <Table.Td>
                        <Checkbox
                          aria-label={`${c.naam} plannen`}
                          checked={chosen.includes(c.caseId)}
                          onChange={(e) =>
                            setChosen(
                              e.currentTarget.checked
                                ? [...chosen, c.caseId]
                                : chosen.filter((x) => x !== c.caseId),
                            )
                          }
                        />
                      </Table.Td>
                      <Table.Td>{c.naam}</Table.Td>
                      <Table.Td>{c.adres}</Table.Td>
                      <Table.Td>{c.postcode}</Table.Td>
                      <Table.Td>{c.stap}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group>
                <Button loading={busy} disabled={chosen.length === 0} onClick={() => void plan()}>
                  Huisbezoeken plannen
                </Button>
                <Text size="sm" c="dimmed">
                  In volgorde van de route (postcode en huisnummer). De aankondigingsbrief komt in de
                  afdrukwachtrij.
                </Text>
              </Group>
            </>
          )}
          {error && <Alert color="red">{error}</Alert>}
        </Stack>
      </Paper>
      {day && iso && (
        <Paper withBorder p="md" component="section" aria-label="Bezoeken op deze dag">
          <Group justify="space-between" mb="xs">
            <Title order={3}>Bezoeken op {formatDate(iso)}</Title>
            {day.bezoeken.length > 0 && (
              <Anchor href={routeHref({ name: 'bezoeklijst', datum: iso, wijkId: Number(wijkId) })}>
                Daglijst afdrukken
              </Anchor>
            )}
          </Group>
          <VisitTable day={day} onChange={setDay} />
        </Paper>
      )}
      <PartnersSection partners={partners} onChange={setPartners} />
    </Stack>
  )
}
