import { useEffect, useState } from 'react'
import { Progress, Stack, Text } from '@mantine/core'
import type { RenderProgress } from '@shared/api/documents'
import { call } from '../../api/client'

const POLL_MS = 300

/** While a batch is being turned into a PDF: how many documents are done, polled every 300 ms. */
export function RenderProgressBar() {
  const [job, setJob] = useState<RenderProgress | null>(null)
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const running = await call('documents.renderProgress', {})
        if (!stopped) setJob(running[0] ?? null)
      } catch {
        // A missed poll only delays the bar; the batch itself reports its own result.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [])
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
