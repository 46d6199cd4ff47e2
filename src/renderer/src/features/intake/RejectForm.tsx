import { useState } from 'react'
import { Button, Group, Textarea } from '@mantine/core'

/** A reason to reject one or more correction rows, and the button that does it. */
export function RejectForm({
  label,
  confirm,
  busy,
  onReject,
  onCancel,
}: {
  label: string
  confirm: string
  busy: boolean
  onReject(reden: string): void
  onCancel(): void
}) {
  const [reden, setReden] = useState('')
  return (
    <Group align="flex-end">
      <Textarea
        label={label}
        value={reden}
        onChange={(e) => setReden(e.currentTarget.value)}
        autosize
        minRows={1}
        w={420}
      />
      <Button color="red" loading={busy} disabled={!reden.trim()} onClick={() => onReject(reden)}>
        {confirm}
      </Button>
      <Button variant="default" onClick={onCancel}>
        Annuleren
      </Button>
    </Group>
  )
}
