import { notifications } from '@mantine/notifications'

/** One way to say that an action worked or did not, the same on every screen. */
export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', title: 'Opgeslagen', message })
}

export function notifyFailed(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, autoClose: 10_000 })
}
