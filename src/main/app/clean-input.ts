import { cleanText } from '@shared/format/text'

/** Deeper than any input the contract knows (its deepest is four levels); JSON can nest far more. */
export const MAX_INPUT_DEPTH = 32

export class InputTooDeepError extends Error {
  constructor() {
    super('input nested too deeply')
    this.name = 'InputTooDeepError'
  }
}

/**
 * Every text in a call's input, keys included, made clean (`cleanText`) before the schema sees
 * it: the one place at the edge where the dispatcher's callers (the Electron window, the browser
 * mode) meet main. Returns the same value when nothing needed cleaning. Objects are rebuilt with
 * own data properties only, as JSON.parse and IPC make them; a key like `__proto__` stays a plain
 * key for the schema to refuse.
 */
export function cleanInput(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_INPUT_DEPTH) throw new InputTooDeepError()
  if (Array.isArray(value)) {
    let out: unknown[] | null = null
    for (let i = 0; i < value.length; i++) {
      const v = value[i] as unknown
      const c = cleanInput(v, depth + 1)
      if (c !== v) (out ??= value.slice())[i] = c
    }
    return out ?? value
  }
  // Only plain objects are walked; anything else (a Date, a typed array) is for the schema.
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return value
  let changed = false
  const entries = Object.entries(value).map(([k, v]): [string, unknown] => {
    const ck = cleanText(k)
    const cv = cleanInput(v, depth + 1)
    if (ck !== k || cv !== v) changed = true
    return [ck, cv]
  })
  return changed ? Object.fromEntries(entries) : value
}
