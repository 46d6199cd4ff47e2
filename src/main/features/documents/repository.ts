import type { Db } from '../../db/database'
import type { DocumentSettings } from '@shared/api/documents'
import type { DocumentSoort, TemplateContent } from '@shared/api/documents-text'
import { DEFAULT_DOCUMENT_SETTINGS } from './defaults'

const SETTINGS_KEY = 'documenten'

export async function getDocumentSettings(db: Db): Promise<DocumentSettings> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', SETTINGS_KEY)
    .executeTakeFirst()
  if (!row) return DEFAULT_DOCUMENT_SETTINGS
  return { ...DEFAULT_DOCUMENT_SETTINGS, ...(JSON.parse(row.value) as Partial<DocumentSettings>) }
}

export async function putDocumentSettings(
  db: Db,
  s: DocumentSettings,
  at: string,
  by: number | null,
): Promise<void> {
  const value = JSON.stringify(s)
  await db
    .insertInto('setting')
    .values({ key: SETTINGS_KEY, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute()
}

export interface TemplateVersion {
  id: number
  templateId: number
  versie: number
  naam: string
  content: TemplateContent
  createdAt: string
  door: string
}

export async function templateVersions(db: Db, templateId?: number): Promise<TemplateVersion[]> {
  let q = db
    .selectFrom('document_template_version as v')
    .leftJoin('app_user', 'app_user.id', 'v.created_by')
    .select([
      'v.id',
      'v.template_id',
      'v.versie',
      'v.naam',
      'v.content',
      'v.created_at',
      'app_user.naam as door',
    ])
    .orderBy('v.template_id')
    .orderBy('v.versie', 'desc')
  if (templateId !== undefined) q = q.where('v.template_id', '=', templateId)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    templateId: r.template_id,
    versie: r.versie,
    naam: r.naam,
    content: JSON.parse(r.content) as TemplateContent,
    createdAt: r.created_at,
    door: r.door ?? 'standaardtekst',
  }))
}

export async function templateById(db: Db, id: number) {
  const t = await db.selectFrom('document_template').selectAll().where('id', '=', id).executeTakeFirst()
  return t ? { ...t, soort: t.soort as DocumentSoort } : undefined
}

export async function currentVersion(db: Db, templateId: number): Promise<TemplateVersion | undefined> {
  return (await templateVersions(db, templateId))[0]
}

export async function versionById(db: Db, id: number): Promise<TemplateVersion> {
  const r = await db
    .selectFrom('document_template_version')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return {
    id: r.id,
    templateId: r.template_id,
    versie: r.versie,
    naam: r.naam,
    content: JSON.parse(r.content) as TemplateContent,
    createdAt: r.created_at,
    door: '',
  }
}

/** Queue items with what the queue shows; ordered by postcode then house number. */
export function queueItemsQuery(db: Db) {
  return db
    .selectFrom('print_item as i')
    .innerJoin('vroegsignaalzaak as z', 'z.id', 'i.case_id')
    .innerJoin('household as h', 'h.id', 'z.household_id')
    .innerJoin('document_template as t', 't.id', 'i.template_id')
    .leftJoin('document_template_version as v', 'v.id', 'i.template_version_id')
    .leftJoin('app_user as c', 'c.id', 'i.consulent_id')
    .leftJoin('app_user as col', 'col.id', 'i.collega_id')
    .leftJoin('app_user as by', 'by.id', 'i.created_by')
    .leftJoin('partner_contact as pc', 'pc.id', 'i.partner_contact_id')
    .select([
      'i.id',
      'i.case_id',
      'i.template_id',
      'i.status',
      'i.bezoek_datum',
      'i.bezoek_van',
      'i.bezoek_tot',
      'i.afmeld_datum',
      'i.batch_id',
      'i.created_at',
      'i.sent_on',
      'i.values_json',
      'i.template_version_id',
      'z.case_number',
      'z.display_name',
      'h.postcode',
      'h.huisnummer',
      'h.toevoeging',
      'h.straat',
      'h.plaats',
      't.naam as template_naam',
      't.soort',
      'v.versie',
      'c.naam as consulent_naam',
      'col.naam as collega_naam',
      'pc.naam as partner_naam',
      'pc.organisatie as partner_organisatie',
      'by.naam as door_naam',
    ])
    .orderBy('h.postcode')
    .orderBy('h.huisnummer')
    .orderBy('h.toevoeging')
    .orderBy('i.id')
}

export type QueueRow = Awaited<ReturnType<ReturnType<typeof queueItemsQuery>['execute']>>[number]
