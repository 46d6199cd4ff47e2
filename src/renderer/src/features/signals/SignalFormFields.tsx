import type { ReactNode } from 'react'
import { Checkbox, Grid, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core'
import { SIGNAALPARTNER_LABELS, SIGNAALPARTNER_TYPES } from '@shared/domain/ddas'
import type { FieldErrors } from '../../components/form-errors'
import type { FieldPath, SignalFormValues } from './signalForm'

export const fieldId = (path: FieldPath) => `signaal-form-${path.replace('.', '-')}`

const PARTNER_OPTIONS = SIGNAALPARTNER_TYPES.map((t) => ({ value: t, label: SIGNAALPARTNER_LABELS[t] }))

interface Props {
  values: SignalFormValues
  errors: FieldErrors
  onChange(path: FieldPath, value: string | boolean): void
  onBlur(path: FieldPath): void
  /** Shown at the end of the address section: what saving will do for this address. */
  addressNotice: ReactNode
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

/** The three parts of a hand-entered signal, in the order a phone call or a letter gives them. */
export function SignalFormFields({ values, errors, onChange, onBlur, addressNotice }: Props) {
  const text = (path: FieldPath, label: string, extra: Record<string, unknown> = {}) => {
    const [section, field] = path.split('.') as [keyof SignalFormValues, string]
    const value = (values[section] as Record<string, string | boolean>)[field] as string
    return (
      <TextInput
        id={fieldId(path)}
        label={label}
        value={value}
        error={errors[path]}
        onChange={(e) => onChange(path, e.currentTarget.value)}
        onBlur={() => onBlur(path)}
        autoComplete="off"
        {...extra}
      />
    )
  }
  const s = values.signaal

  return (
    <Stack gap="md">
      <Section title="Signaal" id="signaal-form-signaal">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              id={fieldId('signaal.partnerType')}
              label="Soort signaalpartner"
              placeholder="Kies…"
              data={PARTNER_OPTIONS}
              value={s.partnerType || null}
              onChange={(v) => onChange('signaal.partnerType', v ?? '')}
              error={errors['signaal.partnerType']}
              allowDeselect={false}
              withAsterisk
            />
            {text('signaal.partnerNaam', 'Naam signaalpartner', {
              placeholder: 'bijvoorbeeld Wonen Limburg',
            })}
            {text('signaal.externId', 'Kenmerk signaalpartner')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {text('signaal.bedrag', 'Bedrag achterstand', {
              placeholder: '450,00',
              leftSection: '€',
              inputMode: 'decimal',
              withAsterisk: true,
            })}
            {text('signaal.ontstaansdatum', 'Achterstand ontstaan op', { placeholder: 'dd-mm-jjjj' })}
            {text('signaal.signaaldatum', 'Signaaldatum', { placeholder: 'dd-mm-jjjj', withAsterisk: true })}
          </SimpleGrid>
          <Group gap="xl" mt={4}>
            <Checkbox
              id={fieldId('signaal.crisis')}
              label="Crisissignaal (bijvoorbeeld einde levering energie)"
              checked={s.crisis}
              onChange={(e) => onChange('signaal.crisis', e.currentTarget.checked)}
              error={errors['signaal.crisis']}
            />
            <Checkbox
              id={fieldId('signaal.warmeOverdracht')}
              label="Warme overdracht"
              checked={s.warmeOverdracht}
              onChange={(e) => onChange('signaal.warmeOverdracht', e.currentTarget.checked)}
              error={errors['signaal.warmeOverdracht']}
            />
          </Group>
        </Stack>
      </Section>

      <Section title="Bewoner" id="signaal-form-bewoner">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {text('bewoner.voorletters', 'Voorletters', { placeholder: 'J.P.', withAsterisk: true })}
            {text('bewoner.tussenvoegsel', 'Tussenvoegsel', { placeholder: 'van der' })}
            {text('bewoner.achternaam', 'Achternaam', { withAsterisk: true })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {text('bewoner.geboortedatum', 'Geboortedatum', { placeholder: 'dd-mm-jjjj' })}
            {text('bewoner.telefoon', 'Telefoonnummer', { placeholder: '06 12345678', type: 'tel' })}
            {text('bewoner.email', 'E-mailadres', { type: 'email' })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {text('bewoner.bsn', 'BSN (niet verplicht)', {
              description: 'Alleen nodig als de bewoner anders niet zeker te herkennen is.',
              inputMode: 'numeric',
            })}
          </SimpleGrid>
        </Stack>
      </Section>

      <Section title="Adres" id="signaal-form-adres">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {text('adres.postcode', 'Postcode', { placeholder: '6041 AB', withAsterisk: true })}
            {text('adres.huisnummer', 'Huisnummer', { placeholder: '12', withAsterisk: true })}
            {text('adres.toevoeging', 'Toevoeging', { placeholder: 'a' })}
          </SimpleGrid>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              {text('adres.straat', 'Straat', { withAsterisk: true })}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              {text('adres.plaats', 'Plaats', { withAsterisk: true })}
            </Grid.Col>
          </Grid>
          <div aria-live="polite">{addressNotice}</div>
        </Stack>
      </Section>
    </Stack>
  )
}
