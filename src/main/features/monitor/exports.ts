import { uncounted } from '../../db/commit-watch'
import type { Db } from '../../db/database'
import type { DdasExportFile, DdasVersie, ExportFile, MonitorDashboard, Ratio } from '@shared/api/monitor'
import { formatDate } from '@shared/format/dates'
import { addSheetRow, csvText } from '../../lib/spreadsheet'
import { recordAudit } from '../audit/repository'
import { getTeamSettings } from '../settings/repository'
import type { UseCaseContext } from '../../app/use-case'
import { buildDdasDelivery, ddasSignalId } from './ddas'
import { HULP_GEACCEPTEERD, refreshFacts } from './facts'
import { getDashboard } from './service'
import type { Period } from './figures'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const periodName = (p: Period) => `${p.van}_${p.tot}`

/**
 * The DDAS delivery as a file, in v1.2 unless the caller asks for v0.9. It holds personal data, so
 * the export is in the audit trail with its version and counts.
 */
export async function exportDdas(
  db: Db,
  ctx: UseCaseContext,
  p: Period & { versie?: DdasVersie },
): Promise<DdasExportFile> {
  const versie = p.versie ?? '1.2'
  const { file, opmerkingen } = await buildDdasDelivery(db, p, ctx.at, versie)
  const lev = file.leveringen[0]!
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'ddas-export',
      entityType: 'export',
      entityId: null,
      summary: `DDAS-levering (versie ${versie}) ${formatDate(p.van)} t/m ${formatDate(p.tot)}: ${lev.vroegsignalen.length} signalen, ${lev.vroegsignaalzaken.length} zaken`,
    })
  })
  return {
    fileName: `ddas-${lev.gemeentecode}-${periodName(p)}${versie === '1.2' ? '' : `-v${versie}`}.json`,
    mimeType: 'application/json',
    base64: Buffer.from(JSON.stringify(file, null, 2), 'utf8').toString('base64'),
    versie,
    vroegsignalen: lev.vroegsignalen.length,
    zaken: lev.vroegsignaalzaken.length,
    opmerkingen,
  }
}

export interface FeedbackRow {
  partner: string
  partnerType: string
  signaalId: string
  signaaldatum: string
  opgepakt: 'ja' | 'nee'
  hulp: 'ja' | 'nee' | 'nog niet bekend'
}

/**
 * What a signal partner may hear back, by law: per signal, whether it was picked up and whether
 * help was accepted. Never a reason, a result or anything said.
 */
export async function feedbackRows(db: Db, p: Period): Promise<FeedbackRow[]> {
  // A cache brought up to date, committed before the call's logboek entry: doing it again when the
  // call is retried after a serialization failure changes nothing (db/commit-watch.ts)
  await uncounted(() => refreshFacts(db))
  const rows = await db
    .selectFrom('vroegsignaal as s')
    .innerJoin('monitor_signal_fact as f', 'f.signal_id', 's.id')
    .leftJoin('vroegsignaalzaak as z', 'z.id', 's.case_id')
    .leftJoin('monitor_case_fact as c', 'c.case_id', 's.case_id')
    .select([
      's.id',
      's.extern_id',
      's.partner_naam',
      's.partner_type',
      's.signaaldatum',
      'f.uitkomst',
      'z.is_open',
      'c.bereikt',
      'c.resultaat',
    ])
    .where('s.signaaldatum', '>=', p.van)
    .where('s.signaaldatum', '<=', p.tot)
    .execute()
  return rows
    .map((r): FeedbackRow => {
      const opgepakt = r.uitkomst === 'doorgezet'
      const hulp = !opgepakt
        ? 'nee'
        : r.is_open
          ? 'nog niet bekend'
          : r.bereikt && r.resultaat && HULP_GEACCEPTEERD.includes(r.resultaat)
            ? 'ja'
            : 'nee'
      return {
        partner: r.partner_naam || r.partner_type,
        partnerType: r.partner_type,
        signaalId: ddasSignalId(r),
        signaaldatum: r.signaaldatum,
        opgepakt: opgepakt ? 'ja' : 'nee',
        hulp,
      }
    })
    .sort(
      (a, b) =>
        a.partner.localeCompare(b.partner, 'nl') ||
        a.signaaldatum.localeCompare(b.signaaldatum) ||
        a.signaalId.localeCompare(b.signaalId),
    )
}

const FEEDBACK_HEADERS = [
  'Signaalpartner',
  'Soort',
  'Signaal-ID',
  'Signaaldatum',
  'Opgepakt',
  'Hulp geaccepteerd',
]
const feedbackCells = (r: FeedbackRow) => [
  r.partner,
  r.partnerType,
  r.signaalId,
  formatDate(r.signaaldatum),
  r.opgepakt,
  r.hulp,
]

export function feedbackCsv(rows: FeedbackRow[]): string {
  return csvText([FEEDBACK_HEADERS, ...rows.map(feedbackCells)])
}

/** exceljs loaded at its first use: a start or a command that writes no workbook does not pay for it. */
const excel = async () => (await import('exceljs')).default

