import { useState, type FormEvent } from 'react'
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import {
  KANAAL_LABELS,
  KANALEN,
  RESULTATEN,
  RESULTATEN_BEREIKT,
  type Kanaal,
  type LadderResult,
} from '@shared/api/ladder'
import { call } from '../../api/client'
import { describeFailure } from '../../components/form-errors'
import { todayDutch } from '../../components/localDate'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'

const SELECTABLE: Kanaal[] = KANALEN.filter((k) => k !== 'huisbezoek' && k !== 'inloop')

/**
 * Logging one attempt by keyboard alone: the channel and result are native selects (type a
 * letter to jump), space ticks "bereikt", Ctrl+Enter saves. Date and time are filled in.
 */
export function LogAttemptModal({
  caseId,
  kanaal: initial,
  onClose,
  onSaved,
}: {
  caseId: number
  kanaal: Kanaal
  onClose(): void
  onSaved(r: LadderResult): void
}) {
  const [kanaal, setKanaal] = useState<Kanaal>(SELECTABLE.includes(initial) ? initial : 'telefoon')
  const [resultaat, setResultaat] = useState(RESULTATEN[kanaal][0]!)
  const [bereikt, setBereikt] = useState(false)
  const [notitie, setNotitie] = useState('')
  const [today] = useState(todayDutch)
  const [datum, setDatum] = useState(today)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  // Escape, the cross or Annuleren with a note typed: asked first (the note would be lost).
  const guard = useDiscardGuard(notitie.trim() !== '' || datum !== today, onClose)

  const save = async (e?: FormEvent) => {
    e?.preventDefault()
    setSaving(true)
    setError(null)
    try {
      onSaved(await call('ladder.logAttempt', { caseId, kanaal, bereikt, resultaat, notitie, datum }))
    } catch (err) {
      const f = describeFailure(err)
      setError(Object.values(f.fields)[0] ?? f.message)
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={guard.requestClose} title="Contactpoging vastleggen" size="lg">
      <DiscardQuestion guard={guard} />
      <form
        onSubmit={(e) => void save(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save()
        }}
        noValidate
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NativeSelect
              label="Hoe"
              data-autofocus
              value={kanaal}
              data={SELECTABLE.map((k) => ({ value: k, label: KANAAL_LABELS[k] }))}
              onChange={(e) => {
                const k = e.currentTarget.value as Kanaal
                setKanaal(k)
                setResultaat(RESULTATEN[k][0]!)
              }}
            />
            <NativeSelect
              label="Resultaat"
              value={resultaat}
              data={[...RESULTATEN[kanaal]]}
              onChange={(e) => {
                const r = e.currentTarget.value
                setResultaat(r)
                if ((RESULTATEN_BEREIKT as readonly string[]).includes(r)) setBereikt(true)
              }}
            />
            <TextInput label="Datum" value={datum} onChange={(e) => setDatum(e.currentTarget.value)} />
          </Group>
          <Checkbox
            label="Contact gehad met de bewoner (bereikt)"
            checked={bereikt}
            onChange={(e) => setBereikt(e.currentTarget.checked)}
          />
          <Textarea
            label="Notitie"
            value={notitie}
            onChange={(e) => setNotitie(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="space-between">
            <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>Ctrl+Enter slaat op</span>
            <Group>
              <Button variant="default" onClick={guard.requestClose}>
                Annuleren
              </Button>
              <Button type="submit" loading={saving}>
                Poging opslaan
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
