import { useState } from 'react'
import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import type { CasePlanView } from '@shared/api/ladder'

type Which = 'whatsapp' | 'sms' | 'mail'
const LABELS: Record<Which, string> = { whatsapp: 'WhatsApp-tekst', sms: 'Sms-tekst', mail: 'E-mailtekst' }

/**
 * Ready texts, copied to the clipboard with one click; the app sends nothing itself. When the
 * clipboard is not allowed, the text is shown selected so Ctrl+C copies it.
 */
export function MessageButtons({
  berichten,
  label = 'Kant-en-klare tekst:',
}: {
  berichten: Pick<CasePlanView['berichten'], Which | 'mailOnderwerp'>
  /** What the texts are; an appointment's say "Bevestiging:". */
  label?: string
}) {
  const [shown, setShown] = useState<Which | null>(null)
  const [copied, setCopied] = useState<Which | null>(null)
  const text = (w: Which) =>
    w === 'mail' ? `Onderwerp: ${berichten.mailOnderwerp}\n\n${berichten.mail}` : berichten[w]

  const copy = async (w: Which) => {
    setShown(w)
    try {
      await navigator.clipboard.writeText(text(w))
      setCopied(w)
    } catch {
      setCopied(null)
    }
  }

  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {(Object.keys(LABELS) as Which[]).map((w) => (
          <Button key={w} size="xs" variant="light" onClick={() => void copy(w)}>
            {LABELS[w]} kopiëren
          </Button>
        ))}
        {copied && (
          <Text size="sm" c="teal" role="status">
            {LABELS[copied]} gekopieerd. Plak de tekst in WhatsApp, de sms of de mail.
          </Text>
        )}
      </Group>
      {shown && (
        <Textarea
          label={LABELS[shown]}
          value={text(shown)}
          readOnly
          autosize
          minRows={3}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </Stack>
  )
}
