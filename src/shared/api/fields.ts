import { z } from 'zod'
import { parseDutchDate } from '../format/dates'
import { isValidBsn, isValidEmail, isValidPhone } from '../format/person'
import { normalizePostcode, parseHouseNumber } from '../format/address'

/** Reusable, Dutch-worded field schemas. Every input entering main is checked with these. */

export const id = z.number({ error: 'Ongeldig nummer.' }).int('Ongeldig nummer.').positive('Ongeldig nummer.')

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} ontbreekt.` })
    .trim()
    .min(1, `${label} ontbreekt.`)
    .max(max, `${label} is te lang (hoogstens ${max} tekens).`)

export const optionalText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is geen tekst.` })
    .trim()
    .max(max, `${label} is te lang (hoogstens ${max} tekens).`)
    .default('')

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} ontbreekt.` })
    .trim()
    .transform((v, ctx) => {
      const iso = parseDutchDate(v)
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `${label} is geen geldige datum (dd-mm-jjjj).` })
        return z.NEVER
      }
      return iso
    })

export const optionalIsoDate = (label: string) =>
  z
    .string({ error: `${label} is geen tekst.` })
    .trim()
    .default('')
    .transform((v, ctx) => {
      if (!v) return null
      const iso = parseDutchDate(v)
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `${label} is geen geldige datum (dd-mm-jjjj).` })
        return z.NEVER
      }
      return iso
    })

export const postcode = z
  .string({ error: 'Postcode ontbreekt.' })
  .trim()
  .transform((v, ctx) => {
    const pc = normalizePostcode(v)
    if (!pc) {
      ctx.addIssue({ code: 'custom', message: 'Postcode is niet geldig (bijvoorbeeld 6041 AB).' })
      return z.NEVER
    }
    return pc
  })

export const houseNumber = z
  .string({ error: 'Huisnummer ontbreekt.' })
  .trim()
  .transform((v, ctx) => {
    const hn = parseHouseNumber(v)
    if (!hn) {
      ctx.addIssue({ code: 'custom', message: 'Huisnummer is niet geldig (bijvoorbeeld 12 of 12a).' })
      return z.NEVER
    }
    return hn
  })

export const optionalPhone = (label = 'Telefoonnummer') =>
  z
    .string({ error: `${label} is geen tekst.` })
    .trim()
    .default('')
    .refine((v) => v === '' || isValidPhone(v), `${label} is niet geldig (bijvoorbeeld 06 12345678).`)

export const optionalEmail = (label = 'E-mailadres') =>
  z
    .string({ error: `${label} is geen tekst.` })
    .trim()
    .max(200, `${label} is te lang.`)
    .default('')
    .refine((v) => v === '' || isValidEmail(v), `${label} is niet geldig.`)

export const optionalBsn = z
  .string({ error: 'BSN is geen tekst.' })
  .trim()
  .default('')
  .refine((v) => v === '' || isValidBsn(v), 'Dit BSN klopt niet (de elfproef faalt). Controleer de cijfers.')

export const time = (label: string) =>
  z
    .string({ error: `${label} ontbreekt.` })
    .trim()
    .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, `${label} is geen geldige tijd (uu:mm).`)
    .transform((v) => v.replace('.', ':'))

/**
 * The version of a case that the screen read (DossierView.versie): a change made from the case
 * file carries it, and is refused when a colleague changed the case since (issue 18).
 */
export const caseVersion = z
  .number({ error: 'Open de zaak opnieuw en probeer het nog eens.' })
  .int('Open de zaak opnieuw en probeer het nog eens.')
  .min(0, 'Open de zaak opnieuw en probeer het nog eens.')
