import { apiContract, type ApiInput, type ApiOutput, type MethodName } from '@shared/api'
import type { ApiErrorPayload, ApiResult } from '@shared/api/define'

/** What a test's backend answers, per method: the contract's own input and output types. */
export type Handlers = {
  [M in MethodName]?: (input: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>
}

/** Thrown by a handler: the call fails the way main refuses one (a code and a Dutch message). */
export class Refusal extends Error {
  constructor(readonly payload: ApiErrorPayload) {
    super(payload.message)
  }
}

/**
 * A stand-in for main behind the renderer's bridge, for component tests. Each test says what the
 * methods its screen calls answer; every input is checked with the contract's own zod schema, as
 * main's dispatcher does. A call to a method the test did not implement, or with an input main
 * would refuse, is a problem the test fails on (test/setup.ts), never a silent empty answer.
 */
export class FakeBackend {
  /** Every call in order, with its input as sent. */
  readonly calls: { method: MethodName; input: unknown }[] = []
  readonly problems: string[] = []

  constructor(private readonly handlers: Handlers = {}) {
    // The live refresh's background poll (api/changes.ts): nothing changed, unless a test says so.
    this.handlers = {
      'changes.since': () => ({ laatste: 0, wijzigingen: [], alles: false }),
      // Working alone, the default: no live refresh, no team server.
      'werkplek.status': () => ({
        modus: 'alleen',
        server: null,
        vingerafdruk: null,
        werkplek: null,
        wijzigbaar: true,
      }),
      ...handlers,
    } as Handlers
  }

  /** Implements (or replaces) one method. */
  on<M extends MethodName>(
    method: M,
    handler: (input: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>,
  ): this {
    ;(this.handlers as Record<string, unknown>)[method] = handler
    return this
  }

  /** The inputs of every call to `method`, in order. */
  inputsOf<M extends MethodName>(method: M): ApiInput<M>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input as ApiInput<M>)
  }

  async call(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (!(method in apiContract)) {
      this.problems.push(`${method} is not a method of the API contract`)
      return { ok: false, error: { code: 'internal', message: `fake backend: unknown method ${method}` } }
    }
    const name = method as MethodName
    this.calls.push({ method: name, input })
    const parsed = apiContract[name].input.safeParse(input)
    if (!parsed.success) {
      this.problems.push(`${name} was called with an input main refuses: ${parsed.error.message}`)
      return { ok: false, error: { code: 'validation', message: 'fake backend: invalid input' } }
    }
    const handler = this.handlers[name] as ((i: unknown) => unknown) | undefined
    if (!handler) {
      this.problems.push(`${name} is not implemented in this test's fake backend`)
      return { ok: false, error: { code: 'internal', message: `fake backend: ${name} not implemented` } }
    }
    try {
      // A copy, as over IPC: the screen never holds the test's own objects.
      return { ok: true, value: structuredClone(await handler(input)) }
    } catch (e) {
      if (e instanceof Refusal) return { ok: false, error: e.payload }
      this.problems.push(`${name} threw: ${e instanceof Error ? e.message : String(e)}`)
      return { ok: false, error: { code: 'internal', message: 'fake backend: handler threw' } }
    }
  }
}

let current: FakeBackend | null = null

/** The backend the bridge forwards to; the render helper sets it for each test. */
export function setBackend(backend: FakeBackend | null): void {
  current = backend
}

export function currentBackend(): FakeBackend | null {
  return current
}
