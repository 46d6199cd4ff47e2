import { useState, type FormEvent } from 'react'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ManualSignalSaved } from '@shared/api/signals'
import { useApiMutation } from '../../api/queries'
import { useAppStatus } from '../../app/AppContext'
import { navigate } from '../../app/router'
import {
  describeFailure,
  focusFirstError,
  withoutError,
  type FieldErrors,
} from '../../components/form-errors'
import { todayDutch } from '../../components/localDate'
import { AddressCheckNotice, useAddressCheck } from './AddressCheckNotice'
import { SignalFormFields, fieldId } from './SignalFormFields'
import { SignalSaved } from './SignalSaved'
import { savedSummary } from './signalText'
import classes from './NewSignalPage.module.css'
import {
  addressToCheck,
  emptySignalForm,
  getValue,
  nextSignalForm,
  setValue,
  tidyPostcode,
  toInput,
  validateSignalForm,
  type FieldPath,
  type SignalFormValues,
} from './signalForm'
import { PageHeading } from '../../components/PageHeading'

/** "Signaal invoeren": a signal that came in by phone, mail or letter, entered by hand. */
export function NewSignalPage() {
  const { status } = useAppStatus()
  const plaats = status.gemeenteNaam ?? ''
  const [values, setValues] = useState<SignalFormValues>(() => emptySignalForm(todayDutch(), plaats))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const createSignal = useApiMutation('signals.createManual')
  const saving = createSignal.isPending
  // The summary of what is still wrong appears once saving was tried, not while typing.
  const [attempted, setAttempted] = useState(false)
  const [saved, setSaved] = useState<ManualSignalSaved | null>(null)
  const check = useAddressCheck(saved ? null : addressToCheck(values))

  const change = (path: FieldPath, value: string | boolean) => {
    setValues((v) => setValue(v, path, value))
    // A fixed field should not keep shouting; it is checked again on leaving it or on saving.
    setErrors((e) => withoutError(e, path))
  }

  const blur = (path: FieldPath) => {
    let v = values
    if (path === 'adres.postcode') {
      v = setValue(values, path, tidyPostcode(values.adres.postcode))
      setValues(v)
    }
    // Empty required fields are only reported on saving; what was typed is checked right away.
    const value = getValue(v, path)
    if (typeof value !== 'string' || value.trim() === '') return
    const message = validateSignalForm(v)[path]
    setErrors((e) => (message ? { ...e, [path]: message } : withoutError(e, path)))
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFormError(null)
    setAttempted(true)
    const clientErrors = validateSignalForm(values)
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors)
      focusFirstError()
      return
    }
    try {
      const result = await createSignal.mutateAsync(toInput(values))
      setErrors({})
      setSaved(result)
      notifications.show({
        color: 'teal',
        title: 'Signaal opgeslagen',
        message: savedSummary(result),
      })
    } catch (err) {
      const failure = describeFailure(err)
      setErrors(failure.fields)
      setFormError(failure.message)
      if (Object.keys(failure.fields).length > 0) focusFirstError()
    }
  }

  const another = () => {
    setValues((v) => nextSignalForm(v, plaats))
    setSaved(null)
    setAttempted(false)
    setErrors({})
    setFormError(null)
    // The partner is kept; the next thing to type is the amount.
    requestAnimationFrame(() => document.getElementById(fieldId('signaal.bedrag'))?.focus())
  }

  const errorCount = Object.keys(errors).length

  return (
    <Stack gap="md" maw={980}>
      <div>
        <PageHeading>Signaal invoeren</PageHeading>
        <Text c="dimmed" size="sm">
          Voor een signaal dat per telefoon, e-mail of brief binnenkwam. Velden met een * zijn verplicht.
        </Text>
      </div>

      {saved ? (
        <SignalSaved
          result={saved}
          onOpen={() => navigate({ name: 'zaak', id: saved.caseId })}
          onNext={another}
        />
      ) : (
        <form
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label="Signaal invoeren"
          className={classes.form}
        >
          <Stack gap="md">
            <SignalFormFields
              values={values}
              errors={errors}
              onChange={change}
              onBlur={blur}
              addressNotice={<AddressCheckNotice check={check} />}
            />
            {formError && (
              <Alert color="red" title="Het signaal is niet opgeslagen">
                {formError}
              </Alert>
            )}
            {!formError && attempted && errorCount > 0 && (
              <Alert color="red" title="Het signaal is nog niet opgeslagen">
                {errorCount === 1 ? 'Eén veld klopt nog niet.' : `${errorCount} velden kloppen nog niet.`}{' '}
                Kijk bij de rood gemarkeerde velden.
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={saving}>
                Signaal opslaan
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  )
}
