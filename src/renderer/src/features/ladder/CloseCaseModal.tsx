import { useState, type FormEvent } from 'react'
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Textarea } from '@mantine/core'
import { VERWIJZINGEN, type LadderResult } from '@shared/api/ladder'
import { EINDRESULTAAT_GROEPEN, EINDRESULTAAT_UITLEG, type Eindresultaat } from '@shared/domain/ddas'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { Dialog } from '../../components/Dialog'
import type { CaseVersion } from '../dossier/caseVersion'

/** Closing a case: the DDAS end result, whether help was offered and accepted, and the referral. */
export function CloseCaseModal({
  caseId,
  version,
  onClose,
  onSaved,
}: {
  caseId: number
  /** The version of the case file the user read (dossier/caseVersion.ts). */
  version: CaseVersion
  onClose(): void
  onSaved(r: LadderResult): void
}) {
  const [resultaat, setResultaat] = useState<Eindresultaat | ''>('')
  const [aangeboden, setAangeboden] = useState(false)
  const [geaccepteerd, setGeaccepteerd] = useState(false)
  const [verwijzing, setVerwijzing] = useState('')
  const [notitie, setNotitie] = useState('')
  const [error, setError] = useState<string | null>(null)
  const closeCall = useApiMutation('ladder.close')
  const saving = closeCall.isPending

  const guard = useDiscardGuard(resultaat !== '' || verwijzing !== '' || notitie.trim() !== '', onClose)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (!resultaat) {
      setError('Kies het eindresultaat.')
      return
    }
    setError(null)
    try {
      onSaved(
        await closeCall.mutateAsync({
          caseId,
          versie: version.versie,
          resultaat,
          hulpAangeboden: aangeboden,
          hulpGeaccepteerd: aangeboden && geaccepteerd,
          verwijzing,
          notitie,
        }),
      )
    } catch (err) {
      version.refused(err)
      const f = describeFailure(err)
      setError(Object.values(f.fields)[0] ?? f.message)
    }
  }

  return (
    <Dialog opened onClose={guard.requestClose} title="Zaak afsluiten" size="lg">
      <DiscardQuestion guard={guard} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label="Eindresultaat"
            data-autofocus
            value={resultaat}
            description={
              resultaat ? EINDRESULTAAT_UITLEG[resultaat] : 'De eindresultaten van DDAS versie 1.2.'
            }
            data={[
              { value: '', label: 'Kies…' },
              ...EINDRESULTAAT_GROEPEN.map((g) => ({
                group: g.group,
                items: g.items.map((r) => ({ value: r, label: r })),
              })),
            ]}
            onChange={(e) => setResultaat(e.currentTarget.value as Eindresultaat | '')}
          />
          <Checkbox
            label="Hulp aangeboden"
            checked={aangeboden}
            onChange={(e) => setAangeboden(e.currentTarget.checked)}
          />
          <Checkbox
            label="Hulp aangenomen"
            disabled={!aangeboden}
            checked={aangeboden && geaccepteerd}
            onChange={(e) => setGeaccepteerd(e.currentTarget.checked)}
          />
          <NativeSelect
            label="Verwezen naar"
            value={verwijzing}
            data={[
              { value: '', label: 'Niet verwezen' },
              ...VERWIJZINGEN.map((v) => ({ value: v, label: v })),
            ]}
            onChange={(e) => setVerwijzing(e.currentTarget.value)}
          />
          <Textarea
            label="Toelichting"
            value={notitie}
            onChange={(e) => setNotitie(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              Annuleren
            </Button>
            <Button type="submit" color="red" loading={saving}>
              Zaak afsluiten
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
