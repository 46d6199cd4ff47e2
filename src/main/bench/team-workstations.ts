/**
 * The team bench's simulated workstations in a thread of their own. A real workstation runs on
 * its own computer: its TLS, HTTP and JSON work (reading Vandaag's answer of about 120 kB, for
 * one) is not the server's. In the server's own thread that work would be queued with the
 * server's, and every figure would include it. Here the workstations' remote clients (the very
 * client the desktop app uses, remote/client.ts) run in a worker thread; each call is timed there,
 * from sending to the parsed answer, as a workstation would see it.
 *
 * The worker is the bench bundle itself (out/main/bench.js), started with WORKSTATIONS_ROLE.
 * `BENCH_TEAM_SAME_THREAD=1` keeps the workstations in the server's thread (the earlier set-up).
 */
import { parentPort, Worker, workerData, isMainThread } from 'node:worker_threads'
import { performance } from 'node:perf_hooks'
import type { ApiResult } from '@shared/api/define'
import { createSession } from '../app/context'
import { connectToServer, type RemoteDispatcher } from '../remote/client'

export const WORKSTATIONS_ROLE = 'team-workstations'

type Request =
  | { id: number; type: 'connect'; url: string; fingerprint: string; werkplek: string }
  | { id: number; type: 'call'; ws: number; method: string; input: unknown; file?: Uint8Array }
  | { id: number; type: 'close'; ws: number }

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

type Reply = { id: number; ok: true; value: unknown; ms?: number } | { id: number; ok: false; error: string }

/** Whether this thread is the bench's workstation thread. */
export function isWorkstationThread(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === WORKSTATIONS_ROLE
}

/** The worker's side: holds the remote clients and runs their calls. */
export function serveWorkstations(): void {
  const port = parentPort
  if (!port) throw new Error('not a worker thread')
  const remotes: RemoteDispatcher[] = []
  port.on('message', (m: Request) => {
    void (async () => {
      try {
        if (m.type === 'connect') {
          const remote = await connectToServer({
            url: m.url,
            fingerprint: m.fingerprint,
            werkplek: m.werkplek,
          })
          remotes.push(remote)
          port.postMessage({ id: m.id, ok: true, value: remotes.length - 1 } satisfies Reply)
        } else if (m.type === 'call') {
          const start = performance.now()
          const value = await remotes[m.ws]!.call(createSession(), m.method, m.input, m.file)
          port.postMessage({ id: m.id, ok: true, value, ms: performance.now() - start } satisfies Reply)
        } else {
          await remotes[m.ws]!.close()
          port.postMessage({ id: m.id, ok: true, value: null } satisfies Reply)
        }
      } catch (err) {
        port.postMessage({ id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) })
      }
    })()
  })
}

/** How long each answer took as its workstation saw it (measured in the worker), by answer. */
export const measuredMs = new WeakMap<object, number>()

/**
 * Main's side: `connect` returns a RemoteDispatcher whose calls run in the workstation thread.
 * Their answers are recorded in measuredMs.
 */
export function startWorkstationThread() {
  const worker = new Worker(process.argv[1]!, { workerData: { role: WORKSTATIONS_ROLE } })
  let nextId = 1
  const waiting = new Map<number, { resolve(r: Reply & { ok: true }): void; reject(e: Error): void }>()
  worker.on('message', (r: Reply) => {
    const w = waiting.get(r.id)
    waiting.delete(r.id)
    if (r.ok) w?.resolve(r)
    else w?.reject(new Error(r.error))
  })
  worker.on('error', (err) => {
    for (const w of waiting.values()) w.reject(err)
    waiting.clear()
  })
  const ask = (req: WithoutId<Request>) =>
    new Promise<Reply & { ok: true }>((resolve, reject) => {
      const id = nextId++
      waiting.set(id, { resolve, reject })
      worker.postMessage({ ...req, id })
    })
  return {
    async connect(opts: { url: string; fingerprint: string; werkplek: string }): Promise<RemoteDispatcher> {
      const ws = (await ask({ type: 'connect', ...opts })).value as number
      return {
        async call(_session, method, input, file) {
          const r = await ask({ type: 'call', ws, method, input, ...(file ? { file } : {}) })
          const value = r.value as ApiResult<unknown>
          if (r.ms !== undefined) measuredMs.set(value, r.ms)
          return value
        },
        async close() {
          await ask({ type: 'close', ws })
        },
      }
    },
    stop: () => worker.terminate(),
  }
}
