import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Every renderer file, for the check below. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return sources(p)
    return /\.tsx$/.test(name) && !/\.test\./.test(name) ? [p] : []
  })
}

describe('dialogs with typed text', () => {
  it('all ask before they close on what was typed (useDiscardGuard)', () => {
    const root = resolve(__dirname, '../../src/renderer/src')
    const unguarded = sources(root).filter((file) => {
      const src = readFileSync(file, 'utf8')
      // A dialog in this file, and a field to type in: its close must go through the guard
      const typing = /<(TextInput|Textarea|PasswordInput|PasswordPair)\b/.test(src)
      return /<(Modal|Dialog)\b/.test(src) && typing && !/useDiscardGuard\(/.test(src)
    })
    // Files whose text fields lie outside their dialog (the dialog itself only confirms)
    const confirmOnly = ['PersonRequestPage.tsx']
    expect(
      unguarded.map((f) => f.slice(root.length + 1)).filter((f) => !confirmOnly.some((c) => f.endsWith(c))),
    ).toEqual([])
  })

  it("all give focus back to what opened them (components/Dialog, not Mantine's Modal directly)", () => {
    const root = resolve(__dirname, '../../src/renderer/src')
    const direct = sources(root)
      .filter((file) => !file.endsWith('Dialog.tsx') && /<Modal\b/.test(readFileSync(file, 'utf8')))
      .map((f) => f.slice(root.length + 1))
    expect(direct).toEqual([])
  })
})
