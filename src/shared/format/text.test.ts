import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanText, isUnclean } from './text'

describe('cleanText', () => {
  it.each([
    ['Geen gehoor\ud800', 'Geen gehoor'],
    ['\udc00x', 'x'],
    ['a\u0000b\u001bc\u007fd\u0085e', 'abcde'],
    ['regel 1\r\nregel 2\rregel 3\u2028regel 4', 'regel 1\nregel 2\nregel 3\nregel 4'],
    ['\u202a+31 6 12345678\u202c', '+31 6 12345678'],
    ['Jan\u202enesnaJ', 'JannesnaJ'],
    ['\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['\ufeffSignaal ID', 'Signaal ID'],
  ])('cleans %j', (input, out) => {
    expect(isUnclean(input)).toBe(true)
    expect(cleanText(input)).toBe(out)
  })

  it.each(['Çelik-Yılmaz', "van 't Hof", 'tab\tnewline\n', '👩‍👩‍👧‍👦 😀', '\u200fعلي\u200e', 'ゆう', '€ 1.234,56'])(
    'keeps %j as it is',
    (input) => {
      expect(isUnclean(input)).toBe(false)
      expect(cleanText(input)).toBe(input)
    },
  )

  it('leaves well-formed text without control characters, whatever comes in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const c = cleanText(s)
        expect(isUnclean(c)).toBe(false)
        // UTF-8 round trip is exact: what is stored reads back the same
        expect(new TextDecoder().decode(new TextEncoder().encode(c))).toBe(c)
        expect(cleanText(c)).toBe(c)
      }),
      { numRuns: 2000 },
    )
  })
})
