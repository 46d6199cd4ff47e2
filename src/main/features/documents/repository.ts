import type { Insertable } from 'kysely'
import type { Db } from '../../db/database'
import type { DocumentTemplateVersionTable } from '../../db/schema'
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

// --- templates ---

export async function allTemplates(db: Db) {
  return db.selectFrom('document_template').selectAll().orderBy('id').execute()
}

/** The highest version number of the template (0 when it has none). */
export async function lastVersion(db: Db, templateId: number): Promise<number> {
  const last = await db
    .selectFrom('document_template_version')
    .select((eb) => eb.fn.max('versie').as('max'))
    .where('template_id', '=', templateId)
    .executeTakeFirst()
  return Number(last?.max ?? 0)
}

export async function renameTemplate(db: Db, templateId: number, naam: string): Promise<void> {
  await db.updateTable('document_template').set({ naam }).where('id', '=', templateId).execute()
}

export async function templateNamed(db: Db, naam: string): Promise<boolean> {
  const row = await db
    .selectFrom('document_template')
    .select('id')
    .where('naam', '=', naam)
    .executeTakeFirst()
  return row !== undefined
}

/** A team's own template; its code (`eigen-<id>`) is set once the id is known. */
export async function insertOwnTemplate(db: Db, naam: string, soort: string, at: string): Promise<number> {
  const res = await db
    .insertInto('document_template')
    .values({ code: `eigen-${at}`, naam, soort, standaard: 0, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .updateTable('document_template')
    .set({ code: `eigen-${res.id}` })
    .where('id', '=', res.id)
    .execute()
  return res.id
}

export async function insertTemplateVersion(
  db: Db,
  v: Insertable<DocumentTemplateVersionTable>,
): Promise<void> {
  await db.insertInto('document_template_version').values(v).execute()
}
