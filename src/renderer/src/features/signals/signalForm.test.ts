import { describe, expect, it } from 'vitest'
import {
  addressToCheck,
  emptySignalForm,
  nextSignalForm,
  setValue,
  tidyPostcode,
  toInput,
  validateSignalForm,
  type SignalFormValues,
} from './signalForm'

function filled(): SignalFormValues {
  let v = emptySignalForm('05-11-2026', 'Roermond')
  const set = (path: Parameters<typeof setValue>[1], value: string | boolean) =>
    (v = setValue(v, path, value))
  set('signaal.partnerType', 'Huur')
  set('signaal.partnerNaam', 'Wonen Limburg')
  set('signaal.bedrag', '450,00')
  set('bewoner.voorletters', 'J.')
  set('bewoner.tussenvoegsel', 'van der')
  set('bewoner.achternaam', 'Berg')
  set('adres.postcode', '6041 ab')
  set('adres.huisnummer', '12a')
  set('adres.straat', 'Kapellerlaan')
  return v
}

describe('signal form', () => {
  it('accepts a complete form with the same schema main uses', () => {
    expect(validateSignalForm(filled())).toEqual({})
    expect(toInput(filled()).signaal.partnerType).toBe('Huur')
  })

  it('asks for each empty required field, keyed by its input path', () => {
    const errors = validateSignalForm(emptySignalForm('', ''))
    expect(errors).toMatchObject({
      'signaal.partnerType': 'Kies het soort signaalpartner.',
      'signaal.bedrag': 'Vul het bedrag van de achterstand in.',
      'signaal.signaaldatum': 'Vul de signaaldatum in.',
      'bewoner.voorletters': 'Vul de voorletters in.',
      'bewoner.achternaam': 'Vul de achternaam in.',
      'adres.postcode': 'Vul de postcode in.',
      'adres.huisnummer': 'Vul het huisnummer in.',
      'adres.straat': 'Vul de straat in.',
      'adres.plaats': 'Vul de plaats in.',
    })
    expect(errors['bewoner.tussenvoegsel']).toBeUndefined()
  })

  it('reports what is wrong with a typed value, at the field', () => {
    let v = setValue(filled(), 'signaal.bedrag', 'veel')
    v = setValue(v, 'signaal.ontstaansdatum', '31-02-2026')
    v = setValue(v, 'bewoner.bsn', '123456789')
    v = setValue(v, 'adres.postcode', '6041')
    const errors = validateSignalForm(v)
    expect(Object.keys(errors).sort()).toEqual([
      'adres.postcode',
      'bewoner.bsn',
      'signaal.bedrag',
      'signaal.ontstaansdatum',
    ])
    expect(errors['adres.postcode']).toContain('niet geldig')
  })

  it('keeps the signal partner and the signal date for the next signal, nothing else', () => {
    const next = nextSignalForm(setValue(filled(), 'signaal.crisis', true), 'Roermond')
    expect(next.signaal).toMatchObject({
      partnerType: 'Huur',
      partnerNaam: 'Wonen Limburg',
      signaaldatum: '05-11-2026',
    })
    expect(next.signaal.bedrag).toBe('')
    expect(next.signaal.crisis).toBe(false)
    expect(next.bewoner.achternaam).toBe('')
    expect(next.adres).toEqual({
      postcode: '',
      huisnummer: '',
      toevoeging: '',
      straat: '',
      plaats: 'Roermond',
    })
  })

  it('checks an address only once postcode and house number are complete', () => {
    expect(addressToCheck(setValue(filled(), 'adres.postcode', '6041 a'))).toBeNull()
    expect(addressToCheck(setValue(filled(), 'adres.huisnummer', ''))).toBeNull()
    expect(addressToCheck(filled())).toEqual({ postcode: '6041AB', huisnummer: '12a', toevoeging: '' })
  })

  it('writes a postcode the way it goes on an envelope, and leaves a wrong one alone', () => {
    expect(tidyPostcode('6041ab')).toBe('6041 AB')
    expect(tidyPostcode('60x')).toBe('60x')
  })
})
