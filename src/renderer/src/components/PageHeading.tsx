import { useEffect, useRef } from 'react'
import { Title, type TitleProps } from '@mantine/core'
import { takeHeadingFocus } from './heading-focus'

/**
 * The one h1 of a screen. When the screen was opened by moving to it (a menu link, a case in a
 * list), focus lands here, so a keyboard or screen reader user starts at the top of the new screen
 * instead of on the page's body. tabIndex -1: focusable by the app, not a Tab stop.
 */
export function PageHeading({ children, ...props }: Omit<TitleProps, 'order'>) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (!takeHeadingFocus()) return
    // A screen that put focus on its own first item already (Vandaag: the first case) keeps it.
    const main = ref.current?.closest('main')
    if (main && main.contains(document.activeElement) && document.activeElement !== main) return
    ref.current?.focus()
  }, [])
  return (
    <Title order={1} size="h2" tabIndex={-1} ref={ref} {...props}>
      {children}
    </Title>
  )
}
