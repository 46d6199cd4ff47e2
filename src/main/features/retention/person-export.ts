import { sql } from 'kysely'
import type { Db } from '../../db/database'
import type { Database } from '../../db/schema'
import type { PersonExport } from '@shared/api/retention'
import { formatDate, formatDateTime } from '@shared/format/dates'
import { recordAudit } from '../audit/repository'
import { getTeamSettings } from '../settings/repository'
import type { UseCaseContext } from '../../app/use-case'
import { chunked } from './erase'
import { personScope } from './person'

type Row = Record<string, unknown>

/** The sections of the export: key in the JSON file, heading in the text overview. */
export const EXPORT_SECTIONS = [
  ['bewoners', 'Persoonsgegevens'],
  ['adressen', 'Adressen'],
  ['signalen', 'Signalen van betalingsachterstand'],
  ['beoordeling', 'Beoordeling bij het inlezen'],
  ['importregels', 'Regels uit inleesbestanden'],
  ['eerdereGegevens', 'Eerdere contactgegevens (bewaard om een inlezing ongedaan te kunnen maken)'],
  ['zaken', 'Zaken'],
  ['contactpogingen', 'Contactpogingen'],
  ['notities', 'Notities'],
  ['huisbezoeken', 'Huisbezoeken'],
  ['afspraken', 'Afspraken'],
  ['inloopbezoeken', 'Bezoeken aan het inloopspreekuur'],
  ['documenten', 'Brieven en kaartjes'],
  ['logboek', 'Wie wat heeft gedaan (logboek)'],
] as const

export type ExportKey = (typeof EXPORT_SECTIONS)[number][0]

/** Every row of `table` whose `column` is one of `ids`, all columns, in id order. */
async function rowsIn(
  db: Db,
  table: keyof Database,
  column: 'id' | 'case_id',
  ids: number[],
): Promise<Row[]> {
  return (
    await chunked(ids, async (c) => {
      const q = sql<Row>`select * from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(c)}) order by ${sql.ref('id')}`
      return (await q.execute(db)).rows
    })
  ).flat()
}

/** rowsIn for a table without an id column, in the order of the given column. */
async function rowsInNoId(db: Db, table: keyof Database, column: string, ids: number[]): Promise<Row[]> {
  return (
    await chunked(ids, async (c) => {
      const q = sql<Row>`select * from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(c)}) order by ${sql.ref(column)}`
      return (await q.execute(db)).rows
    })
  ).flat()
}

/** Everything stored about the person, per table, as the rows are kept (parsed JSON where stored as JSON). */
export async function collectPerson(db: Db, residentIds: number[]): Promise<Record<ExportKey, Row[]>> {
  const scope = await personScope(db, residentIds)
  const caseIds = scope.cases.map((c) => c.id)
  const bewoners = await rowsIn(db, 'resident', 'id', scope.residentIds)
  const signalen = await rowsIn(db, 'vroegsignaal', 'id', scope.signalIds)
  const beoordeling = (
    await chunked(scope.signalIds, (c) =>
      db.selectFrom('signaal_intake').selectAll().where('signal_id', 'in', c).orderBy('signal_id').execute(),
    )
  ).flat()
  const linked = (
    await chunked(scope.signalIds, (c) =>
      db.selectFrom('import_problem').selectAll().where('signal_id', 'in', c).orderBy('id').execute(),
    )
  ).flat()
  // Rows of the correction list that never became a signal: found by surname and by birth date or
  // BSN in the raw row. Shown as they were read from the file.
  const unlinked: typeof linked = []
  for (const b of bewoners) {
    const surname = String(b.achternaam)
    const marks = [
      b.geboortedatum ? String(b.geboortedatum) : null,
      b.geboortedatum ? formatDate(String(b.geboortedatum)) : null,
      b.bsn ? String(b.bsn) : null,
    ].filter((x): x is string => !!x)
    if (!marks.length) continue
    const rows = await db
      .selectFrom('import_problem')
      .selectAll()
      .where('signal_id', 'is', null)
      .where('values_json', 'like', `%${surname.replace(/[%_]/g, '')}%`)
      .execute()
    unlinked.push(...rows.filter((r) => marks.some((m) => r.values_json.includes(m))))
  }
  const importregels = [...new Map([...linked, ...unlinked].map((r) => [r.id, r])).values()].map((r) => ({
    ...r,
    values_json: JSON.parse(r.values_json) as unknown,
    problems_json: JSON.parse(r.problems_json) as unknown,
  }))
  const eerdereGegevens = await rowsInNoId(db, 'import_resident_before', 'resident_id', scope.residentIds)
  // A case of a shared household can carry a housemate's name in its summary: leave those out.
  const zaken = (await rowsIn(db, 'vroegsignaalzaak', 'id', caseIds)).map(
    ({ display_name: _d, sort_name: _s, ...rest }) => rest,
  )
  const documenten = (await rowsIn(db, 'print_item', 'case_id', caseIds)).map((r) => ({
    ...r,
    values_json: r.values_json ? (JSON.parse(String(r.values_json)) as unknown) : null,
  }))
  const inloopbezoeken = (
    await chunked(caseIds, (c) =>
      db
        .selectFrom('walkin_bezoek as b')
        .innerJoin('walkin_sessie as s', 's.id', 'b.sessie_id')
        .selectAll('b')
        .select('s.datum as sessie_datum')
        .where('b.case_id', 'in', c)
        .orderBy('b.id')
        .execute(),
    )
  ).flat()
  const logboek = (
    await Promise.all(
      (
        [
          ['zaak', caseIds],
          ['signaal', scope.signalIds],
          ['bewoner', scope.residentIds],
        ] as const
      ).map(async ([type, ids]) =>
        (
          await chunked(ids, (c) =>
            db
              .selectFrom('audit_log as a')
              .leftJoin('app_user as u', 'u.id', 'a.user_id')
              .select([
                'a.id',
                'a.at',
                'u.naam as medewerker',
                'a.action',
                'a.entity_type',
                'a.entity_id',
                'a.summary',
              ])
              .where('a.entity_type', '=', type)
              .where('a.entity_id', 'in', c)
              .execute(),
          )
        ).flat(),
      ),
    )
  )
    .flat()
    .sort((a, b) => a.id - b.id)
  return {
    bewoners,
    adressen: await rowsIn(db, 'household', 'id', scope.householdIds),
    signalen,
    beoordeling,
    importregels,
    eerdereGegevens,
    zaken,
    contactpogingen: await rowsIn(db, 'contactpoging', 'case_id', caseIds),
    notities: await rowsIn(db, 'note', 'case_id', caseIds),
    huisbezoeken: await rowsIn(db, 'huisbezoek', 'case_id', caseIds),
    afspraken: await rowsIn(db, 'afspraak', 'case_id', caseIds),
    inloopbezoeken,
    documenten,
    logboek,
  }
}

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–'
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v)
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v)
    return v
  }
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}

