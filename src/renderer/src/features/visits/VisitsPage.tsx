import { useState } from 'react'
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
import type { VisitCandidate } from '@shared/api/visits'
import { formatDate, parseDutchDate } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { routeHref } from '../../app/router'
import { describeFailure } from '../../components/form-errors'
import { todayIso } from '../../components/localDate'
import { notifySaved } from '../../components/notify'
import { normalizeTime, TimeField } from '../../components/TimeField'
import { DuoSelect, duoIds } from './DuoSelect'
import { PartnersSection } from './PartnersSection'
import { VisitTable } from './VisitTable'
import { PageHeading } from '../../components/PageHeading'

const FIELDS = ['datum', 'startTijd', 'duoUserId', 'duoPartnerId', 'caseIds']

/**
 * Plan announced home visits for a wijk on a day, and follow that day's visits. The cases offered
 * are exactly those whose plan says a visit is due (the definition Vandaag and the caseload use).
 * Opened from a case file or Vandaag: on that case's wijk, with only that case chosen.
 */
export function VisitsPage({ wijkId: fromWijk, caseId: fromCase }: { wijkId?: number; caseId?: number }) {
  const settings = useApiQuery('settings.get', {}).data ?? null
  const partnersQuery = useApiQuery('visits.partners', {})
  const partners = partnersQuery.data ?? []
  // The wijk chosen here, else the one the page was opened on, else the team's first.
  const [chosenWijk, setWijkId] = useState(fromWijk ? String(fromWijk) : '')
  const wijkId = chosenWijk || String(settings?.wijken[0]?.id ?? '')
  const [datum, setDatum] = useState('')
  const [startTijd, setStartTijd] = useState('13:00')
  const [slot, setSlot] = useState<number>(30)
  const [duo, setDuo] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const planVisits = useApiMutation('visits.plan')
  const busy = planVisits.isPending

  const iso = parseDutchDate(datum)
  const dayQuery = useApiQuery(
    'visits.day',
    { datum: iso ?? '', wijkId: Number(wijkId) },
    { enabled: !!iso && !!wijkId },
  )
  const day = iso && wijkId ? (dayQuery.data ?? null) : null
  // Read again after visits are planned, so a planned case leaves the list (api/invalidation.ts).
  const candidatesQuery = useApiQuery('visits.candidates', { wijkId: Number(wijkId) }, { enabled: !!wijkId })
  const candidates = candidatesQuery.data ?? null
  // Every newly read list starts with its default choice: from a case file or Vandaag only that
  // case, otherwise every case that is due. The user's ticks hold for the list they were made on.
  const [picked, setPicked] = useState<{ list: VisitCandidate[]; ids: number[] } | null>(null)
  const chosen =
    picked && picked.list === candidates
      ? picked.ids
      : !candidates
        ? []
        : fromCase && candidates.some((x) => x.caseId === fromCase)
          ? [fromCase]
          : candidates.map((x) => x.caseId)
  const setChosen = (ids: number[]) => candidates && setPicked({ list: candidates, ids })
  const loadError = dayQuery.error ?? candidatesQuery.error
  const generalError = errors._ ?? (loadError ? describeFailure(loadError).message : undefined)

  const plan = async () => {
    setErrors({})
    try {
      await planVisits.mutateAsync({
        wijkId: Number(wijkId),
        datum,
        startTijd: normalizeTime(startTijd),
        slotMinuten: slot,
        caseIds: chosen,
        ...duoIds(duo),
      })
      notifySaved(
        `${chosen.length} huisbezoek(en) gepland. De aankondigingsbrieven staan klaar om af te drukken.`,
      )
    } catch (e) {
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
    }
  }

  const colleagues = settings?.medewerkers.filter((m) => m.actief && m.rol !== 'beheerder') ?? []
  const activePartners = partners.filter((p) => p.actief)
  const today = todayIso()
  const fieldError = FIELDS.some((k) => errors[k])

  return (
    <Stack gap="md" maw={1200}>
      <PageHeading>Huisbezoeken</PageHeading>
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
          {generalError && !fieldError && <Alert color="red">{generalError}</Alert>}
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
          <VisitTable day={day} />
        </Paper>
      )}
      <PartnersSection partners={partners} />
    </Stack>
  )
}
