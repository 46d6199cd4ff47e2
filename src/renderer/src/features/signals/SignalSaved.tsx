import { useEffect, useRef } from 'react'
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ManualSignalSaved } from '@shared/api/signals'
import { savedSummary } from './signalText'

/** After saving: go to the case, or enter the next signal. Takes the focus so keyboard users hear it. */
export function SignalSaved({
  result,
  onOpen,
  onNext,
}: {
  result: ManualSignalSaved
  onOpen(): void
  onNext(): void
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <Paper withBorder p="lg" maw={720}>
      <Stack gap="sm">
        <Title order={3} ref={heading} tabIndex={-1}>
          Signaal opgeslagen
        </Title>
        <Text>{savedSummary(result)}</Text>
        <Group gap="sm" mt="xs">
          {result.mayOpen && <Button onClick={onOpen}>Naar de zaak</Button>}
          <Button variant={result.mayOpen ? 'default' : 'filled'} onClick={onNext}>
            Nog een signaal invoeren
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
