import { useState } from 'react'
import { Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import type { DocumentSettings } from '@shared/api/documents'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'

/** The envelope window in mm, the days to call off a visit, and the words to avoid. */
export function DocumentSettingsForm({
  settings,
  canEdit,
  onCalibrate,
}: {
  settings: DocumentSettings
  canEdit: boolean
  onCalibrate(): void
}) {
  const [venster, setVenster] = useState(settings.venster)
  const [werkdagen, setWerkdagen] = useState<number | string>(settings.afmeldWerkdagen)
  const [woorden, setWoorden] = useState(settings.vermijdWoorden.join('\n'))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const saveSettings = useApiMutation('documents.saveSettings')
  const saving = saveSettings.isPending

  const mmField = (key: keyof DocumentSettings['venster'], label: string) => (
    <NumberInput
      label={label}
      suffix=" mm"
      value={venster[key]}
      onChange={(v) => setVenster((w) => ({ ...w, [key]: typeof v === 'number' ? v : Number(v) }))}
      min={0}
      max={200}
      decimalScale={1}
      readOnly={!canEdit}
      error={errors[`venster.${key}`]}
    />
  )

  const save = async () => {
    setErrors({})
    try {
      await saveSettings.mutateAsync({
        venster,
        afmeldWerkdagen: Number(werkdagen),
        vermijdWoorden: woorden
          .split(/[\n,]+/)
          .map((w) => w.trim())
          .filter(Boolean),
      })
      notifySaved('De instellingen voor brieven zijn opgeslagen.')
    } catch (e) {
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
    }
  }

  return (
    <Stack gap="md" maw={720}>
      <Paper withBorder p="md">
        <Title order={4}>Venster van de envelop</Title>
        <Text size="sm" c="dimmed" mb="sm">
          Gemeten vanaf de linkerbovenhoek van het A4-vel. Alleen het adres komt in dit vak.
        </Text>
        <Group grow>
          {mmField('links', 'Vanaf links')}
          {mmField('boven', 'Vanaf boven')}
          {mmField('breedte', 'Breedte')}
          {mmField('hoogte', 'Hoogte')}
        </Group>
        <Button variant="default" mt="sm" onClick={onCalibrate}>
          Proefafdruk met het venster
        </Button>
        <Text size="xs" c="dimmed" mt={4}>
          De proefafdruk gebruikt de opgeslagen maten.
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          Afzeggen van een huisbezoek
        </Title>
        <NumberInput
          label="Aantal werkdagen vóór het bezoek dat bewoners nog kunnen afzeggen"
          value={werkdagen}
          onChange={setWerkdagen}
          min={0}
          max={10}
          allowDecimal={false}
          readOnly={!canEdit}
          error={errors.afmeldWerkdagen}
          w={420}
        />
      </Paper>
      <Paper withBorder p="md">
        <Textarea
          label="Woorden om te vermijden"
          description="Eén woord per regel. Ook langere woorden die zo beginnen worden gemeld."
          value={woorden}
          onChange={(e) => setWoorden(e.currentTarget.value)}
          autosize
          minRows={4}
          readOnly={!canEdit}
          error={errors.vermijdWoorden}
        />
      </Paper>
      {canEdit && (
        <Group>
          <Button onClick={() => void save()} loading={saving}>
            Instellingen opslaan
          </Button>
        </Group>
      )}
      {errors._ && (
        <Text c="red" size="sm">
          {errors._}
        </Text>
      )}
    </Stack>
  )
}
