import { Progress, Stack, Text } from '@mantine/core'
import { useApiQuery } from '../../api/queries'

const POLL_MS = 300

/** While a batch is being turned into a PDF: how many documents are done, polled every 300 ms. */
export function RenderProgressBar() {
  // A missed poll only delays the bar; the batch itself reports its own result.
  const job = useApiQuery('documents.renderProgress', {}, { refetchInterval: POLL_MS }).data?.[0] ?? null
  const wat = job?.soort === 'kaart' ? 'kaartjes' : 'brieven'
  const pct = job && job.totaal > 0 ? (job.klaar / job.totaal) * 100 : 0
  return (
    <Stack gap={4} maw={480}>
      <Text size="sm">
        {job ? `De PDF wordt gemaakt: ${job.klaar} van ${job.totaal} ${wat} klaar.` : 'De PDF wordt gemaakt.'}{' '}
        Je kunt intussen verder werken.
      </Text>
      <Progress value={pct} aria-label="Voortgang van de PDF" animated={pct < 100} />
    </Stack>
  )
}