/**
 * The readable overview: plain UTF-8 text. Chosen over PDF because it opens on any device and
 * with a screen reader, prints as is, can be read aloud at the desk, and shows every stored field
 * without a layout that could hide or cut off a value; the JSON file beside it is the complete,
 * machine-readable copy (AVG art. 15 and 20).
 */
export function personText(data: Record<ExportKey, Row[]>, meta: { gemeente: string; op: string }): string {
  const lines = [
    `Inzage: alle gegevens die ${meta.gemeente} over u bewaart in Lange Adem (vroegsignalering)`,
    `Gemaakt op ${formatDateTime(meta.op)}.`,
    '',
    'Per onderdeel staat hieronder elke bewaarde regel met al zijn velden.',
  ]
  for (const [key, title] of EXPORT_SECTIONS) {
    const rows = data[key]
    lines.push('', `== ${title} (${rows.length}) ==`)
    if (!rows.length) lines.push('Niets bewaard.')
    rows.forEach((row, i) => {
      lines.push(`-- ${i + 1} --`)
      for (const [k, v] of Object.entries(row)) lines.push(`  ${k}: ${valueText(v)}`)
    })
  }
  return lines.join('\n') + '\n'
}

export async function exportPerson(
  db: Db,
  ctx: UseCaseContext,
  residentIds: number[],
): Promise<PersonExport> {
  const data = await collectPerson(db, residentIds)
  const team = await getTeamSettings(db)
  const gemeente = team ? `Gemeente ${team.gemeenteNaam}` : 'De gemeente'
  const aantallen = Object.fromEntries(EXPORT_SECTIONS.map(([k]) => [k, data[k].length]))
  const ids = [...residentIds].sort((a, b) => a - b)
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'inzageverzoek',
      entityType: 'bewoner',
      entityId: ids[0]!,
      summary: `Inzage gemaakt voor bewoner nr ${ids.join(', ')}: ${data.zaken.length} zaken, ${data.signalen.length} signalen`,
    })
  })
  // No name in the file name: it ends up in download lists and folder views.
  const base = `inzage-bewoner-${ids.join('-')}-${ctx.today}`
  const json = JSON.stringify({ gemeente, gemaaktOp: ctx.at, bewonerIds: ids, gegevens: data }, null, 2)
  return {
    json: {
      fileName: `${base}.json`,
      mimeType: 'application/json',
      base64: Buffer.from(json, 'utf8').toString('base64'),
    },
    tekst: {
      fileName: `${base}.txt`,
      mimeType: 'text/plain;charset=utf-8',
      base64: Buffer.from(personText(data, { gemeente, op: ctx.at }), 'utf8').toString('base64'),
    },
    aantallen,
  }
}
