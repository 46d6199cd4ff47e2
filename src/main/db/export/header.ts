import { z } from 'zod'
import { ExportFileError, ExportReader, FORMAT_VERSION } from './format'

/** The header of an export: what it holds and how to check it, sealed as the file's last chunk. */
export const exportHeader = z.object({
  app: z.literal('lange-adem'),
  format: z.number().int(),
  appVersion: z.string(),
  createdAt: z.string(),
  /** The migrations the database had, in order: a restore needs a database at exactly this level. */
  migrations: z.array(z.string()),
  /** In restore order, each with its columns (sorted by name: a row is a JSON array in this order). */
  tables: z.array(
    z.object({
      name: z.string(),
      key: z.array(z.string()).nullable(),
      columns: z.array(z.string()),
      rows: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  /** The last id handed out per table (SQLite's sqlite_sequence), so ids are never reused. */
  counters: z.record(z.string(), z.number().int().nonnegative()),
  body: z.object({ chunks: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
})
export type ExportHeader = z.infer<typeof exportHeader>

/** Opens an export with the database key it was made with; see ExportReader for what is checked. */
export function openExport(file: string, databaseKey: string): ExportReader<ExportHeader> {
  return new ExportReader(file, databaseKey, (raw) => {
    const parsed = exportHeader.safeParse(raw)
    if (!parsed.success || parsed.data.format !== FORMAT_VERSION)
      throw new ExportFileError(
        'damaged',
        'De kop van het exportbestand is niet te lezen. Er is niets teruggezet.',
      )
    return { header: parsed.data, chunks: parsed.data.body.chunks, sha256: parsed.data.body.sha256 }
  })
}
