import { useState } from 'react'
import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core'
import { PLEK_KANAAL, type AppointmentResult, type AppointmentView } from '@shared/api/appointments'
import { KANAAL_LABELS, KANAAL_SOORT } from '@shared/api/ladder'
import { formatDate } from '@shared/format/dates'
import { useApiMutation } from '../../api/queries'
import { Dialog } from '../../components/Dialog'
import { describeFailure } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'

/**
 * How the appointment went: "geweest" is contact with the resident, "niet gekomen" moves the plan
 * to a call (Stappenplan). Either is one contact attempt of the kind that follows the place.
 */
export function OutcomeModal({
  afspraak,
  onClose,
  onSaved,
}: {
  afspraak: AppointmentView
  onClose(): void
  onSaved(r: AppointmentResult): void
}) {
  const [uitkomst, setUitkomst] = useState<'geweest' | 'niet_gekomen' | ''>('')
  const [notitie, setNotitie] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const outcome = useApiMutation('appointments.outcome')
  const guard = useDiscardGuard(uitkomst !== '' || notitie.trim() !== '', onClose)
  const kanaal = PLEK_KANAAL[afspraak.plek.soort]

  const save = async () => {
    if (!uitkomst) {
      setError('Kies hoe de afspraak ging.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      onSaved(await outcome.mutateAsync({ afspraakId: afspraak.id, uitkomst, notitie }))
    } catch (e) {
      const f = describeFailure(e)
      setError(Object.values(f.fields)[0] ?? f.message)
      setBusy(false)
    }
  }

  return (
    <Dialog opened onClose={guard.requestClose} title="Hoe ging de afspraak?">
      <DiscardQuestion guard={guard} />
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">
            {afspraak.naam}: {formatDate(afspraak.datum)} om {afspraak.tijd}, {afspraak.plek.naam}.
          </Text>
          <Radio.Group
            label="Uitkomst"
            value={uitkomst}
            onChange={(v) => setUitkomst(v as 'geweest' | 'niet_gekomen')}
          >
            <Stack gap={6} mt={4}>
              <Radio value="geweest" label="Geweest: we hebben gesproken" data-autofocus />
              <Radio value="niet_gekomen" label="Niet gekomen" />
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            Dit telt als contactpoging &quot;{KANAAL_LABELS[kanaal]}&quot; (in de DDAS-levering:{' '}
            {KANAAL_SOORT[kanaal]}).{' '}
            {uitkomst === 'niet_gekomen' ? 'Het stappenplan gaat verder met bellen.' : ''}
          </Text>
          <Textarea
            label="Notitie (niet verplicht)"
            value={notitie}
            onChange={(e) => setNotitie(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              Annuleren
            </Button>
            <Button type="submit" loading={busy}>
              Uitkomst opslaan
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
