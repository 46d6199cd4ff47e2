import { useState } from 'react'
import { Alert, Button, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { MonitorSettings } from '@shared/api/monitor'
import { ApiError } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { useFormFrom } from '../../components/useFormFrom'
import { notifySaved } from '../../components/notify'
import { OrganisationSettings, type DdasForm } from './OrganisationSettings'

const list = (a: number[]) => a.join(', ')
const parseList = (s: string) =>
  s
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((v) => Number(v.replace(/\./g, '')))

const ddasForm = (v: MonitorSettings): DdasForm => ({
  leverancierNaam: v.leverancierNaam,
  naam: v.organisatie.naam,
  kvkNummer: v.organisatie.kvkNummer,
  contactpersonen: v.organisatie.contactpersonen.length
    ? v.organisatie.contactpersonen
    : v.voorstelContactpersonen,
  geboortedatumMeesturen: v.geboortedatumMeesturen,
})

/**
 * The supplying organisation for DDAS, age and amount bands, and the national reference figures
 * with source and year.
 */
export function MonitorSettingsPanel() {
  const settings = useApiQuery('monitor.settings', {})
  const s = settings.data ?? null
  const saveSettings = useApiMutation('monitor.saveSettings')
  const saving = saveSettings.isPending
  const [ddas, setDdas] = useState<DdasForm | null>(null)
  const [ages, setAges] = useState('')
  const [amounts, setAmounts] = useState('')
  const [refs, setRefs] = useState<Record<string, { pct: string; bron: string; jaar: string }>>({})
  const [saveError, setError] = useState<string | null>(null)
  const error = saveError ?? (settings.error ? settings.error.message || 'Laden lukte niet.' : null)

  // The form shows what main stored: when loaded, and again after a save.
  useFormFrom(s ?? undefined, (v) => {
    setDdas(ddasForm(v))
    setAges(list(v.leeftijdsgrenzen))
    setAmounts(list(v.bedraggrenzen))
    setRefs(
      Object.fromEntries(
        v.referenties.map((r) => [
          r.key,
          {
            pct: r.percentage === null ? '' : String(r.percentage).replace('.', ','),
            bron: r.bron,
            jaar: String(r.jaar),
          },
        ]),
      ),
    )
  })
  if (!s || !ddas) return error ? <Alert color="red">{error}</Alert> : <Loader />

  const save = async () => {
    setError(null)
    try {
      await saveSettings.mutateAsync({
        leverancierNaam: ddas.leverancierNaam,
        organisatie: { naam: ddas.naam, kvkNummer: ddas.kvkNummer, contactpersonen: ddas.contactpersonen },
        geboortedatumMeesturen: ddas.geboortedatumMeesturen,
        leeftijdsgrenzen: parseList(ages),
        bedraggrenzen: parseList(amounts),
        referenties: s.referenties.map((r) => {
          const e = refs[r.key]!
          return {
            key: r.key,
            percentage: e.pct.trim() === '' ? null : Number(e.pct.replace(',', '.')),
            bron: e.bron,
            jaar: Number(e.jaar),
          }
        }),
      })
      notifySaved('De instellingen van de monitor zijn opgeslagen.')
    } catch (e) {
      setError(
        e instanceof ApiError ? [e.message, ...Object.values(e.fields)].join(' ') : 'Opslaan lukte niet.',
      )
    }
  }
  const setRef = (key: string, field: 'pct' | 'bron' | 'jaar', v: string) =>
    setRefs((r) => ({ ...r, [key]: { ...r[key]!, [field]: v } }))

  return (
    <Stack gap="md" maw={1100}>
      <OrganisationSettings
        form={ddas}
        setForm={setDdas}
        versie={s.softwareVersie}
        voorstel={s.organisatie.contactpersonen.length === 0 && ddas.contactpersonen.length > 0}
      />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>Groepen in de cijfers</Title>
          <TextInput
            label="Leeftijdsgroepen: bovengrenzen in jaren"
            description="Bijvoorbeeld 25, 35, 45, 55, 66 geeft 18-25, 26-35, 36-45, 46-55, 56-66 en 67 en ouder."
            value={ages}
            onChange={(e) => setAges(e.currentTarget.value)}
            maw={480}
          />
          <TextInput
            label="Bedraggroepen: grenzen in euro"
            description="Bijvoorbeeld 100, 250, 500, 1000, 2000 geeft minder dan € 100, € 100 tot € 250, … en € 2.000 of meer."
            value={amounts}
            onChange={(e) => setAmounts(e.currentTarget.value)}
            maw={480}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4}>Landelijke cijfers</Title>
        <Text size="sm" c="dimmed" mb="xs">
          Om mee te vergelijken. Pas ze aan als er nieuwe cijfers van de landelijke monitor zijn. Laat een
          percentage leeg om het niet te tonen.
        </Text>
        <Table aria-label="Landelijke cijfers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cijfer</Table.Th>
              <Table.Th>Percentage</Table.Th>
              <Table.Th>Bron</Table.Th>
              <Table.Th>Jaar</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.referenties.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${r.label}: percentage`}
                    value={refs[r.key]!.pct}
                    onChange={(e) => setRef(r.key, 'pct', e.currentTarget.value)}
                    w={90}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${r.label}: bron`}
                    value={refs[r.key]!.bron}
                    onChange={(e) => setRef(r.key, 'bron', e.currentTarget.value)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${r.label}: jaar`}
                    value={refs[r.key]!.jaar}
                    onChange={(e) => setRef(r.key, 'jaar', e.currentTarget.value)}
                    w={80}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      <Button onClick={() => void save()} loading={saving} w={200}>
        Opslaan
      </Button>
    </Stack>
  )
}
