import { Alert, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { AddressCheck } from '@shared/api/signals'
import { useApiQuery } from '../../api/queries'
import { addressCheckText } from './signalText'

type Address = { postcode: string; huisnummer: string; toevoeging: string }

/**
 * Asks main what saving will do for this address (add to an open case, or open a new one) once
 * postcode and house number are filled in, after a short pause in typing.
 */
export function useAddressCheck(address: Address | null): AddressCheck | null {
  const key = address ? JSON.stringify(address) : ''
  const [debounced] = useDebouncedValue(key, 300)
  // The check only informs; the form works without it (a failed check shows nothing), and saving
  // reports real errors.
  const check = useApiQuery('signals.checkAddress', (debounced ? JSON.parse(debounced) : {}) as Address, {
    enabled: debounced !== '',
  })
  // Never show the answer for an address that has since been changed.
  return debounced !== '' && debounced === key ? (check.data ?? null) : null
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
