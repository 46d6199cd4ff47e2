import { describe, expect, it } from 'vitest'
import { ACCESSIBLE_COLORS, DIMMED, PLACEHOLDER } from './theme'

/** WCAG 2.1 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const WHITE = '#ffffff'
const GRAY_0 = '#f8f9fa'

describe('the theme meets WCAG 2.1 AA contrast', () => {
  it('measures as the WCAG formula does', () => {
    // Mantine's own teal-6 on white, the figure.
    expect(contrast('#12b886', WHITE)).toBeCloseTo(2.55, 2)
    expect(contrast('#000000', WHITE)).toBeCloseTo(21, 5)
  })

  for (const [name, shades] of Object.entries(ACCESSIBLE_COLORS)) {
    it(`${name}: filled, text, light badges and borders`, () => {
      // White text on a filled button or badge (shade 8) and on its hover (shade 9).
      expect(contrast(WHITE, shades[8])).toBeGreaterThanOrEqual(4.5)
      expect(contrast(WHITE, shades[9])).toBeGreaterThanOrEqual(4.5)
      // Coloured text and links on white, on gray-0 and on its own light background.
      expect(contrast(shades[8], GRAY_0)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(shades[8], shades[1])).toBeGreaterThanOrEqual(4.5)
      // Light badges, alerts, the active menu item: shade 9 on shade 1 (and on shade 0).
      expect(contrast(shades[9], shades[1])).toBeGreaterThanOrEqual(4.5)
      expect(contrast(shades[9], shades[0])).toBeGreaterThanOrEqual(4.5)
      // Borders and icons: 3:1.
      expect(contrast(shades[7], WHITE)).toBeGreaterThanOrEqual(3)
    })
  }

  it('dimmed text is readable on white, gray-0 and every light background', () => {
    for (const bg of [WHITE, GRAY_0, ...Object.values(ACCESSIBLE_COLORS).map((s) => s[1])])
      expect(contrast(DIMMED, bg)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(PLACEHOLDER, WHITE)).toBeGreaterThanOrEqual(4.5)
  })
})
