import type { QueryClient } from '@tanstack/react-query'
import type { MethodName } from '@shared/api'

export const PLACEHOLDER = 1
export function invalidateAfter(_client: QueryClient, _method: MethodName): Promise<void> {
  return Promise.resolve()
}
