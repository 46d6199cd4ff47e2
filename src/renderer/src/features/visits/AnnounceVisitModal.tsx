import { useState } from 'react'
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import type { LadderResult } from '@shared/api/ladder'
import { useApiMutation } from '../../api/queries'
import { describeFailure, fieldEditor } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { notifySaved } from '../../components/notify'
import { normalizeTime, TimeField } from '../../components/TimeField'
import { DuoSelect, duoIds, useDuoChoices } from './DuoSelect'
import { Dialog } from '../../components/Dialog'
import type { CaseVersion } from '../dossier/caseVersion'

/**
 * "Huisbezoek aankondigen" from a case file: the same use case as the planner (visits.announce),
 * for this one case and its own time window. The visit is planned, the letter waits in the print
 * queue with the same day to call it off, and the plan moves to the visit.
 */
export function AnnounceVisitModal({
  caseId,
  version,
  consulentId,
  template,
  onClose,
  onAnnounced,
}: {
  caseId: number
  /** The version of the case file the user read (dossier/caseVersion.ts). */
  version: CaseVersion
  /** The case's consulent, who goes anyway: not offered as the second visitor. */
  consulentId: number | null
  /** Another letter that names the visit; default the announcement letter. */
  template: { id: number; naam: string } | null
  onClose(): void
  onAnnounced(r: LadderResult): void
}) {
  const { colleagues, partners } = useDuoChoices()
  const [datum, setDatum] = useState('')
  const [van, setVan] = useState('10:00')
  const [tot, setTot] = useState('10:30')
  const [duo, setDuo] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const announceCall = useApiMutation('visits.announce')
  const busy = announceCall.isPending
  const guard = useDiscardGuard(
    datum.trim() !== '' || van !== '10:00' || tot !== '10:30' || duo !== '',
    onClose,
  )

  // A field's message goes when the field is changed.
  const edit = fieldEditor(setErrors)

  const save = async () => {
    setErrors({})
    try {
      const r = await announceCall.mutateAsync({
        caseId,
        versie: version.versie,
        datum,
        van: normalizeTime(van),
        tot: normalizeTime(tot),
        ...duoIds(duo),
        ...(template ? { templateId: template.id } : {}),
      })
      notifySaved(
        `Huisbezoek aangekondigd. ${template?.naam ?? 'De aankondigingsbrief'} staat klaar om af te drukken.`,
      )
      onAnnounced(r)
    } catch (e) {
      version.refused(e)
      const f = describeFailure(e)
      setErrors({ ...f.fields, _: f.message })
    }
  }
  const fieldKeys = ['datum', 'van', 'tot', 'duoUserId', 'duoPartnerId']

  return (
    <Dialog opened onClose={guard.requestClose} title="Huisbezoek aankondigen" centered>
      <DiscardQuestion guard={guard} />
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">
            We komen met zijn tweeën langs. {template?.naam ?? 'De aankondigingsbrief'} noemt de dag en de
            tijd, en komt in de wachtrij om af te drukken.
          </Text>
          <TextInput
            label="Datum huisbezoek"
            description="dd-mm-jjjj"
            value={datum}
            onChange={(e) => edit('datum', setDatum)(e.currentTarget.value)}
            error={errors.datum}
            data-autofocus
          />
          <Group grow align="flex-start">
            <TimeField
              label="Van"
              description="uu:mm"
              value={van}
              onChange={edit('van', setVan)}
              error={errors.van}
            />
            <TimeField
              label="Tot"
              description="uu:mm"
              value={tot}
              onChange={edit('tot', setTot)}
              error={errors.tot}
            />
          </Group>
          <DuoSelect
            value={duo}
            onChange={setDuo}
            colleagues={colleagues}
            partners={partners}
            without={consulentId}
            error={errors.duoUserId ?? errors.duoPartnerId}
          />
          {errors._ && !fieldKeys.some((k) => errors[k]) && <Alert color="red">{errors._}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              Annuleren
            </Button>
            <Button type="submit" loading={busy}>
              Aankondigen
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
