import { useState, type FormEvent } from 'react'
import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core'
import {
  URGENTIE_LABELS,
  URGENTIES,
  type Urgentie,
  type WalkinHit,
  type WalkinSessionView,
} from '@shared/api/walkin'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'
import { DiscardQuestion, useDiscardGuard } from '../../components/DiscardGuard'
import { Dialog } from '../../components/Dialog'

export type Visitor = { kind: 'bekend'; hit: WalkinHit } | { kind: 'nieuw' }

const EMPTY_NEW = {
  voorletters: '',
  tussenvoegsel: '',
  achternaam: '',
  geboortedatum: '',
  telefoon: '',
  straat: '',
  huisnummer: '',
  postcode: '',
  plaats: 'Roermond',
}

/** Registers the visit with a short intake; for a new visitor also their name and address. */
export function IntakeModal({
  visitor,
  onClose,
  onSaved,
}: {
  visitor: Visitor
  onClose(): void
  onSaved(r: { session: WalkinSessionView; caseId: number; nieuweZaak: boolean }): void
}) {
  const [p, setP] = useState(EMPTY_NEW)
  const [watSpeelt, setWatSpeelt] = useState('')
  const [rekeningen, setRekeningen] = useState('')
  const [urgentie, setUrgentie] = useState<Urgentie>('geen')
  const [urgentieDatum, setUrgentieDatum] = useState('')
  const [vervolgstap, setVervolgstap] = useState('')
  const [vervolgDatum, setVervolgDatum] = useState('')
  const [error, setError] = useState<string | null>(null)
  const register = useApiMutation('walkin.register')
  const saving = register.isPending

  // A walk-in conversation's notes are not typed twice: closing with text asks first.
  const typed = [watSpeelt, rekeningen, urgentieDatum, vervolgstap, vervolgDatum].some((v) => v.trim() !== '')
  const guard = useDiscardGuard(typed || JSON.stringify(p) !== JSON.stringify(EMPTY_NEW), onClose)

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    const intake = { watSpeelt, rekeningen, urgentie, urgentieDatum, vervolgstap, vervolgDatum }
    try {
      onSaved(
        visitor.kind === 'bekend'
          ? await register.mutateAsync({ residentId: visitor.hit.residentId, intake })
          : await register.mutateAsync({
              nieuw: {
                bewoner: {
                  voorletters: p.voorletters,
                  tussenvoegsel: p.tussenvoegsel,
                  achternaam: p.achternaam,
                  geboortedatum: p.geboortedatum,
                  telefoon: p.telefoon,
                },
                adres: { straat: p.straat, huisnummer: p.huisnummer, postcode: p.postcode, plaats: p.plaats },
              },
              intake,
            }),
      )
    } catch (err) {
      const f = describeFailure(err)
      setError(Object.values(f.fields)[0] ?? f.message)
    }
  }
  const field = (key: keyof typeof EMPTY_NEW, label: string, w?: number) => (
    <TextInput
      label={label}
      w={w}
      value={p[key]}
      onChange={(e) => setP({ ...p, [key]: e.currentTarget.value })}
    />
  )

  return (
    <Dialog
      opened
      onClose={guard.requestClose}
      size="xl"
      title={
        visitor.kind === 'bekend' ? `Bezoek van ${visitor.hit.naam}` : 'Nieuwe bezoeker (zonder signaal)'
      }
    >
      <DiscardQuestion guard={guard} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="sm">
          {visitor.kind === 'bekend' ? (
            <Text size="sm" c="dimmed">
              {visitor.hit.openCase
                ? `Het bezoek komt bij zaak ${visitor.hit.openCase.caseNumber}.`
                : 'Er is geen open zaak: er wordt een nieuwe zaak gestart. Eerdere zaken blijven zichtbaar in het dossier.'}
            </Text>
          ) : (
            <>
              <Group grow>
                {field('voorletters', 'Voorletters')}
                {field('tussenvoegsel', 'Tussenvoegsel')}
                {field('achternaam', 'Achternaam')}
                {field('geboortedatum', 'Geboortedatum')}
              </Group>
              <Group grow>
                {field('straat', 'Straat')}
                {field('huisnummer', 'Huisnummer')}
                {field('postcode', 'Postcode')}
                {field('plaats', 'Plaats')}
                {field('telefoon', 'Telefoonnummer')}
              </Group>
            </>
          )}
          <Textarea
            label="Wat speelt er"
            data-autofocus
            value={watSpeelt}
            onChange={(e) => setWatSpeelt(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <TextInput
            label="Welke rekeningen"
            value={rekeningen}
            onChange={(e) => setRekeningen(e.currentTarget.value)}
          />
          <Group grow>
            <NativeSelect
              label="Haast"
              value={urgentie}
              data={URGENTIES.map((u) => ({ value: u, label: URGENTIE_LABELS[u] }))}
              onChange={(e) => setUrgentie(e.currentTarget.value as Urgentie)}
            />
            <TextInput
              label="Datum ontruiming of afsluiting"
              placeholder="dd-mm-jjjj"
              disabled={urgentie === 'geen'}
              value={urgentieDatum}
              onChange={(e) => setUrgentieDatum(e.currentTarget.value)}
            />
          </Group>
          <Group grow>
            <TextInput
              label="Afgesproken vervolgstap"
              value={vervolgstap}
              onChange={(e) => setVervolgstap(e.currentTarget.value)}
            />
            <TextInput
              label="Datum vervolgstap"
              placeholder="dd-mm-jjjj"
              value={vervolgDatum}
              onChange={(e) => setVervolgDatum(e.currentTarget.value)}
            />
          </Group>
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              Annuleren
            </Button>
            <Button type="submit" loading={saving}>
              Bezoek vastleggen
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
