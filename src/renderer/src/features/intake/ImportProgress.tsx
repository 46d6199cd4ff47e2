import { Progress, Stack, Text } from '@mantine/core'
import type { IntakeProgress } from '@shared/api/intake'
import { useApiQuery } from '../../api/queries'

const POLL_MS = 300
const nl = (n: number) => n.toLocaleString('nl-NL')

function sentence(p: IntakeProgress | null): string {
  if (!p) return 'Het bestand wordt gelezen.'
  if (p.fase === 'lezen') return `Het bestand wordt gelezen: ${nl(p.gedaan)} regels gelezen.`
  const of = p.totaal === null ? '' : ` van ${nl(p.totaal)}`
  if (p.fase === 'controleren') return `Regels controleren: ${nl(p.gedaan)}${of} regels gecontroleerd.`
  if (p.fase === 'opslaan') return `Signalen opslaan: ${nl(p.gedaan)}${of} regels verwerkt.`
  return `Klaar: ${nl(p.gedaan)} regels.`
}

/**
 * While main reads, checks or stores a file: how many rows, polled every 300 ms. The work runs
 * in main's import worker, so the rest of the app keeps answering meanwhile.
 */
export function ImportProgress({ uploadId }: { uploadId: string }) {
  // A missed poll only delays the figure; the work itself reports its own result.
  const p = useApiQuery('intake.progress', { uploadId }, { refetchInterval: POLL_MS }).data ?? null
  const pct = p && p.totaal ? Math.min(100, (100 * p.gedaan) / p.totaal) : 0
  return (
    <Stack gap={4} maw={560} role="status" aria-live="polite">
      <Text size="sm">{sentence(p)} Je kunt intussen in een ander scherm verder werken.</Text>
      <Progress
        value={p?.fase === 'lezen' ? 100 : pct}
        striped={p?.fase === 'lezen'}
        animated
        aria-label="Voortgang van het inlezen"
      />
    </Stack>
  )
}
