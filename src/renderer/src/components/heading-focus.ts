/**
 * Whether the next screen heading that appears should take focus. The router sets it when the
 * address changes; the heading (PageHeading) takes it when it mounts, which for a case file is
 * after its data arrived. The first screen after signing in leaves focus alone: there the skip
 * link is the first Tab stop.
 */
let pending = false

export function focusNextHeading(): void {
  pending = true
}

export function takeHeadingFocus(): boolean {
  const was = pending
  pending = false
  return was
}
