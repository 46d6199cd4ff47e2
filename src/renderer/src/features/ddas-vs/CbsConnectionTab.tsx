import { useState } from 'react'
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { ddasVsSettingsInput, type DdasVsCheck, type DdasVsSettings } from '@shared/api/ddas-vs'
import { useApiMutation, useApiQuery } from '../../api/queries'
import { useFormFrom } from '../../components/useFormFrom'
import { useCurrentUser } from '../../app/AppContext'
import { check, describeFailure, focusFirstError, type FieldErrors } from '../../components/form-errors'
import { notifySaved } from '../../components/notify'

const STATUS = {
  goed: { color: 'teal', mark: '✓', label: 'In orde' },
  waarschuwing: { color: 'orange', mark: '!', label: 'Let op' },
  fout: { color: 'red', mark: '✕', label: 'Fout' },
} as const

/** What the check found, one line per point, in the colours of the rest of the app. */
function CheckResult({ result }: { result: DdasVsCheck }) {
  return (
    <Alert
      color={result.bruikbaar ? 'teal' : 'red'}
      title={result.bruikbaar ? 'De koppeling kan zo werken' : 'De koppeling werkt zo nog niet'}
      role="status"
    >
      <List spacing={6} size="sm" center>
        {result.items.map((i) => (
          <List.Item
            key={i.titel}
            icon={
              <ThemeIcon
                color={STATUS[i.status].color}
                size={20}
                radius="xl"
                aria-label={STATUS[i.status].label}
              >
                <span aria-hidden>{STATUS[i.status].mark}</span>
              </ThemeIcon>
            }
          >
            <Text span fw={600} size="sm">
              {i.titel}:
            </Text>{' '}
            {i.tekst}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}

/**
 * Instellingen > Koppeling CBS: the DDAS-VS API through which CBS collects the DDAS data. Off by
 * default; the beheerder switches it on with what IT gives (the token issuer, the PKIoverheid
 * certificate and key on the server, the port). The kwaliteitsmedewerker may look.
 */
export function CbsConnectionTab() {
  const user = useCurrentUser()
  const mayChange = user.rol === 'beheerder'
  const settings = useApiQuery('ddasVs.settings', {})
  const [form, setForm] = useState<DdasVsSettings | null>(null)
  // The form shows what main stored: when loaded, and again after a save.
  useFormFrom(settings.data, setForm)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [actionMessage, setMessage] = useState<string | null>(null)
  const message = actionMessage ?? (settings.error ? describeFailure(settings.error).message : null)
  const saveSettings = useApiMutation('ddasVs.saveSettings')
  const checkCall = useApiMutation('ddasVs.check')
  const saving = saveSettings.isPending
  const checking = checkCall.isPending
  const [result, setResult] = useState<DdasVsCheck | null>(null)

  if (!form) return message ? <Alert color="red">{message}</Alert> : <Loader aria-label="Laden" />

  const set = <K extends keyof DdasVsSettings>(key: K, value: DdasVsSettings[K]) => {
    setForm({ ...form, [key]: value })
    setErrors(({ [key]: _gone, ...rest }) => rest)
  }
  const text = (key: keyof DdasVsSettings) => ({
    value: form[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value as never),
    error: errors[key],
    disabled: !mayChange,
  })

  const flag = (key: 'aan' | 'ondertekeningVerplicht') => ({
    checked: form[key],
    onChange: (e: { currentTarget: { checked: boolean } }) => set(key, e.currentTarget.checked),
    disabled: !mayChange,
  })
  const whole = (key: 'poort' | 'maxPerMinuut') => ({
    allowDecimal: false,
    value: form[key],
    onChange: (v: number | string) => set(key, typeof v === 'number' ? v : Number(v)),
    error: errors[key],
    disabled: !mayChange,
  })

  const save = async () => {
    setMessage(null)
    setResult(null)
    const checked = check(ddasVsSettingsInput, form)
    if (!checked.ok) {
      setErrors(checked.errors)
      focusFirstError()
      return
    }
    try {
      await saveSettings.mutateAsync(checked.data)
      setErrors({})
      notifySaved(
        checked.data.aan
          ? 'De koppeling met CBS staat aan.'
          : 'De instellingen van de koppeling zijn opgeslagen.',
      )
    } catch (e) {
      const { message: m, fields } = describeFailure(e)
      setErrors(fields)
      setMessage(m)
      focusFirstError()
    }
  }
  const runCheck = async () => {
    setMessage(null)
    try {
      setResult(await checkCall.mutateAsync({}))
    } catch (e) {
      setMessage(describeFailure(e).message)
    }
  }

  return (
    <Stack gap="md" maw={900}>
      <Text>
        Via deze koppeling haalt het CBS de gegevens voor de landelijke monitor zelf op (DDAS, versie 1.2). Er
        gaan dan geen bestanden met persoonsgegevens meer met de hand naar het CBS. De koppeling staat op de
        server van het team, achter de FSC-inway van de gemeente. IT levert de gegevens hieronder.
      </Text>
      {!mayChange && (
        <Alert color="blue" title="Alleen bekijken">
          Deze instellingen kan alleen de beheerder wijzigen.
        </Alert>
      )}
      <Paper withBorder p="md">
        <Switch
          label="Koppeling met CBS aan"
          description="Zolang de koppeling uit staat, geeft de server het CBS geen gegevens."
          {...flag('aan')}
        />
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>Wie mag ophalen: tokens van CBS</Title>
          <Text size="sm" c="dimmed">
            CBS vraagt eerst een toegangstoken aan bij de uitgever. Alleen een token van deze uitgever, voor
            deze audience en met toegang &quot;read&quot;, geeft gegevens.
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label="Uitgever van de tokens (issuer)" placeholder="https://…" {...text('issuer')} />
            <TextInput
              label="Audience"
              description="Zoals die in de tokens van CBS staat."
              {...text('audience')}
            />
          </SimpleGrid>
          <TextInput
            label="Adres van de sleutels van de uitgever (JWKS)"
            placeholder="https://…/jwks"
            description="Of plak de sleutels hieronder als de server de uitgever niet kan bereiken."
            {...text('jwksUrl')}
          />
          <Textarea
            label="Sleutels van de uitgever (JWKS, alleen openbare sleutels)"
            autosize
            minRows={2}
            maxRows={8}
            styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
            {...text('jwks')}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>Ondertekenen: PKIoverheid-certificaat</Title>
          <Text size="sm" c="dimmed">
            Elk antwoord wordt ondertekend, zodat CBS kan zien dat het van de gemeente komt en onderweg niet
            is veranderd. Vul de plaats van de bestanden op de server in. Gebruik niet het certificaat van de
            verbinding (TLS): DDAS vraagt een apart certificaat voor ondertekenen.
          </Text>
          <TextInput
            label="Bestand met het certificaat (PEM)"
            description="Het certificaat, de tussencertificaten en het basiscertificaat van PKIoverheid, achter elkaar."
            placeholder="/etc/lange-adem/ddas-ondertekening.pem"
            {...text('certificaatPad')}
          />
          <TextInput
            label="Bestand met de sleutel (PEM)"
            description="De RSA-sleutel van dat certificaat, zonder wachtwoord, alleen leesbaar voor de server."
            placeholder="/etc/lange-adem/ddas-ondertekening.key"
            {...text('sleutelPad')}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Sleutel-id (kid)"
              description="Leeg: de vingerafdruk van het certificaat."
              {...text('kid')}
            />
            <TextInput
              label="Bestand met vertrouwde basiscertificaten (PEM)"
              description="Voor verzoeken die CBS ondertekent. Leeg: het basiscertificaat uit het bestand hierboven."
              {...text('vertrouwdeCaPad')}
            />
          </SimpleGrid>
          <Checkbox
            label="Alleen ondertekende verzoeken aannemen"
            description="Een handtekening die er is, wordt altijd gecontroleerd."
            {...flag('ondertekeningVerplicht')}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>Eindpunt</Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NumberInput label="Poort" min={1} max={65535} {...whole('poort')} />
            <TextInput label="Pad" {...text('pad')} />
            <NumberInput
              label="Verzoeken per minuut (hoogstens)"
              min={1}
              max={600}
              {...whole('maxPerMinuut')}
            />
          </SimpleGrid>
          <Text size="sm">
            CBS haalt op met <code>POST {form.pad || ''}/gegevens</code> op poort {form.poort}. Meer dan{' '}
            {form.maxPerMinuut} verzoeken in een minuut krijgen &quot;te veel verzoeken&quot; (429).
          </Text>
        </Stack>
      </Paper>
      {message && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
      {result && <CheckResult result={result} />}
      <Group>
        {mayChange && (
          <Button onClick={() => void save()} loading={saving}>
            Opslaan
          </Button>
        )}
        {mayChange && (
          <Button variant="default" onClick={() => void runCheck()} loading={checking}>
            Opgeslagen instellingen controleren
          </Button>
        )}
      </Group>
    </Stack>
  )
}
