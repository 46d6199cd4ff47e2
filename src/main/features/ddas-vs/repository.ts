import type { Db } from '../../db/database'
import {
  DEFAULT_DDAS_VS_PAD,
  DEFAULT_DDAS_VS_PER_MINUUT,
  DEFAULT_DDAS_VS_POORT,
  type DdasVsCollection,
  type DdasVsSettings,
} from '@shared/api/ddas-vs'
import { formatDate } from '@shared/format/dates'
import { recordAudit } from '../audit/repository'
import { getSetting, putSetting } from '../settings/repository'

/** The settings (one row in `setting`) and the collections table of the CBS connection. */
const SETTINGS_KEY = 'ddas-vs'

export const DEFAULT_DDAS_VS_SETTINGS: DdasVsSettings = {
  aan: false,
  issuer: '',
  audience: '',
  jwksUrl: '',
  jwks: '',
  certificaatPad: '',
  sleutelPad: '',
  vertrouwdeCaPad: '',
  kid: '',
  poort: DEFAULT_DDAS_VS_POORT,
  pad: DEFAULT_DDAS_VS_PAD,
  maxPerMinuut: DEFAULT_DDAS_VS_PER_MINUUT,
  ondertekeningVerplicht: false,
}

export async function getDdasVsSettings(db: Db): Promise<DdasVsSettings> {
  const value = await getSetting(db, SETTINGS_KEY)
  return { ...DEFAULT_DDAS_VS_SETTINGS, ...(value ? (JSON.parse(value) as Partial<DdasVsSettings>) : {}) }
}

export async function putDdasVsSettings(
  db: Db,
  s: DdasVsSettings,
  at: string,
  by: number | null,
): Promise<void> {
  await putSetting(db, SETTINGS_KEY, JSON.stringify(s), at, by)
}

const fmt = (n: number) => n.toLocaleString('nl-NL')

/**
 * One answered page: a row for the Monitor and an entry in the logboek (no user: the token's
 * client collected), in one transaction, before the answer leaves. The logboek names who, which
 * period and how many signals; never a person.
 */
export async function recordCollection(db: Db, c: DdasVsCollection): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ddas_vs_collection')
      .values({
        at: c.op,
        client_id: c.clientId,
        van: c.van,
        tot: c.tot,
        page: c.pagina,
        total_pages: c.paginas,
        signals: c.signalen,
        total_signals: c.totaalSignalen,
        cases: c.zaken,
      })
      .execute()
    await recordAudit(trx, c.op, {
      userId: null,
      action: 'ddas-opgehaald',
      entityType: 'export',
      entityId: null,
      summary:
        `DDAS-gegevens (versie 1.2) opgehaald door ${c.clientId} via de CBS-koppeling: ` +
        `${formatDate(c.van)} t/m ${formatDate(c.tot)}, pagina ${c.pagina} van ${c.paginas}, ` +
        `${fmt(c.signalen)} van ${fmt(c.totaalSignalen)} signalen, ${fmt(c.zaken)} zaken`,
    })
  })
}

export async function lastCollections(db: Db, limit = 20): Promise<DdasVsCollection[]> {
  const rows = await db
    .selectFrom('ddas_vs_collection')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    op: r.at,
    clientId: r.client_id,
    van: r.van,
    tot: r.tot,
    pagina: r.page,
    paginas: r.total_pages,
    signalen: r.signals,
    totaalSignalen: r.total_signals,
    zaken: r.cases,
  }))
}

/**
 * When the settings a delivery is made from (team and monitor) last changed: a cached delivery
 * made before that is stale.
 */
export async function settingStamp(db: Db): Promise<string> {
  const rows = await db
    .selectFrom('setting')
    .select(['key', 'updated_at'])
    .where('key', 'in', ['team', 'monitor'])
    .orderBy('key')
    .execute()
  return rows.map((r) => `${r.key}@${r.updated_at}`).join(',')
}
