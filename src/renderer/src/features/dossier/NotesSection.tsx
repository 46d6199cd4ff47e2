import { useState, type FormEvent } from 'react'
import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import type { DossierView } from '@shared/api/dossier'
import { formatDateTime } from '@shared/format/dates'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { DossierSection } from './DossierSection'

/** Notes on the case, newest first, and a box for a new one. */
export function NotesSection({
  dossier: d,
  onChange,
}: {
  dossier: DossierView
  onChange(d: DossierView): void
}) {
  const [tekst, setTekst] = useState('')
  const [error, setError] = useState<string | null>(null)
  const addNoteCall = useApiMutation('dossier.addNote')
  const saving = addNoteCall.isPending

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (!tekst.trim()) {
      setError('Schrijf eerst de notitie.')
      return
    }
    setError(null)
    try {
      onChange(await addNoteCall.mutateAsync({ caseId: d.id, tekst }))
      setTekst('')
    } catch (err) {
      const failure = describeFailure(err)
      setError(failure.fields.tekst ?? failure.message)
    }
  }

  return (
    <DossierSection title="Notities">
      <Stack gap="md">
        <form onSubmit={(e) => void save(e)} noValidate>
          <Stack gap="xs">
            <Textarea
              label="Nieuwe notitie"
              value={tekst}
              onChange={(e) => {
                setTekst(e.currentTarget.value)
                if (error) setError(null)
              }}
              onKeyDown={(e) => {
                // Ctrl+Enter saves, as in most mail programs; Enter alone starts a new line.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e)
              }}
              error={error}
              autosize
              minRows={2}
              maxRows={10}
              maxLength={4000}
            />
            <Group>
              <Button type="submit" loading={saving}>
                Notitie opslaan
              </Button>
            </Group>
          </Stack>
        </form>
        {d.notities.length === 0 ? (
          <Text c="dimmed" size="sm">
            Er zijn nog geen notities.
          </Text>
        ) : (
          <Stack
            gap="sm"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label="Notities"
          >
            {d.notities.map((n) => (
              <li key={n.id}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.op)} · {n.door}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {n.tekst}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </DossierSection>
  )
}
