import { useState } from 'react'
import { Button, Group, Paper, Stack, Title } from '@mantine/core'
import { settingsContract } from '@shared/api/settings'
import type { TeamSettings } from '@shared/api/setup'
import { useApiMutation } from '../../api/queries'
import { useAppStatus } from '../../app/AppContext'
import {
  check,
  describeFailure,
  focusFirstError,
  withoutError,
  type FieldErrors,
} from '../../components/form-errors'
import { notifyFailed, notifySaved } from '../../components/notify'
import { InloopFields, TeamFields } from '../../components/TeamSettingsFields'
import type { TeamDraft } from '../../components/team-settings'

interface Props {
  team: TeamSettings
}

/** The team's own details and walk-in hour; the header shows the new team name after saving. */
export function TeamTab({ team }: Props) {
  const { refresh } = useAppStatus()
  const [draft, setDraft] = useState<TeamDraft>(team)
  const [errors, setErrors] = useState<FieldErrors>({})
  const saveTeam = useApiMutation('settings.saveTeam')
  const saving = saveTeam.isPending

  const change = <K extends keyof TeamDraft>(key: K, value: TeamDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => withoutError(e, key))
  }

  const save = async () => {
    const checked = check(settingsContract['settings.saveTeam'].input, draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      focusFirstError()
      return
    }
    try {
      const view = await saveTeam.mutateAsync(draft)
      setErrors({})
      setDraft(view.team)
      notifySaved('De gegevens van het team zijn opgeslagen.')
      await refresh()
    } catch (e) {
      const { message, fields } = describeFailure(e)
      setErrors(fields)
      notifyFailed('Niet opgeslagen', message)
      focusFirstError()
    }
  }

  return (
    <Stack gap="md" maw={820}>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Gemeente en team
        </Title>
        <TeamFields value={draft} errors={errors} onChange={change} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Inloopspreekuur
        </Title>
        <InloopFields value={draft} errors={errors} onChange={change} />
      </Paper>
      <Group justify="flex-end">
        <Button
          variant="default"
          onClick={() => {
            setDraft(team)
            setErrors({})
          }}
          disabled={saving}
        >
          Wijzigingen ongedaan maken
        </Button>
        <Button onClick={() => void save()} loading={saving}>
          Opslaan
        </Button>
      </Group>
    </Stack>
  )
}
