import { useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { PLEK_SOORT_LABELS, WEEKDAG_KORT, WEEKDAGEN, type PlaceView } from '@shared/api/appointments'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { Dialog } from '../../components/Dialog'
import { describeFailure } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { notifySaved } from '../../components/notify'
import { normalizeTime, TimeField } from '../../components/TimeField'
import { useTeamLists } from '../../components/useTeamLists'
import { usableText } from './places-text'
import { PageHeading } from '../../components/PageHeading'

type Draft = {
  naam: string
  wijkId: string
  adres: string
  postcode: string
  plaats: string
  dagen: string[]
  van: string
  tot: string
  toegankelijk: boolean
  toelichting: string
  actief: boolean
}

const EMPTY: Draft = {
  naam: '',
  wijkId: '',
  adres: '',
  postcode: '',
  plaats: '',
  dagen: ['1', '2', '3', '4', '5'],
  van: '09:00',
  tot: '17:00',
  toegankelijk: true,
  toelichting: '',
  actief: true,
}

const draftOf = (p: PlaceView): Draft => ({
  naam: p.naam,
  wijkId: p.wijkId ? String(p.wijkId) : '',
  adres: p.adres,
  postcode: p.postcode,
  plaats: p.plaats,
  dagen: p.dagen.map(String),
  van: p.van,
  tot: p.tot,
  toegankelijk: p.toegankelijk,
  toelichting: p.toelichting,
  actief: p.actief,
})

/** Adding or changing one meeting place. */
function PlaceModal({
  place,
  wijken,
  onClose,
  onSaved,
}: {
  place: PlaceView | null
  wijken: { value: string; label: string }[]
  onClose(): void
  onSaved(): void
}) {
  const start = place ? draftOf(place) : EMPTY
  const [d, setD] = useState<Draft>(start)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const savePlace = useApiMutation('appointments.savePlace')
  const guard = useDiscardGuard(JSON.stringify(d) !== JSON.stringify(start), onClose)
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setD((cur) => ({ ...cur, [k]: v }))
    setErrors(({ [k]: _, ...rest }) => rest)
  }
  // Built-in places keep their address (the stadskantoor's is the team's visiting address).
  const ownAddress = !place || place.soort === 'wijk'

  const save = async () => {
    setBusy(true)
    setErrors({})
    try {
      await savePlace.mutateAsync({
        ...(place ? { id: place.id } : {}),
        wijkId: d.wijkId ? Number(d.wijkId) : null,
        naam: d.naam,
        adres: d.adres,
        postcode: d.postcode,
        plaats: d.plaats,
        dagen: d.dagen.map(Number),
        van: normalizeTime(d.van),
        tot: normalizeTime(d.tot),
        toegankelijk: d.toegankelijk,
        toelichting: d.toelichting,
        actief: d.actief,
      })
      notifySaved(place ? `${d.naam} is bijgewerkt.` : `${d.naam} is toegevoegd.`)
      onSaved()
    } catch (e) {
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
      setBusy(false)
    }
  }
  const fieldKeys = ['naam', 'wijkId', 'adres', 'postcode', 'plaats', 'dagen', 'van', 'tot', 'toelichting']

  return (
    <Dialog
      opened
      onClose={guard.requestClose}
      title={place ? `${place.naam} wijzigen` : 'Plek toevoegen'}
      size="lg"
    >
      <DiscardQuestion guard={guard} />
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label="Naam van de plek"
            description="Bijvoorbeeld: Wijkcentrum De Kemp, de bibliotheek, kantoor van de woningcorporatie."
            value={d.naam}
            onChange={(e) => set('naam', e.currentTarget.value)}
            error={errors.naam}
            disabled={place?.vast}
            data-autofocus
          />
          {place?.vast && (
            <Text size="sm" c="dimmed">
              Deze plek is er altijd. Je kunt de dagen, de tijden, de toegankelijkheid en de toelichting
              aanpassen.
            </Text>
          )}
          {(!place || place.soort === 'wijk') && (
            <NativeSelect
              label="Wijk"
              value={d.wijkId}
              onChange={(e) => set('wijkId', e.currentTarget.value)}
              data={[{ value: '', label: 'Kies de wijk…' }, ...wijken]}
              error={errors.wijkId}
            />
          )}
          {ownAddress && (
            <Group grow align="flex-start">
              <TextInput
                label="Adres"
                description="Straat en huisnummer"
                value={d.adres}
                onChange={(e) => set('adres', e.currentTarget.value)}
                error={errors.adres}
              />
              <TextInput
                label="Postcode"
                description="1234 AB"
                value={d.postcode}
                onChange={(e) => set('postcode', e.currentTarget.value)}
                error={errors.postcode}
              />
              <TextInput
                label="Plaats"
                value={d.plaats}
                onChange={(e) => set('plaats', e.currentTarget.value)}
                error={errors.plaats}
              />
            </Group>
          )}
          <Checkbox.Group
            label="Te gebruiken op"
            value={d.dagen}
            onChange={(v) => set('dagen', v)}
            error={errors.dagen}
          >
            <Group gap="md" mt={4}>
              {WEEKDAGEN.map((n) => (
                <Checkbox key={n} value={String(n)} label={WEEKDAG_KORT[n]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group grow align="flex-start">
            <TimeField
              label="Van"
              description="uu:mm"
              value={d.van}
              onChange={(v) => set('van', v)}
              error={errors.van}
            />
            <TimeField
              label="Tot"
              description="uu:mm"
              value={d.tot}
              onChange={(v) => set('tot', v)}
              error={errors.tot}
            />
          </Group>
          <Checkbox
            label="Toegankelijk met rolstoel of rollator"
            checked={d.toegankelijk}
            onChange={(e) => set('toegankelijk', e.currentTarget.checked)}
          />
          <Textarea
            label="Toelichting (niet verplicht)"
            description="Bijvoorbeeld: melden bij de balie, spreekkamer 2."
            value={d.toelichting}
            onChange={(e) => set('toelichting', e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={300}
            error={errors.toelichting}
          />
          {place && !place.vast && (
            <Checkbox
              label="In gebruik (uitvinken als de plek niet meer gebruikt wordt)"
              checked={d.actief}
              onChange={(e) => set('actief', e.currentTarget.checked)}
            />
          )}
          {errors._ && !fieldKeys.some((k) => errors[k]) && <Alert color="red">{errors._}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              Annuleren
            </Button>
            <Button type="submit" loading={busy}>
              Opslaan
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

/**
 * Ontmoetplekken: where a conversation can take place besides the resident's home, kept by the
 * kwaliteitsmedewerker. The stadskantoor, at home, by phone and video call are always there.
 */
export function PlacesPage() {
  const team = useTeamLists()
  const query = useApiQuery('appointments.places', {})
  const places = query.data ?? null
  const error = query.error ? describeFailure(query.error).message : null
  const [editing, setEditing] = useState<PlaceView | 'nieuw' | null>(null)

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <PageHeading>Ontmoetplekken</PageHeading>
          <Text c="dimmed">
            Het gesprek kan ook in de wijk: waar de bewoner wil. Deze plekken kiest een consulent bij een
            afspraak.
          </Text>
        </div>
        <Button onClick={() => setEditing('nieuw')}>Plek toevoegen</Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {places && (
        <Table aria-label="Ontmoetplekken" fz="sm" verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Plek</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th>Wijk</Table.Th>
              <Table.Th>Adres</Table.Th>
              <Table.Th>Te gebruiken</Table.Th>
              <Table.Th>Toegankelijk</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {places.map((p) => (
              <Table.Tr key={p.id} style={p.actief ? undefined : { opacity: 0.6 }}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.naam}
                  </Text>
                  {p.toelichting && (
                    <Text size="xs" c="dimmed">
                      {p.toelichting}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {PLEK_SOORT_LABELS[p.soort]}
                  {p.vast && (
                    <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                      vast
                    </Badge>
                  )}
                  {!p.actief && (
                    <Badge ml={6} size="xs" variant="light" color="orange" tt="none">
                      niet in gebruik
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.wijkNaam ?? ''}</Table.Td>
                <Table.Td>
                  {[p.adres, [p.postcode, p.plaats].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
                </Table.Td>
                <Table.Td>{usableText(p)}</Table.Td>
                <Table.Td>{p.toegankelijk ? 'ja' : 'nee'}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditing(p)}
                    aria-label={`${p.naam} wijzigen`}
                  >
                    Wijzigen
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <PlaceModal
          place={editing === 'nieuw' ? null : editing}
          wijken={team.wijken}
          onClose={() => setEditing(null)}
          // The list is read again (api/invalidation.ts) before onSaved is called.
          onSaved={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}
