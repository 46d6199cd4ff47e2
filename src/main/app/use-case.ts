import type { UseCaseContext } from '../features/signals/service'
import type { HandlerContext } from './context'

/** The time and user a use case records its changes with, read once per call. */
export function useCaseContext(ctx: HandlerContext): UseCaseContext {
  return { at: ctx.clock.now(), today: ctx.clock.today(), userId: ctx.userId }
}
