import { Fragment, useState } from 'react'
import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core'
import type { ServerProbe, WerkplekStatus } from '@shared/api/workstation'
import { useApiMutation } from '../../api/queries'
import { describeFailure } from '../../components/form-errors'

/**
 * Connecting this computer to the team server, in two steps: the address, then the certificate's
 * fingerprint to compare with the one the server printed. Only after "Ja, klopt" does main pin it
 * (team.json) and forward every call; the connection, the check and the session all happen in
 * main, the page sees only the address and the fingerprint.
 */
/**
 * A fingerprint as the server prints it ("AB:CD:…"), allowed to wrap only between pairs, so each
 * pair stays whole while a person compares it with the server's.
 */
export function Fingerprint({ value, label }: { value: string; label?: string }) {
  const pairs = value.split(':')
  return (
    <Code
      block
      aria-label={label}
      fz="md"
      style={{ whiteSpace: 'normal', lineHeight: 1.8, letterSpacing: '0.02em' }}
    >
      {pairs.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < pairs.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </Fragment>
      ))}
    </Code>
  )
}

/** Main's Dutch refusal; its lines (Verwacht / Gekregen) kept apart. */
function Failure({ message }: { message: string }) {
  return (
    <Alert color="red" title="Verbinden lukt niet" role="alert">
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {message}
      </Text>
    </Alert>
  )
}

export function TeamConnect({
  onConnected,
  onBack,
  backLabel = 'Terug',
}: {
  onConnected: (status: WerkplekStatus) => Promise<void> | void
  onBack?: () => void
  backLabel?: string
}) {
  const [adres, setAdres] = useState('')
  const [werkplek, setWerkplek] = useState('')
  const [probe, setProbe] = useState<ServerProbe | null>(null)
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null)
  const look = useApiMutation('werkplek.bekijkServer')
  const join = useApiMutation('werkplek.koppel')

  const lookUp = async () => {
    setError(null)
    try {
      setProbe(await look.mutateAsync({ adres }))
    } catch (e) {
      const f = describeFailure(e)
      setError({ message: f.message, field: f.fields['adres'] ?? null })
    }
  }

  const confirm = async () => {
    if (!probe) return
    setError(null)
    try {
      const status = await join.mutateAsync({
        adres: probe.server,
        vingerafdruk: probe.vingerafdruk,
        ...(werkplek.trim() ? { werkplek } : {}),
      })
      await onConnected(status)
    } catch (e) {
      setError({ message: describeFailure(e).message, field: null })
    }
  }

  if (!probe)
    return (
      <Stack gap="md">
        <TextInput
          label="Adres van de teamserver"
          description="Dit adres krijg je van de beheerder of van IT. Bijvoorbeeld: https://lange-adem.gemeente.local:8443"
          value={adres}
          onChange={(e) => setAdres(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void lookUp()
          }}
          error={error?.field ?? undefined}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
        <TextInput
          label="Naam van deze werkplek (mag leeg blijven)"
          description="Deze naam staat in het logboek bij alles wat hier gebeurt, bijvoorbeeld Balie 1. Leeg: de naam van de computer."
          value={werkplek}
          onChange={(e) => setWerkplek(e.currentTarget.value)}
          maxLength={40}
          autoComplete="off"
        />
        {error && !error.field && <Failure message={error.message} />}
        <Group justify="space-between">
          {onBack ? (
            <Button variant="default" onClick={onBack} disabled={look.isPending}>
              {backLabel}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={() => void lookUp()} loading={look.isPending}>
            Verbinden
          </Button>
        </Group>
      </Stack>
    )

  return (
    <Stack gap="md">
      <Text>
        De teamserver op <strong>{probe.server}</strong> laat deze vingerafdruk zien:
      </Text>
      <Fingerprint value={probe.vingerafdruk} label="Vingerafdruk van de teamserver" />
      <Alert color="blue" title="Vergelijk de vingerafdruk">
        Vergelijk deze vingerafdruk met die van de teamserver. IT of de beheerder heeft die gekregen toen de
        server voor het eerst startte. Zijn alle tekens gelijk? Dan is dit echt jullie teamserver. Is er één
        teken anders? Kies dan &apos;Klopt niet&apos; en bel IT.
      </Alert>
      {error && <Failure message={error.message} />}
      <Group justify="space-between">
        <Button
          variant="default"
          onClick={() => {
            setProbe(null)
            setError(null)
          }}
          disabled={join.isPending}
        >
          Klopt niet
        </Button>
        <Button onClick={() => void confirm()} loading={join.isPending}>
          Ja, klopt: verbinden
        </Button>
      </Group>
    </Stack>
  )
}
