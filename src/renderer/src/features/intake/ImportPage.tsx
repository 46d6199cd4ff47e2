import { useState } from 'react'
import { Alert, Anchor, Button, Group, Stack, Stepper, Text } from '@mantine/core'
import {
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_LABEL,
  type AnalyseResult,
  type ColumnMapping,
  type ImportSummary,
} from '@shared/api/intake'
import { ApiError, chooseImportFile, hasNativeFilePicker, uploadFile } from '../../api/client'
import { useApiMutation } from '../../api/queries'
import { routeHref } from '../../app/router'
import { ImportProgress } from './ImportProgress'
import { MappingStep } from './MappingStep'
import { SummaryView } from './SummaryView'
import { PageHeading } from '../../components/PageHeading'

/**
 * Signalen inlezen: choose the month's file (it goes to main once: the desktop app reads it by
 * its path, the browser streams it), confirm the mapping and the source's name, read the
 * preview, import. Reading, checking and storing run in main's import worker with a progress bar.
 */
export function ImportPage() {
  const [step, setStep] = useState(0)
  const [uploadId, setUploadId] = useState<string | null>(null)
  const [analysis, setAnalysis] = useState<AnalyseResult | null>(null)
  const [mapping, setMapping] = useState<ColumnMapping | null>(null)
  const [bron, setBron] = useState('')
  const [preview, setPreview] = useState<ImportSummary | null>(null)
  const [result, setResult] = useState<ImportSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  // The file's way to main (an upload, or main's own dialog) and its analysis; then the calls.
  const [choosing, setChoosing] = useState(false)
  const analyseCall = useApiMutation('intake.analyse')
  const previewCall = useApiMutation('intake.preview')
  // A commit refetches what the new signals change (api/invalidation.ts).
  const commitCall = useApiMutation('intake.commit')
  const busy = choosing || previewCall.isPending || commitCall.isPending
  const native = hasNativeFilePicker()

  const fail = (e: unknown) => {
    setError(e instanceof Error ? e.message : 'Er ging iets mis.')
    setFieldErrors(e instanceof ApiError ? e.fields : {})
  }

  /** The file is in main: wait for it to be read and analysed, then show the mapping. */
  const analyse = async (id: string) => {
    setUploadId(id)
    const a = await analyseCall.mutateAsync({ uploadId: id, mappingName: '' })
    setAnalysis(a)
    setMapping(a.mapping)
    setBron(a.bronVoorstel)
    setFieldErrors({})
    setStep(1)
  }

  const choose = async (f: File | undefined) => {
    setError(null)
    if (!f) return
    if (f.size > MAX_UPLOAD_BYTES) {
      setError(
        `Dit bestand is groter dan ${MAX_UPLOAD_LABEL}. Dat is meer dan een jaar aan signalen van een grote gemeente; deel het op in kleinere bestanden.`,
      )
      return
    }
    setChoosing(true)
    try {
      await analyse((await uploadFile(f)).uploadId)
    } catch (e) {
      fail(e)
      setUploadId(null)
    } finally {
      setChoosing(false)
    }
  }

  const chooseNative = async () => {
    setError(null)
    setChoosing(true)
    try {
      const up = await chooseImportFile()
      if (up) await analyse(up.uploadId)
    } catch (e) {
      fail(e)
      setUploadId(null)
    } finally {
      setChoosing(false)
    }
  }

  // The source's name saves the mapping for next month: asked for before the preview, so the
  // import cannot fail on it afterwards.
  const bronMissing = () => {
    if (bron.trim()) return false
    setFieldErrors({ bron: 'Geef de bron een naam, bijvoorbeeld "Vindplaats van Schulden".' })
    setError('Vul eerst de naam van de bron in.')
    return true
  }

  const showPreview = async () => {
    if (!uploadId || !mapping || bronMissing()) return
    setError(null)
    try {
      setPreview(await previewCall.mutateAsync({ uploadId, mapping, bron }))
      setFieldErrors({})
      setStep(2)
    } catch (e) {
      fail(e)
    }
  }

  const commit = async () => {
    if (!uploadId || !mapping || bronMissing()) return
    setError(null)
    try {
      setResult(await commitCall.mutateAsync({ uploadId, mapping, bron }))
      setStep(3)
    } catch (e) {
      fail(e)
      if (e instanceof ApiError && e.fields.bron) setStep(1)
    }
  }

  const restart = () => {
    setStep(0)
    setUploadId(null)
    setAnalysis(null)
    setPreview(null)
    setResult(null)
    setError(null)
    setFieldErrors({})
  }

  return (
    <Stack gap="md" maw={1100}>
      <PageHeading>Signalen inlezen</PageHeading>
      <Stepper
        active={step}
        size="sm"
        allowNextStepsSelect={false}
        onStepClick={(s) => s < step && !result && !busy && setStep(s)}
      >
        <Stepper.Step label="Bestand" />
        <Stepper.Step label="Kolommen" />
        <Stepper.Step label="Voorbeeld" />
        <Stepper.Step label="Klaar" />
      </Stepper>
      {error && (
        <Alert color="red" title="Dat lukte niet">
          {error}
        </Alert>
      )}
      {step === 0 && (
        <Stack gap="sm" maw={640}>
          <Text>
            Kies het bestand dat u van het platform heeft gedownload (Vindplaats van Schulden of xxllnc). CSV
            en Excel (.xlsx) kunnen allebei, ook een heel jaar in één bestand (tot {MAX_UPLOAD_LABEL}). Er
            wordt nog niets opgeslagen.
          </Text>
          {native ? (
            <Group>
              <Button onClick={() => void chooseNative()} loading={busy}>
                Bestand kiezen…
              </Button>
            </Group>
          ) : (
            <>
              <label htmlFor="intake-file">
                <Text fw={500} size="sm">
                  Bestand met signalen
                </Text>
              </label>
              <input
                id="intake-file"
                type="file"
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                disabled={busy}
                onChange={(e) => void choose(e.currentTarget.files?.[0])}
              />
            </>
          )}
          {busy && uploadId && <ImportProgress uploadId={uploadId} />}
          {busy && !uploadId && <Text c="dimmed">Het bestand gaat naar Lange Adem…</Text>}
        </Stack>
      )}
      {step === 1 && analysis && mapping && (
        <>
          <MappingStep
            analysis={analysis}
            mapping={mapping}
            bron={bron}
            errors={fieldErrors}
            onMapping={setMapping}
            onBron={(b) => {
              setBron(b)
              if (b.trim() && fieldErrors.bron) setFieldErrors({ ...fieldErrors, bron: '' })
            }}
          />
          {busy && uploadId && <ImportProgress uploadId={uploadId} />}
          <Group>
            <Button variant="default" onClick={restart} disabled={busy}>
              Ander bestand
            </Button>
            <Button onClick={() => void showPreview()} loading={busy}>
              Voorbeeld bekijken
            </Button>
          </Group>
        </>
      )}
      {step === 2 && preview && (
        <>
          <Text>
            Zo ziet de inlezing van <b>{analysis?.fileName}</b> eruit. Er is nog niets opgeslagen.
          </Text>
          <SummaryView summary={preview} done={false} />
          {busy && uploadId && <ImportProgress uploadId={uploadId} />}
          <Group>
            <Button variant="default" onClick={() => setStep(1)} disabled={busy}>
              Terug naar kolommen
            </Button>
            <Button
              onClick={() => void commit()}
              loading={busy}
              disabled={preview.nieuw + preview.problemen === 0}
            >
              {preview.nieuw.toLocaleString('nl-NL')} signalen inlezen
            </Button>
          </Group>
        </>
      )}
      {step === 3 && result && (
        <>
          <Alert color="teal" title="Ingelezen">
            {result.nieuw.toLocaleString('nl-NL')} nieuwe signalen ingelezen,{' '}
            {result.doorgezet.toLocaleString('nl-NL')} doorgezet in{' '}
            {result.nieuweZaken.toLocaleString('nl-NL')} nieuwe zaken.{' '}
            {result.problemen > 0 && `${result.problemen} regels staan in Te controleren.`}
          </Alert>
          <SummaryView summary={result} done />
          <Group>
            {result.importId && (
              <Anchor href={routeHref({ name: 'inlezing', id: result.importId })}>
                Signalen van deze inlezing bekijken
              </Anchor>
            )}
            {result.problemen > 0 && (
              <Anchor href={routeHref({ name: 'te-controleren' })}>Naar Te controleren</Anchor>
            )}
            <Anchor href={routeHref({ name: 'caseload' })}>Naar de caseload</Anchor>
            <Button variant="default" onClick={restart}>
              Nog een bestand inlezen
            </Button>
          </Group>
        </>
      )}
    </Stack>
  )
}
