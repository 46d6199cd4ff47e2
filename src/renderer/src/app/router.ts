import { useEffect, useState, type ReactNode } from 'react'
import type { MethodName } from '@shared/api'
import type { ROUTES } from './routes'

/**
 * The hash router: '#/caseload', '#/zaak/12'. Hash routes work the same from file:// in Electron
 * and from the loopback server, and need no server-side fallback. Which screens exist, and what
 * each needs, is one table in routes.tsx; this file only reads and writes addresses with it.
 *
 * The table imports every page, and pages link to one another through routeHref(). Importing the
 * table here would make every page part of an import cycle, so routes.tsx hands its table over
 * once, when it is first imported (installRoutes), and this file knows only its type.
 */

/** One value in an address: how it is read from its segment and written back. */
export interface Param<T> {
  read(segment: string): T | undefined
  write(value: T): string
  /** Optional values come last in a path and may be left off (from the first one missing). */
  optional: boolean
}

/** A case, wijk or import id. */
export const wholeNumber: Param<number> = {
  read: (s) => (/^\d+$/.test(s) ? Number(s) : undefined),
  write: String,
  optional: false,
}

/** A calendar day, YYYY-MM-DD. */
export const isoDate: Param<string> = {
  read: (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined),
  write: (s) => s,
  optional: false,
}

/** One of a few fixed words. */
export function oneOf<const T extends string>(...words: T[]): Param<T> {
  return {
    read: (s) => words.find((w) => w === s),
    write: (w) => w,
    optional: false,
  }
}

export function optional<T>(param: Param<T>): Param<T> & { optional: true } {
  return { ...param, optional: true }
}

type ParamSpec = Record<string, Param<any>>
type Simplify<T> = { [K in keyof T]: T[K] } & {}
type ValueOf<P> = P extends Param<infer T> ? T : never
/** The values a path's params give a page: optional ones may be missing. */
export type ParamValues<P extends ParamSpec> = Simplify<
  { [K in keyof P as P[K] extends { optional: true } ? never : K]: ValueOf<P[K]> } & {
    [K in keyof P as P[K] extends { optional: true } ? K : never]?: ValueOf<P[K]>
  }
>

/** The menu's sections, in the order they are shown; 'foot' sits apart at the bottom. */
export const MENU_SECTIONS = ['Dagelijks werk', 'Signalen', 'Kwaliteit', 'Beheer'] as const
export type MenuSection = (typeof MENU_SECTIONS)[number] | 'foot'

/** One screen: its address, what it shows, who can use it and where the menu offers it. */
export interface RouteDef<P extends ParamSpec = ParamSpec> {
  /** '/zaak/:id/:via': fixed words and, after a colon, the name of a value in `params`. */
  path: string
  params?: P
  page(values: ParamValues<P>): ReactNode
  /** The API method the screen cannot work without; permissions.ts decides who may call it. */
  method: MethodName
  /** Whether it shows residents' cases, which a role with CASE_VIEW 'geen' never sees. */
  cases: boolean
  menu?: {
    section: MenuSection
    label: string
    /** What a consulent reads instead: she sees her own wijken, not every case (features/access). */
    consulentLabel?: string
    /** A keyboard shortcut to the screen, e.g. 'Alt+V'. */
    sneltoets?: string
  }
  /** A screen without its own menu entry lights up this one (the day list: Huisbezoeken). */
  activeIn?: string
  /** A case file opened from here says "← Terug naar {backLabel}" and leads back here. */
  backLabel?: string
}

/** Declares one route; its page gets the path's values with their types. */
export function route<P extends ParamSpec = Record<never, never>>(def: RouteDef<P>): RouteDef<P> {
  return def
}

type Table = typeof ROUTES
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

let compiled: Compiled[] | null = null
let fallbackName = ''

/** Called once by routes.tsx. Refuses a path whose values and params do not match. */
export function installRoutes(table: Record<string, RouteDef<any>>, fallback: string): void {
  compiled = Object.entries(table).map(([name, def]) => {
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
  fallbackName = fallback
}

function table(): Compiled[] {
  if (!compiled) throw new Error('the route table is not installed: import app/routes first')
  return compiled
}

function compiledOf(name: string): Compiled {
  const c = table().find((x) => x.name === name)
  if (!c) throw new Error(`unknown route ${name}`)
  return c
}

/** The words after "← Terug naar" for a case file opened from `r`, if it leads back there. */
export function backLabel(r: Route): string | undefined {
  return compiledOf(r.name).def.backLabel
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
    const onChange = () => setCurrent(parseRoute(window.location.hash))
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
