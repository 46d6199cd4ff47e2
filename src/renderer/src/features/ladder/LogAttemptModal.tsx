import { useRef, useState, type FormEvent } from 'react'
import { useWindowEvent } from '@mantine/hooks'
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core'
import {
  KANAAL_LABELS,
  KANALEN,
  RESULTATEN,
  RESULTATEN_BEREIKT,
  type Kanaal,
  type LadderResult,
  type LoggableKanaal,
} from '@shared/api/ladder'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { todayDutch } from '../../components/localDate'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { Dialog } from '../../components/Dialog'
import type { CaseVersion } from '../dossier/caseVersion'

// Home visits and the walk-in hour are logged on their own screens; "Onbekend" only for old data.
const SELECTABLE = KANALEN.filter(
  (k): k is LoggableKanaal => k !== 'huisbezoek' && k !== 'inloop' && k !== 'onbekend',
)

/**
 * Logging one attempt by keyboard alone: the channel and result are native selects (type a
 * letter to jump), space ticks "bereikt", Ctrl+Enter saves. Date and time are filled in.
 */
export function LogAttemptModal({
  caseId,
  version,
  kanaal: initial,
  onClose,
  onSaved,
  returnFocus = true,
}: {
  caseId: number
  /** The version of the case file the user read (dossier/caseVersion.ts). */
  version: CaseVersion
  kanaal: Kanaal
  /** False when the page moves the focus itself after saving (Vandaag's next task). */
  returnFocus?: boolean
  onClose(): void
  /** `afspraak`: contact was made and the consulent wants to make an appointment right away. */
  onSaved(r: LadderResult, afspraak: boolean): void
}) {
  const [kanaal, setKanaal] = useState<LoggableKanaal>(
    (SELECTABLE as readonly Kanaal[]).includes(initial) ? (initial as LoggableKanaal) : 'telefoon',
  )
  const [resultaat, setResultaat] = useState(RESULTATEN[kanaal][0]!)
  const [bereikt, setBereikt] = useState(false)
  const [notitie, setNotitie] = useState('')
  const [afspraak, setAfspraak] = useState(false)
  const [today] = useState(todayDutch)
  const [datum, setDatum] = useState(today)
  const [error, setError] = useState<string | null>(null)
  const logAttemptCall = useApiMutation('ladder.logAttempt')
  const saving = logAttemptCall.isPending

  // Escape, the cross or Annuleren with a note typed: asked first (the note would be lost).
  const guard = useDiscardGuard(notitie.trim() !== '' || datum !== today, onClose)

  // One save at a time: Enter held down, or a double press, records one attempt.
  const busy = useRef(false)
  const save = async (e?: FormEvent) => {
    e?.preventDefault()
    if (busy.current) return
    busy.current = true
    setError(null)
    try {
      const r = await logAttemptCall.mutateAsync({
        caseId,
        versie: version.versie,
        kanaal,
        bereikt,
        resultaat,
        notitie,
        datum,
      })
      onSaved(r, bereikt && afspraak && r.plan.open)
    } catch (err) {
      // A colleague changed the case: the case file behind the dialog shows it now; what was
      // typed here stays, and saving again carries the new version.
      version.refused(err)
      const f = describeFailure(err)
      setError(Object.values(f.fields)[0] ?? f.message)
      busy.current = false
    }
  }

  // Ctrl+Enter saves wherever the focus is, also in the moment before the dialog has moved the
  // focus into its form (a fast typist, a slow machine). Not while the discard question is asked.
  useWindowEvent('keydown', (e) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || guard.asking) return
    e.preventDefault()
    void save()
  })

  return (
    <Dialog
      opened
      onClose={guard.requestClose}
      title="Contactpoging vastleggen"
      size="lg"
      returnFocus={returnFocus}
    >
      <DiscardQuestion guard={guard} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NativeSelect
              label="Hoe"
              data-autofocus
              value={kanaal}
              data={SELECTABLE.map((k) => ({ value: k, label: KANAAL_LABELS[k] }))}
              onChange={(e) => {
                const k = e.currentTarget.value as LoggableKanaal
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
          {bereikt && (
            <Checkbox
              label="Meteen een afspraak maken met de bewoner"
              checked={afspraak}
              onChange={(e) => setAfspraak(e.currentTarget.checked)}
            />
          )}
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
    </Dialog>
  )
}
