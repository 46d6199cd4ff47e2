import { useEffect, useState } from 'react'
import { Alert, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { AddressCheck } from '@shared/api/signals'
import { call } from '../../api/client'
import { addressCheckText } from './signalText'

type Address = { postcode: string; huisnummer: string; toevoeging: string }

/**
 * Asks main what saving will do for this address (add to an open case, or open a new one) once
 * postcode and house number are filled in, after a short pause in typing.
 */
export function useAddressCheck(address: Address | null): AddressCheck | null {
  const key = address ? JSON.stringify(address) : ''
  const [debounced] = useDebouncedValue(key, 300)
  const [check, setCheck] = useState<{ key: string; value: AddressCheck } | null>(null)
  useEffect(() => {
    if (!debounced) return
    let alive = true
    call('signals.checkAddress', JSON.parse(debounced) as Address)
      .then((value) => alive && setCheck({ key: debounced, value }))
      // The check only informs; the form works without it, and saving reports real errors.
      .catch(() => alive && setCheck(null))
    return () => {
      alive = false
    }
  }, [debounced])
  // Never show the answer for an address that has since been changed.
  return check && check.key === key ? check.value : null
}

export function AddressCheckNotice({ check }: { check: AddressCheck | null }) {
  if (!check) return null
  const t = addressCheckText(check)
  return (
    <Alert color={check.openCase ? 'blue' : 'teal'} variant="light">
      <Text size="sm">{t.body}</Text>
      {t.earlier && (
        <Text size="sm" mt={4}>
          {t.earlier}
        </Text>
      )}
    </Alert>
  )
}
