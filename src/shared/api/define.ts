import type { z } from 'zod'

/**
 * Who may call a method. 'none': before anyone has chosen who they are (status, set-up, the user
 * picker). 'user': a team member must be signed in; every change is then attributable to them.
 */
export type Access = 'none' | 'user'

/**
 * A method that takes a file besides its input (an import file): the bytes travel beside the
 * JSON, never inside it. The dispatcher refuses a file to any other method, and one larger than
 * maxBytes; the transports refuse larger bodies before reading them whole.
 */
export interface FileSpec {
  maxBytes: number
}

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  access: Access
  file?: FileSpec
  /** Phantom field that carries the output type; never set at run time. */
  readonly __output?: O
}

/** `method<Output>()(inputSchema)` declares one API method with its input schema and output type. */
export function method<O>(access: Access = 'user', opts: { file?: FileSpec } = {}) {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> =>
    opts.file ? { input, access, file: opts.file } : { input, access }
}

export type Contract = Record<string, MethodDef>
export type InputOf<D> = D extends MethodDef<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<D> = D extends MethodDef<infer I, unknown> ? z.output<I> : never
export type OutputOf<D> = D extends MethodDef<z.ZodType, infer O> ? O : never

/** The error a call returns: a Dutch message for the user, and per field where that applies. */
export interface ApiErrorPayload {
  code: 'validation' | 'not_found' | 'conflict' | 'forbidden' | 'not_signed_in' | 'locked' | 'internal'
  message: string
  fields?: Record<string, string>
  /**
   * code 'conflict' because a colleague changed the case since the screen read it: the case
   * file as it is now (a DossierView; typed where it is read, renderer/src/api/client.ts).
   */
  dossier?: unknown
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload }
