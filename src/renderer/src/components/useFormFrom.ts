import { useState } from 'react'

/**
 * Fills a form from a server answer: on the first answer, and again whenever a new one arrives
 * (the answer read again after a save, with what main stored). `fill` sets the form's state; it
 * runs while rendering, the way React adjusts state to changed input, so no effect and no extra
 * paint with stale fields. An answer equal to the last keeps its identity (the data layer shares
 * it), so reading the same again leaves what the user is typing alone.
 */
export function useFormFrom<T>(answer: T | undefined, fill: (answer: T) => void): void {
  const [filledFrom, setFilledFrom] = useState<T | undefined>(undefined)
  if (answer !== undefined && answer !== filledFrom) {
    setFilledFrom(answer)
    fill(answer)
  }
}
