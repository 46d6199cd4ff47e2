import { useState } from 'react'
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core'
import { settingsContract, type MedewerkerView, type WijkView } from '@shared/api/settings'
import type { Rol } from '@shared/domain/case'
import { useApiMutation } from '../../api/queries'
import {
  allAtFields,
  check,
  describeFailure,
  withoutError,
  type FieldErrors,
} from '../../components/form-errors'
import { notifySaved } from '../../components/notify'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { ROL_OPTIONS } from '../setup/MedewerkersStep'
import { Dialog } from '../../components/Dialog'

const FIELDS = ['naam', 'rol', 'telefoon', 'email', 'wijkIds', 'actief']

interface Props {
  /** The team member to change, or null for a new one. */
  medewerker: MedewerkerView | null
  wijken: WijkView[]
  onClose(): void
  onSaved(): void
  /** Only the beheerder may change a role or switch someone off (main checks it too). */
  beheerder: boolean
}

interface Draft {
  naam: string
  rol: Rol
  telefoon: string
  email: string
  wijkIds: number[]
  actief: boolean
}

/** Add or change one team member: role, contact details, wijken and whether they still work here. */
export function MedewerkerModal({ medewerker, wijken, onClose, onSaved, beheerder }: Props) {
  const [start] = useState<Draft>(() =>
    medewerker
      ? {
          naam: medewerker.naam,
          rol: medewerker.rol,
          telefoon: medewerker.telefoon,
          email: medewerker.email,
          wijkIds: medewerker.wijkIds,
          actief: medewerker.actief,
        }
      : { naam: '', rol: 'consulent', telefoon: '', email: '', wijkIds: [], actief: true },
  )
  const [draft, setDraft] = useState<Draft>(start)
  const guard = useDiscardGuard(JSON.stringify(draft) !== JSON.stringify(start), onClose)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const saveMedewerker = useApiMutation('settings.saveMedewerker')
  const saving = saveMedewerker.isPending

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => withoutError(e, key))
  }

  const save = async () => {
    setFailure(null)
    const input = { ...(medewerker ? { id: medewerker.id } : {}), ...draft }
    const checked = check(settingsContract['settings.saveMedewerker'].input, input)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    try {
      await saveMedewerker.mutateAsync(input)
      onSaved()
      notifySaved(`${draft.naam.trim()} is opgeslagen.`)
      onClose()
    } catch (e) {
      const { message, fields } = describeFailure(e)
      setErrors(fields)
      // Inside the dialog the message goes where the user is looking; a notification would
      // cover the dialog. A message that belongs to a field is shown only at that field.
      setFailure(allAtFields(fields, FIELDS) ? null : message)
    }
  }

  return (
    <Dialog
      opened
      onClose={guard.requestClose}
      title={medewerker ? `${medewerker.naam} wijzigen` : 'Medewerker toevoegen'}
      size="lg"
    >
      <DiscardQuestion guard={guard} />
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label="Naam"
            value={draft.naam}
            onChange={(e) => change('naam', e.currentTarget.value)}
            error={errors['naam']}
            data-autofocus
            required
          />
          <Select<Rol>
            label="Rol"
            data={ROL_OPTIONS}
            value={draft.rol}
            onChange={(r) => r && change('rol', r)}
            allowDeselect={false}
            error={errors['rol']}
            disabled={!beheerder}
            description={beheerder ? undefined : 'Alleen de beheerder wijzigt de rol.'}
            required
          />
          <TextInput
            label="Telefoonnummer"
            type="tel"
            value={draft.telefoon}
            onChange={(e) => change('telefoon', e.currentTarget.value)}
            error={errors['telefoon']}
          />
          <TextInput
            label="E-mailadres"
            type="email"
            value={draft.email}
            onChange={(e) => change('email', e.currentTarget.value)}
            error={errors['email']}
          />
        </SimpleGrid>
        <MultiSelect<number>
          label="Wijken"
          description={
            draft.rol === 'consulent'
              ? 'Nieuwe zaken in deze wijken komen bij deze consulent terecht.'
              : 'Alleen consulenten krijgen nieuwe zaken uit hun wijken.'
          }
          placeholder={draft.wijkIds.length ? undefined : 'Kies een of meer wijken'}
          data={wijken.map((w) => ({ value: w.id, label: w.naam }))}
          value={draft.wijkIds}
          onChange={(v) => change('wijkIds', v)}
          error={errors['wijkIds']}
          nothingFoundMessage="Geen wijk met deze naam"
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <div>
          <Switch
            label="Actief"
            checked={draft.actief}
            onChange={(e) => change('actief', e.currentTarget.checked)}
            error={errors['actief']}
            disabled={!beheerder}
          />
          <Text size="xs" c="dimmed" mt={4}>
            Wie niet meer in het team werkt, zet je op inactief. Eerder werk blijft onder die naam bewaard.
          </Text>
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={guard.requestClose} disabled={saving}>
            Annuleren
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </Dialog>
  )
}