export async function feedbackXlsx(rows: FeedbackRow[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook()
  const partners = [...new Set(rows.map((r) => r.partner))]
  for (const partner of partners.length ? partners : ['Geen signalen']) {
    // Sheet names: at most 31 characters, no []:*?/\
    const base = partner.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28)
    let name = base
    for (let i = 2; wb.getWorksheet(name); i++) name = `${base} ${i}`
    const ws = wb.addWorksheet(name)
    addSheetRow(ws, FEEDBACK_HEADERS).font = { bold: true }
    for (const r of rows.filter((x) => x.partner === partner)) addSheetRow(ws, feedbackCells(r))
    ws.columns.forEach((c, i) => (c.width = [24, 22, 20, 14, 10, 18][i]))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function exportFeedback(
  db: Db,
  ctx: UseCaseContext,
  p: Period & { formaat: 'csv' | 'xlsx' },
): Promise<ExportFile & { signalen: number }> {
  const rows = await feedbackRows(db, p)
  const bytes = p.formaat === 'csv' ? Buffer.from(feedbackCsv(rows), 'utf8') : await feedbackXlsx(rows)
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx.at, {
      userId: ctx.userId,
      action: 'terugkoppeling',
      entityType: 'export',
      entityId: null,
      summary: `Terugkoppeling aan signaalpartners ${formatDate(p.van)} t/m ${formatDate(p.tot)}: ${rows.length} signalen (${p.formaat})`,
    })
  })
  return {
    fileName: `terugkoppeling-${periodName(p)}.${p.formaat}`,
    mimeType: p.formaat === 'csv' ? 'text/csv' : XLSX,
    base64: bytes.toString('base64'),
    signalen: rows.length,
  }
}

const pct = (r: { pct: number | null }) => (r.pct === null ? '' : r.pct / 100)

/** The dashboard's tables in a workbook: counts, shares and the national figure side by side. */
export async function dashboardXlsx(d: MonitorDashboard, gemeente: string): Promise<Buffer> {
  const wb = new (await excel()).Workbook()
  const ws = wb.addWorksheet('Overzicht')
  addSheetRow(ws, [`Monitor vroegsignalering ${gemeente}`]).font = { bold: true, size: 14 }
  addSheetRow(ws, [`Periode ${formatDate(d.van)} t/m ${formatDate(d.tot)}`])
  addSheetRow(ws, [])
  const head = (cells: string[]) => (addSheetRow(ws, cells).font = { bold: true })
  const ratioRow = (label: string, r: Ratio) =>
    addSheetRow(ws, [label, r.teller, r.noemer, pct(r), r.landelijk === null ? '' : r.landelijk / 100])
  head(['Signalen', 'Aantal'])
  addSheetRow(ws, ['Ontvangen', d.ontvangen])
  addSheetRow(ws, ['Doorgezet', d.doorgezet])
  for (const n of d.nietDoorgezet) addSheetRow(ws, [`Niet doorgezet: ${n.status}`, n.aantal])
  addSheetRow(ws, ['Zaken opgepakt', d.opgepakt])
  addSheetRow(ws, [])
  head(['Cijfer', 'Teller', 'Noemer', 'Percentage', 'Landelijk'])
  ratioRow('Bereik', d.bereik)
  ratioRow('Hulp geaccepteerd (van bereikt)', d.hulp)
  addSheetRow(ws, [
    'Mediaan dagen tot eerste contact',
    d.dagenTotContact.mediaan ?? '',
    d.dagenTotContact.aantal,
  ])
  for (const b of d.breakdowns) {
    addSheetRow(ws, [])
    head([b.titel, 'Teller', 'Noemer', 'Percentage', 'Landelijk', ...Object.values(b.extraKoppen ?? {})])
    for (const r of b.rows)
      addSheetRow(ws, [
        r.label,
        r.teller,
        r.noemer,
        pct(r),
        r.landelijk === null ? '' : r.landelijk / 100,
        ...Object.keys(b.extraKoppen ?? {}).map((k) => r.extra?.[k] ?? 0),
      ])
  }
  addSheetRow(ws, [])
  head(['Maand', 'Bereikt', 'Opgepakt', 'Percentage'])
  for (const m of d.perMaand) addSheetRow(ws, [m.maand, m.teller, m.noemer, pct(m)])
  if (d.referentieBron) addSheetRow(ws, [`Landelijke cijfers: ${d.referentieBron}`])
  ws.getColumn(1).width = 48
  for (const c of [2, 3, 6, 7]) ws.getColumn(c).width = 14
  for (const c of [4, 5]) {
    ws.getColumn(c).width = 12
    ws.getColumn(c).numFmt = '0.0%'
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function exportDashboardXlsx(db: Db, p: Period): Promise<ExportFile> {
  const d = await getDashboard(db, p)
  const gemeente = (await getTeamSettings(db))?.gemeenteNaam ?? ''
  return {
    fileName: `monitor-${periodName(p)}.xlsx`,
    mimeType: XLSX,
    base64: (await dashboardXlsx(d, gemeente)).toString('base64'),
  }
}
