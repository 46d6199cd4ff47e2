import { useCallback, useState } from 'react'
import { Alert, Button, Container, Divider, Group, Stack, Stepper, Text, Title } from '@mantine/core'
import { useApiMutation } from '../../api/queries'
import { useAppStatus } from '../../app/AppContext'
import {
  describeFailure,
  errorsUnder,
  focusFirstError,
  withoutError,
  type FieldErrors,
} from '../../components/form-errors'
import { InloopFields, TeamFields } from '../../components/TeamSettingsFields'
import type { TeamDraft } from '../../components/team-settings'
import { DemoOffer } from './DemoOffer'
import { MedewerkersStep } from './MedewerkersStep'
import { SummaryStep } from './SummaryStep'
import { WijkenStep } from './WijkenStep'
import { WachtwoordStep } from './WachtwoordStep'
import {
  STEP_CONTROLE,
  STEP_WACHTWOORD,
  beheerderNames,
  STEP_INLOOP,
  STEP_MEDEWERKERS,
  STEP_TEAM,
  STEP_WIJKEN,
  errorsForStep,
  firstStepWithError,
  initialDraft,
  newMedewerker,
  newWijk,
  removeWijk,
  renameWijk,
  toSetupInput,
  validateSetup,
  wijkNames,
  type BeheerderDraft,
  type MedewerkerDraft,
  type SetupDraft,
} from './setup-draft'

const STEP_TITLES = [
  'Gemeente en team',
  'Inloopspreekuur',
  'Wijken',
  'Team',
  'Jouw wachtwoord',
  'Controleren en opslaan',
] as const

/** Errors of one list ("wijken") are dropped when a row goes, since the indexes they name shift. */
function withoutList(errors: FieldErrors, list: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k !== list && !k.startsWith(list + '.')))
}

/**
 * The first-run set-up on an empty database: team, walk-in hour, wijken and team members,
 * each step checked with the schemas main uses, then stored in one go by `setup.complete`.
 */
