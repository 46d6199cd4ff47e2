import { useState } from 'react'
import { Alert, Anchor, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core'
import type { AnalyseResult, ColumnMapping, ImportSummary } from '@shared/api/intake'
import { ApiError, call } from '../../api/client'
import { routeHref } from '../../app/router'
import { MappingStep } from './MappingStep'
import { SummaryView } from './SummaryView'
import { MAX_FILE_BYTES, fileToBase64 } from './fileBytes'

interface Loaded {
  fileName: string
  contentBase64: string
}

/** Signalen inlezen: choose the month's file, confirm the mapping, read the preview, import. */
export function ImportPage() {
  const [step, setStep] = useState(0)
  const [file, setFile] = useState<Loaded | null>(null)
  const [analysis, setAnalysis] = useState<AnalyseResult | null>(null)
  const [mapping, setMapping] = useState<ColumnMapping | null>(null)
  const [bron, setBron] = useState('')
  const [preview, setPreview] = useState<ImportSummary | null>(null)
  const [result, setResult] = useState<ImportSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const fail = (e: unknown) => {
    setError(e instanceof Error ? e.message : 'Er ging iets mis.')
    setFieldErrors(e instanceof ApiError ? e.fields : {})
  }

  const choose = async (f: File | undefined) => {
    setError(null)
    if (!f) return
    if (f.size > MAX_FILE_BYTES) {
      setError('Dit bestand is groter dan 1,4 MB. Lees het in met de opdrachtregel (npm run cli -- import).')
      return
    }
    setBusy(true)
    try {
      const loaded = { fileName: f.name, contentBase64: await fileToBase64(f) }
      const a = await call('intake.analyse', loaded)
      setFile(loaded)
      setAnalysis(a)
      setMapping(a.mapping)
      setBron(a.mappingName ?? '')
      setStep(1)
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  const showPreview = async () => {
    if (!file || !mapping) return
    setBusy(true)
    setError(null)
    try {
      setPreview(await call('intake.preview', { ...file, mapping }))
      setFieldErrors({})
      setStep(2)
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  const commit = async () => {
    if (!file || !mapping) return
    setBusy(true)
    setError(null)
    try {
      setResult(await call('intake.commit', { ...file, mapping, bron }))
      setStep(3)
    } catch (e) {
      fail(e)
      if (e instanceof ApiError && e.fields.bron) setStep(1)
    } finally {
      setBusy(false)
    }
  }

  const restart = () => {
    setStep(0)
    setFile(null)
    setAnalysis(null)
    setPreview(null)
    setResult(null)
    setError(null)
  }

  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>Signalen inlezen</Title>
      <Stepper
        active={step}
        size="sm"
        allowNextStepsSelect={false}
        onStepClick={(s) => s < step && !result && setStep(s)}
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
            en Excel (.xlsx) kunnen allebei. Er wordt nog niets opgeslagen.
          </Text>
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
          {busy && <Text c="dimmed">Bestand wordt gelezen…</Text>}
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
            onBron={setBron}
          />
          <Group>
            <Button variant="default" onClick={restart}>
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
            Zo ziet de inlezing van <b>{file?.fileName}</b> eruit. Er is nog niets opgeslagen.
          </Text>
          <SummaryView summary={preview} done={false} />
          <Group>
            <Button variant="default" onClick={() => setStep(1)}>
              Terug naar kolommen
            </Button>
            <Button
              onClick={() => void commit()}
              loading={busy}
              disabled={preview.nieuw + preview.problemen === 0}
            >
              {preview.nieuw} signalen inlezen
            </Button>
          </Group>
        </>
      )}
      {step === 3 && result && (
        <>
          <Alert color="teal" title="Ingelezen">
            {result.nieuw} nieuwe signalen ingelezen, {result.doorgezet} doorgezet in {result.nieuweZaken}{' '}
            nieuwe zaken. {result.problemen > 0 && `${result.problemen} regels staan in Te controleren.`}
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
