import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import { DDAS_EMAIL } from '@shared/api/monitor'
import { KANAAL_SOORT } from '@shared/api/ladder'
import {
  CONTACTSOORTEN,
  DAGDELEN,
  EINDRESULTAAT_GROEPEN,
  EINDRESULTAAT_UITLEG,
  EINDRESULTATEN,
  HULP_GEACCEPTEERD,
  NIET_DOORZETTEN_REDENEN,
  NIET_OPGEPAKT,
  SIGNAALPARTNER_TYPES,
  SIGNAALSTATUSSEN,
} from '@shared/domain/ddas'
import { RENAMED_RESULTS } from '../../db/migrations/0013_ddas_v12'
import { APP_VERSION } from '@shared/version'
import { V12_TO_V09_RESULTAAT, V12_TO_V09_SOORT, V12_TO_V09_STATUS } from './ddas-format'
import { SOORT_BITS } from './facts'

const ROOT = resolve(__dirname, '../../../..')
const enums = (version: string) => {
  const s = JSON.parse(
    readFileSync(resolve(ROOT, `resources/ddas/json_schema_Uitwisselmodel.v${version}.json`), 'utf8'),
  )
  const e = (name: string) => s.$defs[name].enum as string[]
  return {
    resultaat: e('EnumEindresultaat'),
    soort: e('EnumContactsoort'),
    status: e('EnumSignaalstatus'),
    partner: e('EnumSignaalpartner'),
    dagdeel: e('EnumDagdeel'),
  }
}
const V12 = enums('1.2')
const V09 = enums('0.9')
const sorted = (a: readonly string[]) => [...a].sort()
const v12Name = (old: string) => RENAMED_RESULTS.find(([o]) => o === old)?.[1] ?? old

describe('the app vocabulary is v1.2', () => {
  it('has exactly the official lists: 16 end results, 10 contact kinds, 8 statuses', () => {
    expect(sorted(EINDRESULTATEN)).toEqual(sorted(V12.resultaat))
    expect(EINDRESULTATEN).toHaveLength(16)
    expect(sorted(CONTACTSOORTEN)).toEqual(sorted(V12.soort))
    expect(CONTACTSOORTEN).toHaveLength(10)
    expect(sorted(SIGNAALSTATUSSEN)).toEqual(sorted(V12.status))
    expect(sorted(SIGNAALPARTNER_TYPES)).toEqual(sorted(V12.partner))
    expect(sorted(DAGDELEN)).toEqual(sorted(V12.dagdeel))
  })

  it('maps every value stored before v1.2, and every channel, to a v1.2 value', () => {
    for (const r of V09.resultaat) expect(V12.resultaat, r).toContain(v12Name(r))
    for (const s of V09.soort) expect(V12.soort, s).toContain(s)
    for (const s of V09.status) expect(V12.status, s).toContain(s)
    for (const s of Object.values(KANAAL_SOORT)) expect(V12.soort).toContain(s)
    // The two renamed ones and nothing else.
    expect(V09.resultaat.filter((r) => !V12.resultaat.includes(r))).toEqual(RENAMED_RESULTS.map(([o]) => o))
  })

  it('translates every v1.2 value into v0.9 or leaves it out, for a delivery in v0.9', () => {
    const check = (values: string[], map: Record<string, string | null>, v09: string[]) => {
      for (const v of values) {
        const out = v in map ? map[v] : v
        if (out !== null) expect(v09, v).toContain(out)
      }
    }
    check(V12.resultaat, V12_TO_V09_RESULTAAT, V09.resultaat)
    check(V12.soort, V12_TO_V09_SOORT, V09.soort)
    check(V12.status, V12_TO_V09_STATUS, V09.status)
  })

  it('keeps the sets the monitor counts with inside the lists', () => {
    for (const r of NIET_OPGEPAKT) {
      expect(EINDRESULTATEN).toContain(r)
      expect(NIET_DOORZETTEN_REDENEN).toContain(r) // the same strings as the signal statuses
    }
    for (const r of HULP_GEACCEPTEERD) expect(EINDRESULTATEN).toContain(r)
    expect(NIET_DOORZETTEN_REDENEN).toContain('Inwoner al bekend bij schuldhulpverlening')
    expect(NIET_DOORZETTEN_REDENEN).not.toContain('Opgepakt')
  })

  it('offers every end result once on the close-case screen, each with an explanation', () => {
    expect(sorted(EINDRESULTAAT_GROEPEN.flatMap((g) => g.items))).toEqual(sorted(EINDRESULTATEN))
    for (const r of EINDRESULTATEN) expect(EINDRESULTAAT_UITLEG[r].length, r).toBeGreaterThan(20)
  })

  it('never moves a stored bit of the monitor: the first eight kinds keep their place', () => {
    expect(SOORT_BITS.slice(0, 8)).toEqual([
      'Telefoon',
      'SMS/Whatsapp',
      'Mail',
      'Brief',
      'Huisbezoek',
      'Kaartje',
      'Overige',
      'Administratief',
    ])
    expect(sorted(SOORT_BITS)).toEqual(sorted(CONTACTSOORTEN))
  })
})

describe('what the settings accept is what the schema accepts', () => {
  it('checks an e-mail address as the schema does', () => {
    const samples = [
      'vroegsignalering@roermond.nl',
      'f.el-idrissi+ddas@gemeente.example.nl',
      'jan@localhost',
      'jan,piet@roermond.nl',
      'josé@roermond.nl',
      'jan@@roermond.nl',
      'jan@roermond..nl',
      ' jan@roermond.nl',
      'jan@-roermond.nl',
    ]
    const ajv = fullFormats.email as RegExp
    for (const s of samples) expect(DDAS_EMAIL.test(s), s).toBe(ajv.test(s))
  })

  it('names the running version in the supplier code, the one in package.json', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'))
    expect(APP_VERSION).toBe(pkg.version)
  })
})