export function SetupPage() {
  const { refresh } = useAppStatus()
  const [draft, setDraft] = useState<SetupDraft>(initialDraft)
  const [active, setActive] = useState(STEP_TEAM)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const completeSetup = useApiMutation('setup.complete')
  const saving = completeSetup.isPending
  const [focusKey, setFocusKey] = useState<number | null>(null)

  const goTo = (step: number) => {
    setActive(step)
    setFocusKey(null)
    window.scrollTo({ top: 0 })
  }

  const setTeam = <K extends keyof TeamDraft>(key: K, value: TeamDraft[K]) => {
    setDraft((d) => ({ ...d, team: { ...d.team, [key]: value } }))
    setErrors((e) => withoutError(e, `team.${key}`))
  }

  const setMedewerker = <K extends keyof MedewerkerDraft>(
    key: number,
    field: K,
    value: MedewerkerDraft[K],
  ) => {
    const index = draft.medewerkers.findIndex((m) => m.key === key)
    setDraft((d) => ({
      ...d,
      medewerkers: d.medewerkers.map((m) => (m.key === key ? { ...m, [field]: value } : m)),
    }))
    setErrors((e) =>
      withoutError(field === 'rol' ? withoutError(e, 'medewerkers') : e, `medewerkers.${index}.${field}`),
    )
  }

  const setBeheerder = useCallback((value: BeheerderDraft) => {
    setDraft((d) => ({ ...d, beheerder: value }))
    setErrors((e) =>
      withoutError(
        withoutError(withoutError(e, 'beheerder.naam'), 'beheerder.wachtwoord'),
        'beheerder.herhaling',
      ),
    )
  }, [])

  const next = () => {
    const stepErrors = errorsForStep(validateSetup(draft), active)
    setErrors(stepErrors)
    if (Object.keys(stepErrors).length > 0) {
      focusFirstError()
      return
    }
    goTo(active + 1)
  }

  const save = async () => {
    setFailure(null)
    const all = validateSetup(draft)
    const wrongStep = firstStepWithError(all)
    if (wrongStep !== null) {
      setErrors(all)
      if (wrongStep !== STEP_CONTROLE) goTo(wrongStep)
      else setFailure(all['_'] ?? 'Niet alles is goed ingevuld.')
      focusFirstError()
      return
    }
    try {
      await completeSetup.mutateAsync(toSetupInput(draft))
      await refresh()
    } catch (e) {
      const { message, fields } = describeFailure(e)
      setErrors(fields)
      setFailure(message)
      const step = firstStepWithError(fields)
      if (step !== null && step !== STEP_CONTROLE) {
        goTo(step)
        focusFirstError()
      }
    }
  }

  const stepContent = (step: number) => {
    switch (step) {
      case STEP_TEAM:
        return (
          <Stack gap="lg">
            <TeamFields value={draft.team} errors={errorsUnder(errors, 'team')} onChange={setTeam} />
          </Stack>
        )
      case STEP_INLOOP:
        return (
          <Stack gap="md">
            <Text>
              Op kaartjes en brieven staat wanneer bewoners zonder afspraak kunnen binnenlopen. Vaak is dat
              elke week op dinsdagochtend.
            </Text>
            <InloopFields value={draft.team} errors={errorsUnder(errors, 'team')} onChange={setTeam} />
          </Stack>
        )
      case STEP_WIJKEN:
        return (
          <WijkenStep
            wijken={draft.wijken}
            errors={errors}
            focusKey={focusKey}
            onRename={(key, naam) => {
              const index = draft.wijken.findIndex((w) => w.key === key)
              setDraft((d) => renameWijk(d, key, naam))
              setErrors((e) => withoutError(e, `wijken.${index}.naam`))
            }}
            onPostcodes={(key, postcodes) => {
              const index = draft.wijken.findIndex((w) => w.key === key)
              setDraft((d) => ({
                ...d,
                wijken: d.wijken.map((w) => (w.key === key ? { ...w, postcodes } : w)),
              }))
              setErrors((e) => withoutError(e, `wijken.${index}.postcodes`))
            }}
            onAdd={() => {
              const wijk = newWijk()
              setDraft((d) => ({ ...d, wijken: [...d.wijken, wijk] }))
              setErrors((e) => withoutError(e, 'wijken'))
              setFocusKey(wijk.key)
            }}
            onRemove={(key) => {
              setDraft((d) => removeWijk(d, key))
              setErrors((e) => withoutList(e, 'wijken'))
            }}
          />
        )
      case STEP_MEDEWERKERS:
        return (
          <MedewerkersStep
            medewerkers={draft.medewerkers}
            wijkNames={wijkNames(draft)}
            errors={errors}
            focusKey={focusKey}
            onChange={setMedewerker}
            onAdd={() => {
              const m = newMedewerker()
              setDraft((d) => ({ ...d, medewerkers: [...d.medewerkers, m] }))
              setErrors((e) => withoutError(e, 'medewerkers'))
              setFocusKey(m.key)
            }}
            onRemove={(key) => {
              setDraft((d) => ({ ...d, medewerkers: d.medewerkers.filter((m) => m.key !== key) }))
              setErrors((e) => withoutList(e, 'medewerkers'))
            }}
          />
        )
      case STEP_WACHTWOORD:
        return (
          <WachtwoordStep
            beheerder={draft.beheerder}
            names={beheerderNames(draft)}
            errors={errors}
            onChange={setBeheerder}
          />
        )
      default:
        return <SummaryStep draft={draft} onEdit={goTo} />
    }
  }

  return (
    <Container size={960} py="xl">
      <Stack gap="lg">
        <div>
          <Title order={1}>Welkom bij Lange Adem</Title>
          <Text c="dimmed" mt={4}>
            Stel Lange Adem eerst in voor jouw team. Dat doe je één keer; later kun je alles wijzigen onder
            Instellingen.
          </Text>
        </div>
        <Stepper
          active={active}
          onStepClick={(step) => step < active && goTo(step)}
          allowNextStepsSelect={false}
          size="xs"
          wrap={false}
        >
          {STEP_TITLES.map((title, step) => (
            <Stepper.Step key={title} label={title}>
              <Stack gap="md" mt="md">
                <Title order={2} size="h3">
                  {title}
                </Title>
                {failure && (
                  <Alert color="red" title="Opslaan is niet gelukt" role="alert">
                    {failure}
                  </Alert>
                )}
                {stepContent(step)}
              </Stack>
            </Stepper.Step>
          ))}
        </Stepper>
        <Group justify="space-between">
          {active > STEP_TEAM ? (
            <Button variant="default" onClick={() => goTo(active - 1)} disabled={saving}>
              Vorige
            </Button>
          ) : (
            <span />
          )}
          {active < STEP_CONTROLE ? (
            <Button onClick={next}>Volgende</Button>
          ) : (
            <Button onClick={() => void save()} loading={saving}>
              Opslaan en beginnen
            </Button>
          )}
        </Group>
        {active === STEP_TEAM && (
          <>
            <Divider label="of" labelPosition="center" />
            <DemoOffer />
          </>
        )}
      </Stack>
    </Container>
  )
}
