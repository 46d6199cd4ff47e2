import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  loadDemo(): void
  reload(): void
  openDataFolder(): void
  /** Locks the window's session in main and shows the lock screen. */
  lock(): void
  quit(): void
}

/** The application menu, in Dutch. */
export function buildMenuTemplate(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Bestand',
      submenu: [
        { label: 'Demo-gegevens laden (lege database)', click: () => actions.loadDemo() },
        { label: 'Gegevensmap openen', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: 'Vergrendelen', accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { type: 'separator' },
        {
          label: isMac ? 'Lange Adem stoppen' : 'Afsluiten',
          accelerator: 'CmdOrCtrl+Q',
          click: () => actions.quit(),
        },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Vernieuwen', accelerator: 'CmdOrCtrl+R', click: () => actions.reload() },
        { type: 'separator' },
        { label: 'Groter', role: 'zoomIn' },
        { label: 'Kleiner', role: 'zoomOut' },
        { label: 'Ware grootte', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
      ],
    },
  ]
}
