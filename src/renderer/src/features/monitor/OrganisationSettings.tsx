import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { DdasContactpersoon } from '@shared/api/monitor'

/** What the DDAS part of the monitor settings holds while it is being edited. */
export interface DdasForm {
  leverancierNaam: string
  naam: string
  kvkNummer: string
  contactpersonen: DdasContactpersoon[]
  geboortedatumMeesturen: boolean
}

const EMPTY: DdasContactpersoon = { naam: '', telefoon: '', email: '', functie: '' }
const FIELDS: { key: keyof DdasContactpersoon; label: string; w?: number }[] = [
  { key: 'naam', label: 'Naam' },
  { key: 'telefoon', label: 'Telefoon', w: 150 },
  { key: 'email', label: 'E-mail' },
  { key: 'functie', label: 'Functie' },
]

/**
 * Who delivers to CBS (aanleverendeOrganisatie in DDAS 1.2): the organisation, its contact persons
 * and the software's name, which the delivery writes with the version behind it.
 */
export function OrganisationSettings({
  form,
  setForm,
  versie,
  voorstel,
}: {
  form: DdasForm
  setForm: (f: DdasForm) => void
  versie: string
  /** True while the contact persons shown are a suggestion, not yet saved. */
  voorstel: boolean
}) {
  const set = <K extends keyof DdasForm>(k: K, v: DdasForm[K]) => setForm({ ...form, [k]: v })
  const setContact = (i: number, k: keyof DdasContactpersoon, v: string) =>
    set(
      'contactpersonen',
      form.contactpersonen.map((c, j) => (j === i ? { ...c, [k]: v } : c)),
    )
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Aanleverende organisatie (DDAS)</Title>
        <Text size="sm" c="dimmed">
          Het CBS vraagt bij elke DDAS-levering wie de gegevens aanlevert: de gemeente zelf of de organisatie
          die de vroegsignalering voor de gemeente doet, met minstens één contactpersoon.
        </Text>
        <Group align="flex-start" grow maw={720}>
          <TextInput
            label="Naam organisatie"
            value={form.naam}
            onChange={(e) => set('naam', e.currentTarget.value)}
          />
          <TextInput
            label="KvK-nummer"
            description="Niet verplicht. 8 cijfers."
            value={form.kvkNummer}
            onChange={(e) => set('kvkNummer', e.currentTarget.value)}
          />
        </Group>
        {voorstel && (
          <Alert color="yellow" title="Nog geen contactpersoon opgeslagen">
            Hieronder staan de kwaliteitsmedewerkers als voorstel. Controleer naam, telefoon, e-mail en
            functie, en sla op.
          </Alert>
        )}
        <Table aria-label="Contactpersonen" withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              {FIELDS.map((f) => (
                <Table.Th key={f.key}>{f.label}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.contactpersonen.map((c, i) => (
              <Table.Tr key={i}>
                {FIELDS.map((f) => (
                  <Table.Td key={f.key} w={f.w}>
                    <TextInput
                      aria-label={`Contactpersoon ${i + 1}: ${f.label.toLowerCase()}`}
                      value={c[f.key]}
                      onChange={(e) => setContact(i, f.key, e.currentTarget.value)}
                    />
                  </Table.Td>
                ))}
                <Table.Td w={40}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Contactpersoon ${i + 1} weghalen`}
                    title="Weghalen"
                    onClick={() =>
                      set(
                        'contactpersonen',
                        form.contactpersonen.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => set('contactpersonen', [...form.contactpersonen, { ...EMPTY }])}
          >
            Contactpersoon toevoegen
          </Button>
          {form.contactpersonen.length === 0 && (
            <Text size="sm" c="red">
              Zonder contactpersoon kan er geen DDAS-levering worden gemaakt.
            </Text>
          )}
        </Group>
        <TextInput
          label="Software (gegevensleverancier)"
          description={`De naam van de software of van de hostingpartij die levert. Het versienummer komt er vanzelf achter, zoals DDAS dat vraagt. In de levering: "${form.leverancierNaam.trim()} ${versie}".`}
          value={form.leverancierNaam}
          onChange={(e) => set('leverancierNaam', e.currentTarget.value)}
          maw={480}
        />
        <Checkbox
          label="Geboortedatum meesturen als het BSN niet bekend is"
          description="Dan kan het CBS de juiste bewoner op het adres vinden. Zonder vinkje gaan alleen postcode en huisnummer mee. Bij een BSN gaat er nooit meer mee dan het BSN."
          checked={form.geboortedatumMeesturen}
          onChange={(e) => set('geboortedatumMeesturen', e.currentTarget.checked)}
        />
      </Stack>
    </Paper>
  )
}
