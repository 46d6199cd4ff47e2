import type { ReactNode } from 'react'
import { Box, Group, Paper, Title, type PaperProps } from '@mantine/core'

/** One part of the case file: a bordered card with its own heading (for screen readers and tests too). */
export function DossierSection({
  title,
  aside,
  children,
  ...paper
}: { title: string; aside?: ReactNode; children?: ReactNode } & PaperProps) {
  const id = `dossier-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} {...paper}>
      <Group justify="space-between" align="center" gap="sm">
        <Title order={3} id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      {children && <Box mt="sm">{children}</Box>}
    </Paper>
  )
}
