import { useEffect, useState } from 'react'
import { focusNextHeading } from '../components/heading-focus'
import { FALLBACK, ROUTES } from './route-table'
import type { Param, ParamSpec, ParamValues, RouteDef } from './route-def'

/**
 * The hash router: '#/caseload', '#/zaak/12'. Hash routes work the same from file:// in Electron
 * and from the loopback server, and need no server-side fallback. Which screens exist, and what
 * each needs, is one table in route-table.ts; this file reads and writes addresses with it. The
 * pages are joined to the table in routes.tsx, so a page can link with routeHref() without an
 * import cycle.
 */

type Table = typeof ROUTES
type Simplify<T> = { [K in keyof T]: T[K] } & {}
export type RouteName = keyof Table & string
type ParamsOf<D> = D extends RouteDef<infer P> ? ParamValues<P> : never
/** A place in the app: a route's name and the values of its path. */
export type Route = { [K in RouteName]: Simplify<{ name: K } & ParamsOf<Table[K]>> }[RouteName]
export type RouteOf<K extends RouteName> = Extract<Route, { name: K }>

type Segment = { word: string } | { key: string; param: Param<unknown> }

interface Compiled {
  name: string
  def: RouteDef<any>
  segments: Segment[]
  required: number
}

/** The table read once: each path cut into its words and values. Refuses a path whose values and params do not match. */
function compile(table: Record<string, RouteDef<any>>, fallback: string): Compiled[] {
  const compiled = Object.entries(table).map(([name, def]) => {
    const params: ParamSpec = def.params ?? {}
    const segments = def.path
      .split('/')
      .slice(1)
      .map((s): Segment => {
        if (!s.startsWith(':')) return { word: s }
        const key = s.slice(1)
        const param = params[key]
        if (!param) throw new Error(`route ${name}: no param for :${key}`)
        return { key, param }
      })
    const keys = segments.flatMap((s) => ('key' in s ? [s.key] : []))
    const extra = Object.keys(params).filter((k) => !keys.includes(k))
    if (extra.length > 0) throw new Error(`route ${name}: params not in the path: ${extra.join(', ')}`)
    const firstOptional = segments.findIndex((s) => 'param' in s && s.param.optional)
    if (firstOptional >= 0 && segments.slice(firstOptional).some((s) => !('param' in s && s.param.optional)))
      throw new Error(`route ${name}: optional values must come last`)
    return { name, def, segments, required: firstOptional >= 0 ? firstOptional : segments.length }
  })
  for (const [name, def] of Object.entries(table))
    if (def.activeIn && !table[def.activeIn]?.menu)
      throw new Error(`route ${name}: activeIn has no menu entry`)
  if (!table[fallback]) throw new Error(`no route ${fallback}`)
  return compiled
}

const compiled = compile(ROUTES, FALLBACK)
const fallbackName: string = FALLBACK
const table = (): Compiled[] => compiled

function compiledOf(name: string): Compiled {
  const c = table().find((x) => x.name === name)
  if (!c) throw new Error(`unknown route ${name}`)
  return c
}

/** The words after "← Terug naar" for a case file opened from `r`, if it leads back there. */
export function backLabel(r: Route): string | undefined {
  return compiledOf(r.name).def.backLabel
}

/** The window title of a screen: "Vandaag – Lange Adem". */
export function documentTitle(r: Route): string {
  return `${compiledOf(r.name).def.title} – Lange Adem`
}

function match(c: Compiled, parts: string[]): Route | null {
  if (parts.length < c.required || parts.length > c.segments.length) return null
  const out: Record<string, unknown> = { name: c.name }
  for (const [i, part] of parts.entries()) {
    const s = c.segments[i]!
    if ('word' in s) {
      if (s.word !== part) return null
    } else {
      const value = s.param.read(part)
      if (value === undefined) return null
      out[s.key] = value
    }
  }
  return out as Route
}

/** The route of an address ('#/zaak/12'); an unknown address is the fallback screen. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const parts = path.split('/').slice(1)
  if (path.startsWith('/'))
    for (const c of table()) {
      const found = match(c, parts)
      if (found) return found
    }
  return { name: fallbackName } as Route
}

/** The address of a route, '#/…'. Optional values are written up to the first one missing. */
export function routeHref(r: Route): string {
  const c = compiledOf(r.name)
  const values = r as Record<string, unknown>
  const out: string[] = []
  for (const s of c.segments) {
    if ('word' in s) out.push(s.word)
    else if (values[s.key] === undefined || values[s.key] === null) break
    else out.push(s.param.write(values[s.key]))
  }
  return `#/${out.join('/')}`
}

export function navigate(r: Route): void {
  window.location.hash = routeHref(r)
}

/** The last screen that was not a case file: where "← Terug" from a case file leads. */
let lastList: Route | null = null

export function listBeforeCase(): Route | null {
  return lastList
}

export function useRoute(): Route {
  const [current, setCurrent] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => {
      // A screen opened by moving to it starts with focus on its heading (PageHeading).
      focusNextHeading()
      setCurrent(parseRoute(window.location.hash))
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  useEffect(() => {
    if (current.name !== 'zaak') lastList = current
  }, [current])
  return current
}

/** A new person signs in: nothing of the previous person's screens is kept. */
export function forgetNavigation(): void {
  lastList = null
}
