import { Alert, List, Stack, Text } from '@mantine/core'
import { useApiQuery } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { MessageButtons } from '../ladder/MessageButtons'

/**
 * The appointment's confirmation for WhatsApp, sms and e-mail, copied with one click; the team's
 * word check says what to look at before sending.
 */
export function ConfirmationTexts({ afspraakId }: { afspraakId: number }) {
  const query = useApiQuery('appointments.texts', { afspraakId })
  const texts = query.data ?? null
  const error = query.error ? describeFailure(query.error).message : null

  if (error) return <Alert color="red">{error}</Alert>
  if (!texts) return null
  return (
    <Stack gap={6}>
      <MessageButtons berichten={texts} label="Bevestiging:" />
      {texts.woordcheck.length > 0 && (
        <Alert color="yellow" title="Kijk de tekst na voor je hem stuurt">
          <List size="sm">
            {texts.woordcheck.map((w, i) => (
              <List.Item key={i}>{w.melding}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {texts.woordcheck.length === 0 && (
        <Text size="xs" c="dimmed">
          Woordcontrole: niets gevonden.
        </Text>
      )}
    </Stack>
  )
}
