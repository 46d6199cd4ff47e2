import type { ApiErrorPayload } from '@shared/api/define'
import type { AnalyseResult, ColumnMapping, ImportSummary, IntakeProgress } from '@shared/api/intake'
import type { UseCaseContext } from '../../../app/use-case'
import type { PostgresOptions } from '../../../db/postgres'

/** What main asks the import worker, each with an id its answer carries. */
export type HostRequest =
  | { type: 'read'; bytes: Uint8Array }
  | {
      type: 'analyse'
      id: number
      saved: [string, ColumnMapping][]
      mappingName: string
      file: { uploadId: string; fileName: string }
    }
  | {
      type: 'run'
      id: number
      ctx: Omit<UseCaseContext, 'scope'>
      fileName: string
      mapping: ColumnMapping
      opts: { commit: boolean; bron: string }
    }

/** What the worker tells main. */
export type HostMessage =
  | { type: 'progress'; fase: IntakeProgress['fase']; gedaan: number; totaal: number | null }
  | { type: 'read'; rows: number }
  | { type: 'readFailed'; error: ApiErrorPayload }
  | { type: 'result'; id: number; value: AnalyseResult | ImportSummary }
  | { type: 'failed'; id: number; error: ApiErrorPayload }

/**
 * The database the worker opens for a run: the same SQLite file and key as main's connection, or
 * the same PostgreSQL database (URL and connection options) as main's pool.
 */
export type HostData =
  { databaseFile: string; key: string | null } | { postgres: { url: string; options: PostgresOptions } }
