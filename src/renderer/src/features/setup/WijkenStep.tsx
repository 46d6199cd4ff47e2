import { Alert, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core'
import type { FieldErrors } from '../../components/form-errors'
import type { WijkDraft } from './setup-draft'

export const POSTCODES_HINT =
  'Postcodes schrijf je met 4 cijfers (6041) of met de letters erbij (6051AB). Een reeks met een streepje, meerdere met komma’s. Bijvoorbeeld: 6041-6045, 6051AB-6051ZZ'

interface Props {
  wijken: WijkDraft[]
  /** Errors keyed by the full set-up path ("wijken.0.postcodes"). */
  errors: FieldErrors
  /** The row just added, which gets the cursor. */
  focusKey: number | null
  onRename(key: number, naam: string): void
  onPostcodes(key: number, postcodes: string): void
  onAdd(): void
  onRemove(key: number): void
}

/** Step 3: the wijken the team divides its work by, each with its postcodes. */
export function WijkenStep({ wijken, errors, focusKey, onRename, onPostcodes, onAdd, onRemove }: Props) {
  return (
    <Stack gap="md">
      <Text>
        Het team verdeelt het werk per wijk. Geef elke wijk een naam en de postcodes die erbij horen. Een
        nieuw signaal komt dan vanzelf in de goede wijk terecht.
      </Text>
      <Text size="sm" c="dimmed">
        {POSTCODES_HINT}
      </Text>
      {errors['wijken'] && (
        <Alert color="red" role="alert">
          {errors['wijken']}
        </Alert>
      )}
      {wijken.map((w, i) => (
        <Fieldset key={w.key} legend={`Wijk ${i + 1}`} pt="xs">
          <Group gap="md" align="flex-start" wrap="nowrap">
            <TextInput
              label="Naam van de wijk"
              value={w.naam}
              onChange={(e) => onRename(w.key, e.currentTarget.value)}
              error={errors[`wijken.${i}.naam`]}
              autoFocus={w.key === focusKey}
              required
              style={{ flex: '2 1 0' }}
            />
            <TextInput
              label="Postcodes"
              value={w.postcodes}
              onChange={(e) => onPostcodes(w.key, e.currentTarget.value)}
              error={errors[`wijken.${i}.postcodes`]}
              required
              style={{ flex: '3 1 0' }}
            />
            {/* The top margin puts the button level with the inputs below their labels. */}
            <Button
              variant="subtle"
              color="red"
              mt={25}
              onClick={() => onRemove(w.key)}
              disabled={wijken.length === 1}
            >
              Verwijderen
            </Button>
          </Group>
        </Fieldset>
      ))}
      <Group>
        <Button variant="light" onClick={onAdd}>
          Wijk toevoegen
        </Button>
      </Group>
    </Stack>
  )
}
