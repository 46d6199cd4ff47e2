import { useEffect, useState } from 'react'
import { Alert, List, Stack, Text } from '@mantine/core'
import type { ConfirmationTexts as Texts } from '@shared/api/appointments'
import { call } from '../../api/client'
import { describeFailure } from '../../components/form-errors'
import { MessageButtons } from '../ladder/MessageButtons'

export const fetchTexts = (afspraakId: number): Promise<Texts> => call('appointments.texts', { afspraakId })

/**
 * The appointment's confirmation for WhatsApp, sms and e-mail, copied with one click; the team's
 * word check says what to look at before sending.
 */
export function ConfirmationTexts({ afspraakId }: { afspraakId: number }) {
  const [texts, setTexts] = useState<Texts | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let alive = true
    fetchTexts(afspraakId)
      .then((t) => alive && setTexts(t))
      .catch((e: unknown) => alive && setError(describeFailure(e).message))
    return () => {
      alive = false
    }
  }, [afspraakId])

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
