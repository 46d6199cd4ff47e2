import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './harness'

/** WCAG 2.1 A and AA, the level EN 301 549 asks of software a municipality buys. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Known exceptions, each with its reason: the rule is left out only inside `within`, and checked
 * everywhere else.
 */
export const EXCEPTIONS: { rule: string; within: string; reason: string }[] = [
  {
    rule: 'scrollable-region-focusable',
    // Select, Autocomplete and MultiSelect name their option list after themselves.
    within:
      '.mantine-Select-dropdown, .mantine-Autocomplete-dropdown, .mantine-MultiSelect-dropdown, .mantine-Combobox-dropdown',
    reason:
      "An open select's option list scrolls, and holds no focusable element: the keyboard stays in " +
      'the field and moves through the options with the arrow keys (aria-activedescendant), which ' +
      'scrolls the list. Giving the list a Tab stop of its own would add a stop that does nothing.',
  },
]

/** Collects what axe-core finds in each screen state, so one test reports every state at once. */
export class AxeReport {
  readonly states: string[] = []
  readonly violations: string[] = []

  async check(page: Page, state: string): Promise<void> {
    let everywhere = new AxeBuilder({ page }).withTags(WCAG_TAGS)
    for (const e of EXCEPTIONS) everywhere = everywhere.exclude(e.within)
    const results = [await everywhere.analyze()]
    for (const e of EXCEPTIONS)
      if ((await page.locator(e.within).count()) > 0)
        results.push(
          await new AxeBuilder({ page })
            .withTags(WCAG_TAGS)
            .include(e.within)
            .disableRules([e.rule])
            .analyze(),
        )
    this.states.push(state)
    for (const v of results.flatMap((r) => r.violations))
      for (const node of v.nodes)
        this.violations.push(
          `${state}: ${v.id} at ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
        )
  }
}

/** A screen of the workspace has drawn: its one h1, its window title, and no loader left. */
export async function screenReady(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toHaveCount(1)
  await expect(page.locator('main h1')).toBeVisible()
  await expect(page.locator('main .mantine-Loader-root:visible')).toHaveCount(0)
  await expect(page).toHaveTitle(/^.+ – Lange Adem$/)
}

/** The page does not scroll sideways (WCAG 1.4.10 reflow). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as PageGlobals).document.scrollingElement
    return el.scrollWidth - el.clientWidth
  })
}

/** What these functions read in the page; typed by hand because the specs compile without the DOM library. */
interface PageElement {
  tagName: string
  scrollWidth: number
  clientWidth: number
  getBoundingClientRect(): { width: number; height: number; top: number; bottom: number }
}
interface PageGlobals {
  document: { scrollingElement: PageElement; activeElement: PageElement | null; body: PageElement }
  getComputedStyle(el: PageElement): { outlineStyle: string; outlineWidth: string }
  innerHeight: number
}
/** The element that has keyboard focus draws an outline one can see, on screen. */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals
    const el = g.document.activeElement
    if (!el || el === g.document.body) return null
    const style = g.getComputedStyle(el)
    const r = el.getBoundingClientRect()
    return {
      tag: el.tagName,
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < g.innerHeight,
    }
  })
  expect(focus, 'something has keyboard focus').not.toBeNull()
  expect(focus!.outline, `${focus!.tag} shows a focus outline`).toBe(true)
  expect(focus!.inView, `${focus!.tag} with focus is on screen`).toBe(true)
}
