import type { CaseScope } from '../features/access/scope'
import type { HandlerContext } from './context'

/**
 * What a use case (a service function) records its changes with: the moment, the day and the
 * user, read once per call, and which cases the views it returns may show. Services take this,
 * never the handler context, so they run the same from a handler, the command line or a test.
 */
export interface UseCaseContext {
  at: string
  today: string
  userId: number | null
  /** Which cases the views a use case returns may show; absent: internal work on all cases. */
  scope?: CaseScope
}

/** The time and user a use case records its changes with, read once per call. */
export function useCaseContext(ctx: HandlerContext): UseCaseContext {
  return {
    at: ctx.clock.now(),
    today: ctx.clock.today(),
    userId: ctx.userId,
    // Views returned after a change show only what this user may see; a user method always has
    // a viewer (set by the dispatcher), so 'none' is only a safe fallback.
    scope: ctx.viewer?.scope ?? { kind: 'none' },
  }
}
