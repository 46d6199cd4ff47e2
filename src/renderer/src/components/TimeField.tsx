import { useRef } from 'react'
import { TextInput, type TextInputProps } from '@mantine/core'

/**
 * "1330", "13.30", "9" or "9:5" as "13:30", "09:00", "09:05"; anything else is returned as typed,
 * so main's check names the mistake.
 */
export function normalizeTime(typed: string): string {
  const s = typed.trim()
  let m = /^(\d{1,2})(?:[:.](\d{1,2}))?$/.exec(s)
  if (!m && /^\d{3,4}$/.test(s)) m = /^(\d{1,2})(\d{2})$/.exec(s)
  if (!m) return s
  const h = Number(m[1])
  const min = Number(m[2] ?? 0)
  if (h > 23 || min > 59) return s
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}

/**
 * A time (uu:mm). The whole value is selected when the field is entered, so typing replaces it
 * instead of running on behind it ("10:0013:30"); at most five characters; tidied on leaving.
 */
export function TimeField({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange(v: string): void }) {
  const entering = useRef(false)
  return (
    <TextInput
      {...props}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      placeholder="uu:mm"
      onFocus={(e) => {
        entering.current = true
        e.currentTarget.select()
      }}
      // The click that entered the field would put the cursor back; a later click may.
      onMouseUp={(e) => {
        if (entering.current) e.preventDefault()
        entering.current = false
      }}
      onKeyDown={() => (entering.current = false)}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => onChange(normalizeTime(e.currentTarget.value))}
    />
  )
}
