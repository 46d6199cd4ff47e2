import { useCallback, useEffect, useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
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
import { todayIso } from '../../components/localDate'
import { notifySaved } from '../../components/notify'
import { normalizeTime, TimeField } from '../../components/TimeField'
import { DuoSelect, duoIds } from './DuoSelect'
import { PartnersSection } from './PartnersSection'
import { VisitTable } from './VisitTable'

const FIELDS = ['datum', 'startTijd', 'duoUserId', 'duoPartnerId', 'caseIds']

/**
 * Plan announced home visits for a wijk on a day, and follow that day's visits. The cases offered
 * are exactly those whose plan says a visit is due (the definition Vandaag and the caseload use).
 * Opened from a case file or Vandaag: on that case's wijk, with only that case chosen.
 */
export function VisitsPage({ wijkId: fromWijk, caseId: fromCase }: { wijkId?: number; caseId?: number }) {
  const [settings, setSettings] = useState<SettingsView | null>(null)
  const [partners, setPartners] = useState<PartnerContactView[]>([])
  const [wijkId, setWijkId] = useState(fromWijk ? String(fromWijk) : '')
  const [datum, setDatum] = useState('')
  const [startTijd, setStartTijd] = useState('13:00')
  const [slot, setSlot] = useState<number>(30)
  const [duo, setDuo] = useState('')
  const [candidates, setCandidates] = useState<VisitCandidate[] | null>(null)
  const [chosen, setChosen] = useState<number[]>([])
  const [day, setDay] = useState<VisitDayView | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void call('settings.get', {}).then((s) => {
      setSettings(s)
      setWijkId((w) => w || String(s.wijken[0]?.id ?? ''))
    })
    void call('visits.partners', {}).then(setPartners)
  }, [])

  const iso = parseDutchDate(datum)
  const refreshDay = useCallback(async () => {
    if (!iso || !wijkId) return setDay(null)
    setDay(await call('visits.day', { datum: iso, wijkId: Number(wijkId) }))
  }, [iso, wijkId])
  useEffect(() => {
    void refreshDay().catch((e: unknown) => setErrors({ _: describeFailure(e).message }))
  }, [refreshDay])

  const loadCandidates = useCallback(async () => {
    if (!wijkId) return
    try {
      const c = await call('visits.candidates', { wijkId: Number(wijkId) })
      setCandidates(c)
      // From a case file or Vandaag: only that case; otherwise every case that is due.
      setChosen(fromCase && c.some((x) => x.caseId === fromCase) ? [fromCase] : c.map((x) => x.caseId))
    } catch (e) {
      setErrors({ _: describeFailure(e).message })
    }
  }, [wijkId, fromCase])
  useEffect(() => {
    void loadCandidates()
  }, [loadCandidates])

  const plan = async () => {
    setBusy(true)
    setErrors({})
    try {
      const d = await call('visits.plan', {
        wijkId: Number(wijkId),
        datum,
        startTijd: normalizeTime(startTijd),
        slotMinuten: slot,
        caseIds: chosen,
        ...duoIds(duo),
      })
      setDay(d)
      notifySaved(
        `${chosen.length} huisbezoek(en) gepland. De aankondigingsbrieven staan klaar om af te drukken.`,
      )
      await loadCandidates()
    } catch (e) {
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
    } finally {
      setBusy(false)
    }
  }

  const colleagues = settings?.medewerkers.filter((m) => m.actief && m.rol !== 'beheerder') ?? []
  const activePartners = partners.filter((p) => p.actief)
  const today = todayIso()
  const fieldError = FIELDS.some((k) => errors[k])

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>Huisbezoeken</Title>
      <Paper withBorder p="md" component="section" aria-label="Huisbezoeken plannen">
        <Stack gap="sm">
          <Title order={3}>Plannen</Title>
          <Group align="flex-start" wrap="wrap">
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
              error={errors.datum}
            />
            <TimeField
              label="Eerste bezoek om"
              w={150}
              value={startTijd}
              onChange={setStartTijd}
              error={errors.startTijd}
            />
            <NumberInput
              label="Minuten per bezoek"
              w={170}
              min={10}
              max={120}
              step={5}
              value={slot}
              onChange={(v) => setSlot(Number(v) || 30)}
            />
            <DuoSelect
              w={280}
              value={duo}
              onChange={setDuo}
              colleagues={colleagues}
              partners={activePartners}
              error={errors.duoUserId ?? errors.duoPartnerId}
            />
          </Group>
          {candidates && candidates.length === 0 && (
            <Text c="dimmed">
              Er zijn in deze wijk geen zaken die aan een huisbezoek toe zijn: bij geen enkele zaak staat een
              huisbezoek nu op het stappenplan.
            </Text>
          )}
          {candidates && candidates.length > 0 && (
            <>
              <Text size="sm">
                Toe aan een huisbezoek: {candidates.length} {candidates.length === 1 ? 'zaak' : 'zaken'},
                dezelfde als op Vandaag.
              </Text>
              <Table fz="sm" aria-label="Zaken voor een huisbezoek">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Plannen</Table.Th>
                    <Table.Th>Naam</Table.Th>
                    <Table.Th>Adres</Table.Th>
                    <Table.Th>Postcode</Table.Th>
                    <Table.Th>Stap</Table.Th>
                    <Table.Th>Gepland</Table.Th>
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
                      <Table.Td>
                        <Anchor href={routeHref({ name: 'zaak', id: c.caseId })}>{c.naam}</Anchor>
                      </Table.Td>
                      <Table.Td>{c.adres}</Table.Td>
                      <Table.Td>{c.postcode}</Table.Td>
                      <Table.Td>{c.stap}</Table.Td>
                      <Table.Td>
                        {c.datum < today ? (
                          <Badge color="red" variant="light" tt="none">
                            te laat: {formatDate(c.datum)}
                          </Badge>
                        ) : (
                          'vandaag'
                        )}
                      </Table.Td>
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
          {errors.caseIds && <Alert color="red">{errors.caseIds}</Alert>}
          {errors._ && !fieldError && <Alert color="red">{errors._}</Alert>}
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
