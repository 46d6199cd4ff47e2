import { useRef } from 'react'
import { Anchor, Button, Group, Stack, Text } from '@mantine/core'
import type { PdfFile } from '@shared/api/documents'
import { Dialog } from '../../components/Dialog'

interface PdfBridge {
  /** Electron: the system print dialog for this PDF. */
  printPdf?(bytes: Uint8Array, fileName: string): Promise<unknown>
  /** Electron: a save dialog, then the PDF is written where the user chose. */
  savePdf?(bytes: Uint8Array, fileName: string): Promise<unknown>
}

function bytesOf(file: PdfFile): Uint8Array<ArrayBuffer> {
  const bin = atob(file.pdfBase64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** The object URL of each PDF shown, made once per file. */
const urls = new WeakMap<PdfFile, string>()
let shown: string | null = null

/**
 * The blob URL of `file`. One PDF is shown at a time (a dialog), so the one before is revoked
 * when another is made; made during render but only once per file, so a render again (or
 * StrictMode's second one) reuses it.
 */
function objectUrl(file: PdfFile): string {
  let url = urls.get(file)
  if (!url) {
    if (shown) URL.revokeObjectURL(shown)
    url = URL.createObjectURL(new Blob([bytesOf(file)], { type: 'application/pdf' }))
    urls.set(file, url)
    shown = url
  }
  return url
}

/**
 * Shows a PDF inside the app. In the browser mode it is a blob URL in a frame (the frame's own
 * toolbar prints and saves); in Electron the PDF can also go to the system viewer to print.
 */
export function PdfViewer({
  file,
  title,
  onClose,
}: {
  file: PdfFile | null
  title: string
  onClose(): void
}) {
  const url = file ? objectUrl(file) : null
  const frame = useRef<HTMLIFrameElement>(null)
  const bridge = (window as unknown as { langeAdem?: PdfBridge }).langeAdem

  return (
    <Dialog opened={file !== null} onClose={onClose} title={title} size="xl" centered>
      {file && url && (
        <Stack gap="sm">
          <iframe
            ref={frame}
            src={url}
            title={`Voorbeeld: ${title}`}
            style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-4)' }}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Zet bij afdrukken de schaal op 100% (werkelijke grootte).
            </Text>
            <Group gap="sm">
              {bridge?.printPdf ? (
                <Button onClick={() => void bridge.printPdf!(bytesOf(file), file.bestandsnaam)}>
                  Afdrukken
                </Button>
              ) : (
                <Button onClick={() => frame.current?.contentWindow?.print()}>Afdrukken</Button>
              )}
              {bridge?.savePdf ? (
                <Button
                  variant="default"
                  onClick={() => void bridge.savePdf!(bytesOf(file), file.bestandsnaam)}
                >
                  Opslaan als PDF
                </Button>
              ) : (
                <Anchor href={url} download={file.bestandsnaam}>
                  Opslaan als PDF
                </Anchor>
              )}
              <Anchor href={url} target="_blank" rel="noreferrer">
                Openen in nieuw tabblad
              </Anchor>
            </Group>
          </Group>
        </Stack>
      )}
    </Dialog>
  )
}
