import { useState } from 'react'
import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text } from '@mantine/core'
import { STAP_LABELS, STAP_SOORTEN, type LadderConfig, type StapSoort } from '@shared/api/ladder'
import { DAGDELEN, type Dagdeel } from '@shared/domain/ddas'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { useFormFrom } from '../../components/useFormFrom'
import { useCurrentUser } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'
import { PageHeading } from '../../components/PageHeading'

/** The team's ladder: steps in order, the wait before each, tries and parts of day. */
export function LadderSettingsPage() {
  const user = useCurrentUser()
  const mayEdit = user.rol === 'kwaliteitsmedewerker' || user.rol === 'beheerder'
  const config = useApiQuery('ladder.config', {})
  const [cfg, setCfg] = useState<LadderConfig | null>(null)
  // The form shows what main stored: when loaded, and again after a save.
  useFormFrom(config.data, setCfg)
  const [saveError, setError] = useState<string | null>(null)
  const error = saveError ?? (config.error ? describeFailure(config.error).message : null)
  const saveConfig = useApiMutation('ladder.saveConfig')
  const saving = saveConfig.isPending
  if (!cfg) return error ? <Alert color="red">{error}</Alert> : null

  const setStep = (i: number, patch: Partial<LadderConfig['stappen'][number]>) =>
    setCfg({ ...cfg, stappen: cfg.stappen.map((s, j) => (j === i ? { ...s, ...patch } : s)) })
  const move = (i: number, d: number) => {
    const s = [...cfg.stappen]
    const [x] = s.splice(i, 1)
    s.splice(i + d, 0, x!)
    setCfg({ ...cfg, stappen: s })
  }
  const unused = STAP_SOORTEN.filter((s) => !cfg.stappen.some((x) => x.soort === s))

  const save = async () => {
    setError(null)
    try {
      await saveConfig.mutateAsync(cfg)
      notifySaved('Het stappenplan is opgeslagen. Nieuwe pogingen volgen het nieuwe plan.')
    } catch (e) {
      const f = describeFailure(e)
      setError(Object.values(f.fields)[0] ?? f.message)
    }
  }

  return (
    <Stack gap="md" maw={900}>
      <PageHeading>Stappenplan</PageHeading>
      <Text c="dimmed">
        De volgorde van de stappen, hoeveel werkdagen er tussen zitten, hoe vaak een stap geprobeerd wordt en
        op welke dagdelen. Wissel dagdelen af: dat vergroot de kans op contact.
        {!mayEdit && ' Alleen een kwaliteitsmedewerker kan het stappenplan wijzigen.'}
      </Text>
      {cfg.stappen.map((s, i) => (
        <Paper
          withBorder
          p="sm"
          key={s.soort}
          component="fieldset"
          aria-label={`Stap ${i + 1}`}
          disabled={!mayEdit}
        >
          <Group align="flex-end" wrap="wrap">
            <Text fw={600} w={24}>
              {i + 1}.
            </Text>
            <NativeSelect
              label="Stap"
              w={260}
              value={s.soort}
              data={[s.soort, ...unused].map((v) => ({ value: v, label: STAP_LABELS[v] }))}
              onChange={(e) => setStep(i, { soort: e.currentTarget.value as StapSoort })}
            />
            <NumberInput
              label="Werkdagen wachten"
              w={140}
              min={0}
              max={30}
              value={s.wachtdagen}
              onChange={(v) => setStep(i, { wachtdagen: Number(v) || 0 })}
            />
            <NumberInput
              label="Pogingen"
              w={100}
              min={1}
              max={6}
              value={s.pogingen}
              onChange={(v) => setStep(i, { pogingen: Number(v) || 1 })}
            />
            <Checkbox.Group
              label="Dagdelen"
              value={s.dagdelen}
              onChange={(v) => setStep(i, { dagdelen: DAGDELEN.filter((d) => v.includes(d)) as Dagdeel[] })}
            >
              <Group gap="xs" mt={6}>
                {DAGDELEN.map((d) => (
                  <Checkbox key={d} value={d} label={d} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group gap={4}>
              <Button size="xs" variant="default" disabled={i === 0} onClick={() => move(i, -1)}>
                Omhoog
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={i === cfg.stappen.length - 1}
                onClick={() => move(i, 1)}
              >
                Omlaag
              </Button>
              <Button
                size="xs"
                variant="default"
                color="red"
                disabled={cfg.stappen.length === 1}
                onClick={() => setCfg({ ...cfg, stappen: cfg.stappen.filter((_, j) => j !== i) })}
              >
                Weghalen
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
      {mayEdit && unused.length > 0 && (
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setCfg({
                ...cfg,
                stappen: [
                  ...cfg.stappen,
                  { soort: unused[0]!, wachtdagen: 2, pogingen: 1, dagdelen: ['Ochtend'] },
                ],
              })
            }
          >
            Stap toevoegen
          </Button>
        </Group>
      )}
      <Group align="flex-end">
        <NumberInput
          label="Na contact: opvolgen na (werkdagen)"
          w={260}
          min={1}
          max={30}
          disabled={!mayEdit}
          value={cfg.opvolgDagen}
          onChange={(v) => setCfg({ ...cfg, opvolgDagen: Number(v) || 1 })}
        />
        <NumberInput
          label="Na de laatste stap: afronden na (werkdagen)"
          w={300}
          min={0}
          max={60}
          disabled={!mayEdit}
          value={cfg.afrondDagen}
          onChange={(v) => setCfg({ ...cfg, afrondDagen: Number(v) || 0 })}
        />
      </Group>
      <Group align="flex-end">
        <NativeSelect
          label="Bewoner niet gekomen op een afspraak: dan"
          w={300}
          disabled={!mayEdit}
          value={cfg.nietGekomen.stap}
          data={[
            { value: 'bellen', label: 'Bellen (opnieuw de stappen langs)' },
            { value: 'opvolgen', label: 'Opvolgen zoals na contact' },
          ]}
          onChange={(e) =>
            setCfg({
              ...cfg,
              nietGekomen: { ...cfg.nietGekomen, stap: e.currentTarget.value as 'bellen' | 'opvolgen' },
            })
          }
        />
        <NumberInput
          label="na (werkdagen)"
          w={140}
          min={0}
          max={10}
          disabled={!mayEdit}
          value={cfg.nietGekomen.werkdagen}
          onChange={(v) => setCfg({ ...cfg, nietGekomen: { ...cfg.nietGekomen, werkdagen: Number(v) || 0 } })}
        />
      </Group>
      <Text size="sm" c="dimmed">
        De afzegtermijn van een aangekondigd huisbezoek staat bij de instellingen van brieven en kaartjes.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {mayEdit && (
        <Group>
          <Button loading={saving} onClick={() => void save()}>
            Stappenplan opslaan
          </Button>
        </Group>
      )}
    </Stack>
  )
}
