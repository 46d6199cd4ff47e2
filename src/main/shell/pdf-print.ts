/**
 * Printing and saving PDFs in Electron: two narrow IPC channels next to the API's. The bytes
 * come from the app's own page (the same PDFs the API made); the shell only hands them to the
 * system print dialog or writes them where the user chose. No rules live here.
 */
import type { BrowserWindowConstructorOptions, IpcMain, IpcMainInvokeEvent } from 'electron'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const PRINT_CHANNEL = 'lange-adem-shell:printPdf'
export const SAVE_CHANNEL = 'lange-adem-shell:savePdf'
const MAX_BYTES = 100 * 1024 * 1024

interface PrintWindow {
  loadFile(path: string): Promise<void>
  close(): void
  webContents: {
    print(
      options: { silent: boolean; printBackground: boolean },
      cb: (ok: boolean, reason: string) => void,
    ): void
  }
}

export interface PdfShellElectron {
  BrowserWindow: new (opts: BrowserWindowConstructorOptions) => PrintWindow
  dialog: {
    showSaveDialog(opts: {
      title: string
      defaultPath: string
      filters: { name: string; extensions: string[] }[]
    }): Promise<{ canceled: boolean; filePath?: string }>
  }
  documentsDir: string
}

/** The hidden window that holds the PDF for printing: the PDF viewer only, nothing else. */
export function printWindowPreferences(): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    // The built-in PDF viewer is a plugin: enabled for this window only.
    plugins: true,
    webviewTag: false,
  }
}

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } })

/** A PDF from the page: bytes that start with %PDF-, and a plain file name ending in .pdf. */
export function parsePdfInput(input: unknown): { bytes: Buffer; fileName: string } | null {
  if (typeof input !== 'object' || input === null) return null
  const { bytes, fileName } = input as { bytes?: unknown; fileName?: unknown }
  if (!(bytes instanceof Uint8Array) || bytes.byteLength < 5 || bytes.byteLength > MAX_BYTES) return null
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') return null
  const base = typeof fileName === 'string' ? fileName.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() : ''
  const name = (base.replace(/\.pdf$/i, '') || 'document').slice(0, 100) + '.pdf'
  return { bytes: buf, fileName: name }
}

export function registerPdfIpc(
  ipcMain: IpcMain,
  electron: PdfShellElectron,
  isTrustedUrl: (url: string) => boolean,
): void {
  const guard =
    <T>(fn: (pdf: { bytes: Buffer; fileName: string }) => Promise<Result<T>>) =>
    async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<T>> => {
      if (!isTrustedUrl(event.senderFrame?.url ?? ''))
        return fail('forbidden', 'Deze aanvraag komt niet van Lange Adem zelf.')
      const pdf = parsePdfInput(input)
      if (!pdf) return fail('validation', 'Dit is geen PDF-bestand.')
      return fn(pdf)
    }

  ipcMain.handle(
    PRINT_CHANNEL,
    guard(async ({ bytes, fileName }) => {
      const dir = mkdtempSync(join(tmpdir(), 'lange-adem-print-'))
      const file = join(dir, fileName)
      writeFileSync(file, bytes)
      const win = new electron.BrowserWindow({
        show: false,
        title: fileName,
        webPreferences: printWindowPreferences(),
      })
      try {
        await win.loadFile(file)
        const printed = await new Promise<boolean>((resolve) =>
          win.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok)),
        )
        return { ok: true, value: { afgedrukt: printed } }
      } finally {
        win.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }),
  )

  ipcMain.handle(
    SAVE_CHANNEL,
    guard<{ opgeslagen: string | null }>(async ({ bytes, fileName }) => {
      const choice = await electron.dialog.showSaveDialog({
        title: 'Opslaan als PDF',
        defaultPath: join(electron.documentsDir, fileName),
        filters: [{ name: 'PDF-bestand', extensions: ['pdf'] }],
      })
      if (choice.canceled || !choice.filePath) return { ok: true, value: { opgeslagen: null } }
      writeFileSync(choice.filePath, bytes)
      return { ok: true, value: { opgeslagen: choice.filePath } }
    }),
  )
}
