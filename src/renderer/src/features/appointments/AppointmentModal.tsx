import { useState } from 'react'
import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { AppointmentResult, AppointmentView, PlaceView } from '@shared/api/appointments'
import { formatDate } from '@shared/format/dates'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { Dialog } from '../../components/Dialog'
import { describeFailure, fieldEditor } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { normalizeTime, TimeField } from '../../components/TimeField'
import { DuoSelect, duoIds, useDuoChoices } from '../visits/DuoSelect'
import { placeOptions, usableText } from './places-text'
import type { CaseVersion } from '../dossier/caseVersion'

const DUREN = [15, 30, 45, 60, 90, 120]

/**
 * "Afspraak maken" (or "Afspraak verzetten" with `previous`): day, time, length and place, and
 * optionally a colleague or chain-partner contact who joins. Main checks the place's days and hours,
 * holidays and whether anyone is elsewhere at that moment; its message shows at the field.
 */
export function AppointmentModal({
  caseId,
  version,
  consulentId,
  previous,
  onClose,
  onSaved,
}: {
  caseId: number
  /** The version of the case file the user read (dossier/caseVersion.ts): a new appointment carries it. */
  version: CaseVersion
  /** The case's consulent: she is there anyway, so not offered as the one who joins. */
  consulentId: number | null
  /** Moving this appointment to another moment. */
  previous?: AppointmentView
  onClose(): void
  onSaved(r: AppointmentResult): void
}) {
  const { colleagues, partners } = useDuoChoices()
  const placesQuery = useApiQuery('appointments.places', {})
  const places: PlaceView[] = placesQuery.data ?? []
  const [datum, setDatum] = useState(previous ? formatDate(previous.datum) : '')
  const [tijd, setTijd] = useState(previous?.tijd ?? '10:00')
  const [duur, setDuur] = useState(String(previous?.duur ?? 45))
  const [chosenPlekId, setPlekId] = useState(previous ? String(previous.plek.id) : '')
  // The stadskantoor first: where most conversations are.
  const plekId = chosenPlekId || String(places.find((x) => x.soort === 'stadskantoor')?.id ?? '')
  const [met, setMet] = useState(
    previous?.collegaId ? `u:${previous.collegaId}` : previous?.partnerId ? `p:${previous.partnerId}` : '',
  )
  const [notitie, setNotitie] = useState(previous?.notitie ?? '')
  const [saveErrors, setErrors] = useState<Record<string, string>>({})
  const errors = placesQuery.error
    ? { _: describeFailure(placesQuery.error).message, ...saveErrors }
    : saveErrors
  const [busy, setBusy] = useState(false)
  const make = useApiMutation('appointments.make')
  const reschedule = useApiMutation('appointments.reschedule')
  const guard = useDiscardGuard(datum.trim() !== '' || notitie.trim() !== '' || plekId !== '', onClose)

  // A field's message goes when the field is changed, and the general one with it (it said the same).
  const edit = fieldEditor(setErrors, true)

  const save = async () => {
    setBusy(true)
    setErrors({})
    const ids = duoIds(met)
    const slot = {
      datum,
      tijd: normalizeTime(tijd),
      duur: Number(duur),
      plekId: Number(plekId),
      collegaId: ids.duoUserId,
      partnerId: ids.duoPartnerId,
      notitie,
    }
    try {
      const r = previous
        ? await reschedule.mutateAsync({ afspraakId: previous.id, ...slot })
        : await make.mutateAsync({ caseId, versie: version.versie, ...slot })
      onSaved(r)
    } catch (e) {
      version.refused(e)
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
      setBusy(false)
    }
  }

  const plek = places.find((p) => String(p.id) === plekId)
  const fieldKeys = ['datum', 'tijd', 'duur', 'plekId', 'collegaId', 'partnerId', 'notitie']

  return (
    <Dialog
      opened
      onClose={guard.requestClose}
      title={previous ? 'Afspraak verzetten' : 'Afspraak maken'}
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
          {previous && (
            <Text size="sm">
              Nu: {formatDate(previous.datum)} om {previous.tijd}, {previous.plek.naam}. Kies het nieuwe
              moment.
            </Text>
          )}
          <Group grow align="flex-start">
            <TextInput
              label="Datum"
              description="dd-mm-jjjj"
              value={datum}
              onChange={(e) => edit('datum', setDatum)(e.currentTarget.value)}
              error={errors.datum}
              data-autofocus
            />
            <TimeField
              label="Tijd"
              description="uu:mm"
              value={tijd}
              onChange={edit('tijd', setTijd)}
              error={errors.tijd}
            />
            <NativeSelect
              label="Duur"
              description="minuten"
              value={duur}
              onChange={(e) => edit('duur', setDuur)(e.currentTarget.value)}
              data={DUREN.map((d) => ({ value: String(d), label: `${d} minuten` }))}
              error={errors.duur}
            />
          </Group>
          <NativeSelect
            label="Waar"
            description="Waar de bewoner wil: op het stadskantoor, in de wijk, thuis, telefonisch of met beeldbellen."
            value={plekId}
            onChange={(e) => edit('plekId', setPlekId)(e.currentTarget.value)}
            data={[{ value: '', label: 'Kies een plek…' }, ...placeOptions(places)]}
            error={errors.plekId}
          />
          {plek && (plek.adres || plek.soort === 'wijk') && (
            <Text size="sm" c="dimmed" aria-label="Over de plek">
              {[plek.adres, [plek.postcode, plek.plaats].filter(Boolean).join(' ')]
                .filter(Boolean)
                .join(', ')}
              {plek.soort === 'wijk' ? ` · te gebruiken ${usableText(plek)}` : ''}
              {plek.toegankelijk ? ' · toegankelijk met rolstoel' : ' · niet toegankelijk met rolstoel'}
              {plek.toelichting ? ` · ${plek.toelichting}` : ''}
            </Text>
          )}
          <DuoSelect
            label="Wie komt er nog bij? (niet verplicht)"
            emptyLabel="Niemand"
            value={met}
            onChange={(v) => {
              setMet(v)
              setErrors(({ collegaId: _c, partnerId: _p, ...rest }) => rest)
            }}
            colleagues={colleagues}
            partners={partners}
            without={consulentId}
            error={errors.collegaId ?? errors.partnerId}
          />
          <Textarea
            label="Notitie (niet verplicht)"
            description="Alleen voor het team; staat niet in de bevestiging."
            value={notitie}
            onChange={(e) => edit('notitie', setNotitie)(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            error={errors.notitie}
          />
          {errors._ && !fieldKeys.some((k) => errors[k]) && <Alert color="red">{errors._}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              Annuleren
            </Button>
            <Button type="submit" loading={busy}>
              {previous ? 'Afspraak verzetten' : 'Afspraak maken'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
