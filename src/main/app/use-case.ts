import type { UseCaseContext } from '../features/signals/service'
import type { HandlerContext } from './context'

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
