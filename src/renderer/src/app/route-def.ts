import type { MethodName } from '@shared/api'

/**
 * What a route is made of: the values in its address (params) and what the app needs to know of a
 * screen. The table itself is route-table.ts; this file imports nothing of the app, so the table,
 * the router and every page can use it without an import cycle.
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

export type ParamSpec = Record<string, Param<any>>
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
  /** The window's title on this screen (before " – Lange Adem"), so a screen reader says where one is. */
  title: string
  params?: P
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
