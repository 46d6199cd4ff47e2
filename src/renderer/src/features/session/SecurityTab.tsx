import { useState } from 'react'
import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core'
import { MAX_VERGRENDEL_MINUTEN, MIN_VERGRENDEL_MINUTEN } from '@shared/api/session'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { useFormFrom } from '../../components/useFormFrom'
import { useAppStatus, useCurrentUser } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'

/** Instellingen > Beveiliging: after how many idle minutes Lange Adem locks itself (the beheerder's). */
export function SecurityTab() {
  const { refresh } = useAppStatus()
  const user = useCurrentUser()
  const mayChange = user.rol === 'beheerder'
  const settings = useApiQuery('session.settings', {})
  const [minutes, setMinutes] = useState<number | string>('')
  // The field shows what main stored: when loaded, and again after a save.
  useFormFrom(settings.data, (s) => setMinutes(s.vergrendelMinuten))
  const [saveError, setError] = useState<string | null>(null)
  const error = saveError ?? (settings.error ? describeFailure(settings.error).message : null)
  const saveSettings = useApiMutation('session.saveSettings')
  const saving = saveSettings.isPending

  const save = async () => {
    setError(null)
    try {
      await saveSettings.mutateAsync({ vergrendelMinuten: Number(minutes) })
      notifySaved('De tijd tot vergrendelen is opgeslagen.')
      await refresh()
    } catch (e) {
      const { message, fields } = describeFailure(e)
      setError(fields['vergrendelMinuten'] ?? message)
    }
  }

  return (
    <Stack gap="md" maw={560}>
      <Text>
        Lange Adem vergrendelt zichzelf als niemand de muis of het toetsenbord gebruikt. Zo ziet een bezoeker
        aan de balie nooit het dossier van een ander. Met Ctrl+L of de knop Vergrendelen kan het ook meteen.
      </Text>
      {!mayChange && (
        <Alert color="blue" title="Alleen bekijken">
          Deze instelling kan alleen de beheerder wijzigen.
        </Alert>
      )}
      <NumberInput
        label="Vergrendelen na (minuten zonder activiteit)"
        description={`Tussen ${MIN_VERGRENDEL_MINUTEN} en ${MAX_VERGRENDEL_MINUTEN} minuten. Standaard is 5.`}
        min={MIN_VERGRENDEL_MINUTEN}
        max={MAX_VERGRENDEL_MINUTEN}
        allowDecimal={false}
        value={minutes}
        onChange={setMinutes}
        error={error}
        disabled={!mayChange}
        maw={320}
      />
      {mayChange && (
        <Group>
          <Button onClick={() => void save()} loading={saving}>
            Opslaan
          </Button>
        </Group>
      )}
    </Stack>
  )
}
