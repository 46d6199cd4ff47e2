import type { ExportFile } from '@shared/api/monitor'

/** Saves a file the main process made: through the browser's download (Electron asks where). */
export function saveFile(file: ExportFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const pctText = (pct: number | null) => (pct === null ? '–' : `${pct.toLocaleString('nl-NL')}%`)
