/** Money is stored in whole cents; shown as "€ 1.234,56". */

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${sign}€ ${euros},${String(abs % 100).padStart(2, '0')}`
}

/** Reads "1.234,56", "€ 450,00", "75", "75.5" and "1,234.56"; null when it is no amount. */
export function parseEuroToCents(input: string): number | null {
  let s = input.replace(/€|eur|euro|\s/gi, '')
  if (!s) return null
  const neg = s.startsWith('-')
  if (neg) s = s.slice(1)
  if (!/^[\d.,]+$/.test(s)) return null
  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  let grouped: string
  let frac = ''
  const decimalSep = lastComma > lastDot ? ',' : lastDot > lastComma ? '.' : ''
  if (decimalSep) {
    const idx = s.lastIndexOf(decimalSep)
    const after = s.slice(idx + 1)
    // "1.234" is a thousands separator, "12.5" or "12,50" is a decimal part
    if (after.length === 3 && (decimalSep === '.' || s.split(decimalSep).length > 2)) {
      grouped = s
    } else {
      grouped = s.slice(0, idx)
      frac = after
      // "1,2,3" uses one sign for both: not an amount
      if (grouped.includes(decimalSep)) return null
    }
  } else grouped = s
  // Thousands separators only between groups of three digits: "12.34,5" is a typing error.
  if (/[.,]/.test(grouped) && !/^\d{1,3}([.,]\d{3})+$/.test(grouped)) return null
  const intPart = grouped.replace(/[.,]/g, '')
  if (!/^\d+$/.test(intPart || '0') || !/^\d{0,2}$/.test(frac)) return null
  const cents = Number(intPart || '0') * 100 + Number(frac.padEnd(2, '0') || '0')
  return neg ? -cents : cents
}
