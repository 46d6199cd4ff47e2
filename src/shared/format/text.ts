/**
 * Clean text: what every text that enters the main process is reduced to (at the dispatcher,
 * and for each cell of an import file), so nothing stored, printed, exported or hashed in the
 * logboek holds characters a person cannot see or a program reads differently.
 *
 * - A lone surrogate (half of an emoji, cut off) is not text: UTF-8 cannot hold it, SQLite stores
 *   it as bytes that read back as replacement characters, and the logboek's hash then no longer
 *   matches. Removed.
 * - Control characters other than newline and tab (NUL, ESC, DEL, the C1 range) are removed;
 *   a carriage return (Windows line ends, Excel cells) becomes a newline, as do the Unicode line
 *   and paragraph separators.
 * - Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) turn the order in
 *   which text is shown around ("Trojan source"): a name or a file name can then look like
 *   another. WhatsApp and phone apps wrap copied numbers in them. Removed. The plain direction
 *   marks (U+200E, U+200F, U+061C) stay: they cannot reorder text on their own.
 * - A byte order mark (U+FEFF) inside text is removed.
 *
 * Cleaning, not refusing: these characters are invisible, so a message about them would leave
 * the person who pasted a phone number from WhatsApp with nothing to fix.
 */

// One test for everything the cleaning touches; with the `u` flag the surrogate range matches
// only lone surrogates (a correct pair is one code point).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNCLEAN = /[\0-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uD800-\uDFFF]/u
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const REMOVED = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069\uFEFF\uD800-\uDFFF]/gu

/** True when `cleanText` would change the text. */
export function isUnclean(s: string): boolean {
  return UNCLEAN.test(s)
}

/** The text with the characters described above removed or turned into newlines. */
export function cleanText(s: string): string {
  if (!UNCLEAN.test(s)) return s
  return s.replace(LINE_BREAKS, '\n').replace(REMOVED, '')
}
