import { Alert, Button, Center, Loader, Stack, Tabs, Text } from '@mantine/core'
import { useApiQuery } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { MedewerkersTab } from './MedewerkersTab'
import { TeamTab } from './TeamTab'
import { WijkenTab } from './WijkenTab'
import { SecurityTab } from '../session/SecurityTab'
import { WorkstationTab } from '../workstation/WorkstationTab'
import { CbsConnectionTab } from '../ddas-vs/CbsConnectionTab'
import { mayCall } from '@shared/api/permissions'
import { useCurrentUser } from '../../app/AppContext'
import { PageHeading } from '../../components/PageHeading'

// A plain fieldset, only there so `disabled` switches every input and button in a tab off at once.
const FIELDSET = { border: 0, padding: 0, margin: 0, minWidth: 0 }

/** Instellingen: the team's own details, its wijken and its members. Every save returns the new view. */
export function SettingsPage() {
  // Read again after every save in a tab (api/invalidation.ts).
  const settings = useApiQuery('settings.get', {})
  const view = settings.data ?? null
  const user = useCurrentUser()
  // The same rule main enforces: others may look, not change.
  const readOnly = !mayCall('settings.saveTeam', user.rol)
  const error = settings.error ? describeFailure(settings.error).message : null

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <PageHeading>Instellingen</PageHeading>
        <Text c="dimmed">Gegevens van het team, de wijken, de medewerkers en deze werkplek.</Text>
      </div>
      {error && (
        <Alert color="red" title="De instellingen konden niet worden geladen" role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{error}</Text>
            <Button variant="default" size="xs" onClick={() => void settings.refetch()}>
              Opnieuw proberen
            </Button>
          </Stack>
        </Alert>
      )}
      {!view && !error && (
        <Center py="xl">
          <Loader aria-label="Instellingen worden geladen" />
        </Center>
      )}
      {view && readOnly && (
        <Alert color="blue" title="Alleen bekijken">
          Je kunt de instellingen bekijken. Wijzigen kan de kwaliteitsmedewerker of de beheerder.
        </Alert>
      )}
      {view && (
        <Tabs defaultValue="team">
          <Tabs.List>
            <Tabs.Tab value="team">Team en inloopspreekuur</Tabs.Tab>
            <Tabs.Tab value="wijken">Wijken</Tabs.Tab>
            <Tabs.Tab value="medewerkers">Medewerkers</Tabs.Tab>
            <Tabs.Tab value="beveiliging">Beveiliging</Tabs.Tab>
            <Tabs.Tab value="werkplek">Werkplek</Tabs.Tab>
            {mayCall('ddasVs.settings', user.rol) && <Tabs.Tab value="cbs">Koppeling CBS</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="team" pt="md">
            <fieldset disabled={readOnly} style={FIELDSET}>
              <TeamTab team={view.team} />
            </fieldset>
          </Tabs.Panel>
          <Tabs.Panel value="wijken" pt="md">
            <fieldset disabled={readOnly} style={FIELDSET}>
              <WijkenTab wijken={view.wijken} />
            </fieldset>
          </Tabs.Panel>
          <Tabs.Panel value="medewerkers" pt="md">
            <fieldset disabled={readOnly} style={FIELDSET}>
              <MedewerkersTab medewerkers={view.medewerkers} wijken={view.wijken} />
            </fieldset>
          </Tabs.Panel>
          <Tabs.Panel value="beveiliging" pt="md">
            <SecurityTab />
          </Tabs.Panel>
          <Tabs.Panel value="werkplek" pt="md">
            <WorkstationTab />
          </Tabs.Panel>
          {mayCall('ddasVs.settings', user.rol) && (
            <Tabs.Panel value="cbs" pt="md">
              <CbsConnectionTab />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Stack>
  )
}
