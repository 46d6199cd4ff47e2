import type { z } from 'zod'
import type { Db } from '../../db/database'
import { PLEK_SOORT_LABELS, WEEKDAG_KORT, type PlaceView, type placeInput } from '@shared/api/appointments'
import { NotFoundError, ValidationError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import type { UseCaseContext } from '../../app/use-case'
import { loadPlaces } from './repository'

/** "ma-vr 08:30-17:00": when a place can be used, as the screens and messages say it. */
export function whenUsable(p: Pick<PlaceView, 'dagen' | 'van' | 'tot'>): string {
  const d = [...p.dagen].sort()
  const consecutive = d.length > 2 && d.every((x, i) => i === 0 || x === d[i - 1]! + 1)
  const days = consecutive
    ? `${WEEKDAG_KORT[d[0]!]}-${WEEKDAG_KORT[d[d.length - 1]!]}`
    : d.map((x) => WEEKDAG_KORT[x]).join(', ')
  return `${days} ${p.van}-${p.tot}`
}

/**
 * Saves a meeting place (kwaliteitsmedewerker; permissions.ts). A new place is a wijk place and
 * needs its wijk and address. The four built-in places keep their kind, name and address (the
 * stadskantoor's is the team's visiting address); their days, hours, accessibility and note can
 * change. A place is never deleted, only made inactive: appointments keep pointing at it.
 */
export async function savePlace(
  db: Db,
  ctx: UseCaseContext,
  p: z.output<typeof placeInput>,
): Promise<PlaceView[]> {
  await db.transaction().execute(async (trx) => {
    const adb = trx
    const hours = {
      dagen: p.dagen.join(''),
      van: p.van,
      tot: p.tot,
      toegankelijk: p.toegankelijk ? 1 : 0,
      toelichting: p.toelichting,
      updated_at: ctx.at,
    }
    const before = p.id
      ? await adb.selectFrom('ontmoetplek').selectAll().where('id', '=', p.id).executeTakeFirst()
      : undefined
    if (p.id && !before) throw new NotFoundError('Deze plek bestaat niet (meer).')
    if (before?.vast === 1) {
      if (!p.actief)
        throw new ValidationError(
          `${PLEK_SOORT_LABELS[before.soort as 'thuis']} is er altijd en kan niet uit.`,
        )
      await adb.updateTable('ontmoetplek').set(hours).where('id', '=', before.id).execute()
    } else {
      const fields: Record<string, string> = {}
      if (p.wijkId === null) fields.wijkId = 'Kies de wijk van deze plek.'
      if (!p.adres) fields.adres = 'Vul het adres in (straat en huisnummer).'
      if (!p.plaats) fields.plaats = 'Vul de plaats in.'
      if (Object.keys(fields).length)
        throw new ValidationError('Een plek in de wijk heeft een wijk en een adres.', fields)
      const wijk = await trx.selectFrom('wijk').select('id').where('id', '=', p.wijkId!).executeTakeFirst()
      if (!wijk) throw new ValidationError('Deze wijk bestaat niet (meer).', { wijkId: 'Kies een wijk.' })
      const values = {
        ...hours,
        soort: 'wijk',
        naam: p.naam,
        wijk_id: p.wijkId,
        adres: p.adres,
        postcode: p.postcode,
        plaats: p.plaats,
        actief: p.actief ? 1 : 0,
      }
      if (before) await adb.updateTable('ontmoetplek').set(values).where('id', '=', before.id).execute()
      else
        await adb
          .insertInto('ontmoetplek')
          .values({ ...values, vast: 0, created_at: ctx.at })
          .execute()
    }
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: before ? (before.actief === 1 && !p.actief ? 'gedeactiveerd' : 'gewijzigd') : 'toegevoegd',
      entityType: 'instellingen',
      entityId: p.id ?? null,
      summary: `Ontmoetplek ${before?.vast === 1 ? before.naam : p.naam}: ${whenUsable(p)}, ${
        p.toegankelijk ? 'toegankelijk' : 'niet toegankelijk'
      }${p.actief ? '' : ', niet meer in gebruik'}`,
    })
  })
  return loadPlaces(db)
}
