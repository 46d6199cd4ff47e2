import { useMemo, useState } from 'react'
import { Alert, Button, Center, Group, Loader, NavLink, Paper, Stack, Tabs, Text } from '@mantine/core'
import type { PdfFile } from '@shared/api/documents'
import { call } from '../../api/client'
import { useApiQuery } from '../../api/queries'
import { useCurrentUser } from '../../app/AppContext'
import { describeFailure } from '../../components/form-errors'
import { notifyFailed } from '../../components/notify'
import { DocumentSettingsForm } from './DocumentSettingsForm'
import { PdfViewer } from './PdfViewer'
import { TemplateEditor } from './TemplateEditor'
import { PageHeading } from '../../components/PageHeading'

/** Letters, card and message texts: the kwaliteitsmedewerker edits them; everyone can read them. */
export function TemplatesPage() {
  const user = useCurrentUser()
  const canEdit = user.rol === 'kwaliteitsmedewerker' || user.rol === 'beheerder'
  // Both are read again after a save (api/invalidation.ts); the editor starts over on the new version.
  const templatesQuery = useApiQuery('documents.templates', {})
  const settingsQuery = useApiQuery('documents.settings', {})
  const templates = templatesQuery.data ?? null
  const settings = settingsQuery.data ?? null
  const [picked, setChosen] = useState<number | 'nieuw' | null>(null)
  const chosen = picked ?? templates?.[0]?.id ?? null
  const failed = templatesQuery.error ?? settingsQuery.error
  const error = failed ? describeFailure(failed).message : null
  const [pdf, setPdf] = useState<{ file: PdfFile; title: string } | null>(null)

  const current = useMemo(() => templates?.find((t) => t.id === chosen) ?? null, [templates, chosen])

  if (error) return <Alert color="red">{error}</Alert>
  if (!templates || !settings)
    return (
      <Center h={200}>
        <Loader aria-label="Teksten worden geladen" />
      </Center>
    )

  const openPdf = async (load: Promise<PdfFile>, title: string) => {
    try {
      setPdf({ file: await load, title })
    } catch (e) {
      notifyFailed('Het voorbeeld lukte niet', describeFailure(e).message)
    }
  }

  return (
    <Stack gap="md" maw={1400}>
      <PageHeading>Brieven en kaartjes</PageHeading>
      {!canEdit && (
        <Alert color="blue">
          Alleen een kwaliteitsmedewerker of beheerder past de teksten en instellingen aan.
        </Alert>
      )}
      <Tabs defaultValue="teksten">
        <Tabs.List>
          <Tabs.Tab value="teksten">Teksten</Tabs.Tab>
          <Tabs.Tab value="instellingen">Instellingen voor brieven</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="teksten" pt="md">
          <Group align="flex-start" gap="md" wrap="nowrap">
            <Paper withBorder p="xs" w={260} component="nav" aria-label="Sjablonen">
              {templates.map((t) => (
                <NavLink
                  key={t.id}
                  label={t.naam}
                  description={`Versie ${t.huidig.versie}`}
                  active={chosen === t.id}
                  onClick={() => setChosen(t.id)}
                />
              ))}
              {canEdit && (
                <Button variant="subtle" fullWidth mt="xs" onClick={() => setChosen('nieuw')}>
                  Nieuwe brief toevoegen
                </Button>
              )}
            </Paper>
            <div style={{ flex: 1, minWidth: 0 }}>
              {(current || chosen === 'nieuw') && (
                <TemplateEditor
                  key={chosen === 'nieuw' ? 'nieuw' : `${current!.id}-${current!.huidig.versie}`}
                  template={chosen === 'nieuw' ? null : current}
                  avoided={settings.vermijdWoorden}
                  canEdit={canEdit}
                  onSaved={(t) => setChosen(t.id)}
                  onPreview={(soort, content) =>
                    void openPdf(call('documents.previewTemplate', { soort, content }), 'Afdrukvoorbeeld')
                  }
                />
              )}
              {!current && chosen !== 'nieuw' && <Text c="dimmed">Kies links een tekst.</Text>}
            </div>
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="instellingen" pt="md">
          <DocumentSettingsForm
            settings={settings}
            canEdit={canEdit}
            onCalibrate={() => void openPdf(call('documents.calibrationPdf', {}), 'Proefafdruk venster')}
          />
        </Tabs.Panel>
      </Tabs>
      <PdfViewer file={pdf?.file ?? null} title={pdf?.title ?? ''} onClose={() => setPdf(null)} />
    </Stack>
  )
}
