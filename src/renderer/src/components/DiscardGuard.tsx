import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Group, Text } from '@mantine/core'

export interface DiscardGuard {
  asking: boolean
  /**
   * For the dialog's `onClose` (Escape, the cross, a click beside it) and every cancel button:
   * closes at once when nothing was typed, else asks first. Asked already, it goes back to typing.
   */
  requestClose(): void
  keep(): void
  discard(): void
}

/**
 * A dialog with typed text never closes without a word: what a consulent typed (a note of a
 * call, a reason) is asked about first. `dirty` says whether anything was typed or changed.
 */
export function useDiscardGuard(dirty: boolean, onClose: () => void): DiscardGuard {
  const [asking, setAsking] = useState(false)
  return {
    asking,
    requestClose: () => {
      if (asking) setAsking(false)
      else if (dirty) setAsking(true)
      else onClose()
    },
    keep: () => setAsking(false),
    discard: onClose,
  }
}

/** The question, at the top of the dialog; the focus goes to "Verder met invullen" and back after. */
export function DiscardQuestion({ guard }: { guard: DiscardGuard }) {
  const keepButton = useRef<HTMLButtonElement>(null)
  const returnTo = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (guard.asking) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      keepButton.current?.focus()
    } else {
      returnTo.current?.focus()
      returnTo.current = null
    }
  }, [guard.asking])
  if (!guard.asking) return null
  return (
    <Alert color="orange" title="Wat je hebt ingevuld is nog niet opgeslagen" mb="md">
      <Text size="sm">Sluit je dit venster, dan ben je het kwijt.</Text>
      <Group gap="sm" mt="sm">
        <Button ref={keepButton} size="xs" onClick={guard.keep}>
          Verder met invullen
        </Button>
        <Button size="xs" variant="default" color="red" onClick={guard.discard}>
          Weggooien en sluiten
        </Button>
      </Group>
    </Alert>
  )
}
