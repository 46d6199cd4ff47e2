// The file name with .js: the bundle leaves dependencies to Node's ESM loader, which needs it.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { DdasVersie } from '@shared/api/monitor'
import { ValidationError } from '../../lib/errors'
import v09 from '../../../../resources/ddas/json_schema_Uitwisselmodel.v0.9.json'
import v12 from '../../../../resources/ddas/json_schema_Uitwisselmodel.v1.2.json'

/**
 * The official DDAS schemas (byte-identical copies in resources/ddas; a test compares them with
 * the originals), compiled by a JSON Schema 2020-12 validator with formats checked. Every
 * delivery is checked before it leaves the app: a file the CBS would refuse is never written.
 */
const SCHEMAS: Record<DdasVersie, object> = { '1.2': v12, '0.9': v09 }
const compiled = new Map<DdasVersie, ValidateFunction>()

export function ddasValidator(versie: DdasVersie): ValidateFunction {
  let validate = compiled.get(versie)
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false })
    addFormats(ajv)
    validate = ajv.compile(SCHEMAS[versie])
    compiled.set(versie, validate)
  }
  return validate
}

/** The schema's complaints about a file, as "path: message" lines; empty when it is valid. */
export function ddasSchemaErrors(file: unknown, versie: DdasVersie): string[] {
  const validate = ddasValidator(versie)
  if (validate(file)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`)
}

export function assertValidDelivery(file: unknown, versie: DdasVersie): void {
  const errors = ddasSchemaErrors(file, versie)
  if (errors.length)
    throw new ValidationError(
      `Het DDAS-bestand klopt niet met het officiële schema van versie ${versie}, dus het is niet gemaakt. ` +
        `Meld dit bij de beheerder, met: ${errors.slice(0, 3).join('; ')}`,
    )
}
