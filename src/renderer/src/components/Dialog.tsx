import { useEffect, useLayoutEffect, useRef } from 'react'
import { Modal, type ModalProps } from '@mantine/core'

/** Where focus goes when the element that opened a dialog is gone: the screen's heading. */
function fallbackTarget(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main')
}

/**
 * A Modal that gives focus back to what opened it when it closes. Mantine does that when
 * `opened` turns false, but most dialogs here are mounted only while open (their form state
 * starts fresh each time) and unmounting skipped the return: focus fell to the page's body, and
 * a keyboard user had to start from the top. When the button that opened it has gone (the list
 * changed after a save), focus goes to the screen's heading instead; where the screen placed
 * focus itself after the save, it stays there.
 */
export function Dialog({ opened, ...props }: ModalProps) {
  const trigger = useRef<HTMLElement | null>(null)
  // Before Mantine moves focus into the dialog: remember where it was.
  useLayoutEffect(() => {
    if (opened && document.activeElement instanceof HTMLElement && document.activeElement !== document.body)
      trigger.current = document.activeElement
  }, [opened])
  useEffect(() => {
    if (opened) return
    restore(trigger)
  }, [opened])
  useEffect(() => () => restore(trigger), [])
  return <Modal opened={opened} returnFocus={false} {...props} />
}

function restore(trigger: { current: HTMLElement | null }) {
  const target = trigger.current
  if (!target) return
  trigger.current = null
  // After React has removed the dialog (and its focus trap) from the page.
  queueMicrotask(() => {
    // The screen moved focus on itself after the save (the case file: to the next task): keep it.
    const now = document.activeElement
    if (now && now !== document.body && now.isConnected && !now.closest('[role="dialog"]')) return
    const to = target.isConnected ? target : fallbackTarget()
    to?.focus()
  })
}
