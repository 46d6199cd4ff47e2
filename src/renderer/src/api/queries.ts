import {
  keepPreviousData,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryResult,
} from '@tanstack/react-query'
import type { ApiInput, ApiOutput, MethodName } from '@shared/api'
import { call } from './client'
import { invalidateAfter } from './invalidation'

/**
 * Server state in one layer (TanStack Query): a screen asks for a method's answer with
 * useApiQuery and changes data with useApiMutation; loading, errors and busy state come from
 * there, and a change refetches what it touched (invalidation.ts).
 *
 * The defaults keep what the screens did before this layer, on purpose:
 * - nothing is kept once no screen shows it (gcTime 0): a screen opened again reads afresh, and
 *   no resident's data lingers in memory after a screen, the lock or a sign-out;
 * - no retries (a refusal is a Dutch message for the user, not a hiccup) and no refetch on focus;
 * - networkMode 'always': every call is local (IPC or loopback), whatever the browser thinks of
 *   the network.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        gcTime: 0,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  })
}

/** The cache key of one method's answer to one input; invalidation matches on the method. */
export function apiKey<M extends MethodName>(method: M, input: ApiInput<M>): [M, ApiInput<M>] {
  return [method, input]
}

export interface ApiQueryOptions<T> {
  /** false: wait (for a choice the input needs); the result stays pending. */
  enabled?: boolean
  /** While another input loads, keep showing the previous answer (a list being filtered). */
  keepPrevious?: boolean
  /** Poll every so many milliseconds (a job's progress), also while the window is in the background. */
  refetchInterval?: number | false | ((data: T | undefined) => number | false)
}

/** One method's answer, loaded when the screen needs it and refetched when it is invalidated. */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: ApiInput<M>,
  options: ApiQueryOptions<ApiOutput<M>> = {},
): UseQueryResult<ApiOutput<M>, Error> {
  const { refetchInterval } = options
  return useQuery<ApiOutput<M>, Error, ApiOutput<M>, QueryKey>({
    queryKey: apiKey(method, input),
    queryFn: () => call(method, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(refetchInterval === undefined
      ? {}
      : {
          refetchInterval:
            typeof refetchInterval === 'function' ? (q) => refetchInterval(q.state.data) : refetchInterval,
          refetchIntervalInBackground: true,
        }),
  })
}

/**
 * A change through one method. When it succeeds, the answers it touched (invalidation.ts) are
 * refetched before mutateAsync resolves, so what follows sees the new state.
 */
export function useApiMutation<M extends MethodName, C = unknown>(
  method: M,
  options: Omit<UseMutationOptions<ApiOutput<M>, Error, ApiInput<M>, C>, 'mutationFn'> = {},
) {
  const client = useQueryClient()
  return useMutation({
    ...options,
    mutationFn: (input: ApiInput<M>) => call(method, input),
    onSuccess: async (...args) => {
      await invalidateAfter(client, method)
      await options.onSuccess?.(...args)
    },
  })
}

/** Puts an answer a change returned into the cache, so the screen shows it without asking again. */
export function useSetApiData() {
  const client = useQueryClient()
  return <M extends MethodName>(method: M, input: ApiInput<M>, value: ApiOutput<M>) =>
    client.setQueryData(apiKey(method, input), value)
}
