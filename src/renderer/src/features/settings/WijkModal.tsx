import { useState } from 'react'
import { Alert, Button, Group, Stack, TextInput, Textarea } from '@mantine/core'
import { settingsContract, type WijkView } from '@shared/api/settings'
import { formatPostcodeRange } from '@shared/format/address'
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
import { POSTCODES_HINT } from '../setup/WijkenStep'
import { Dialog } from '../../components/Dialog'

const FIELDS = ['naam', 'postcodes']

interface Props {
  /** The wijk to change, or null for a new one. */
  wijk: WijkView | null
  onClose(): void
}

/** Add or change one wijk: its name and the postcodes that belong to it. */
export function WijkModal({ wijk, onClose }: Props) {
  const [start] = useState(() => ({
    naam: wijk?.naam ?? '',
    postcodes: wijk ? wijk.postcodes.map(formatPostcodeRange).join(', ') : '',
  }))
  const [naam, setNaam] = useState(start.naam)
  const [postcodes, setPostcodes] = useState(start.postcodes)
  const guard = useDiscardGuard(naam !== start.naam || postcodes !== start.postcodes, onClose)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const saveWijk = useApiMutation('settings.saveWijk')
  const saving = saveWijk.isPending

  const save = async () => {
    setFailure(null)
    const input = { ...(wijk ? { id: wijk.id } : {}), naam, postcodes }
    const checked = check(settingsContract['settings.saveWijk'].input, input)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    try {
      await saveWijk.mutateAsync(input)
      notifySaved(`De wijk ${naam.trim()} is opgeslagen.`)
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
      title={wijk ? `Wijk ${wijk.naam} wijzigen` : 'Wijk toevoegen'}
      size="lg"
    >
      <DiscardQuestion guard={guard} />
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label="Naam van de wijk"
          value={naam}
          onChange={(e) => {
            setNaam(e.currentTarget.value)
            setErrors((er) => withoutError(er, 'naam'))
          }}
          error={errors['naam']}
          data-autofocus
          required
        />
        <Textarea
          label="Postcodes"
          description={POSTCODES_HINT}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={postcodes}
          onChange={(e) => {
            setPostcodes(e.currentTarget.value)
            setErrors((er) => withoutError(er, 'postcodes'))
          }}
          error={errors['postcodes']}
          autosize
          minRows={2}
          required
        />
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
