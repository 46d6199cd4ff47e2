import { useEffect, useState } from 'react'
import type { SettingsView } from '@shared/api/settings'
import { call } from '../api/client'
import { describeFailure } from './form-errors'

export interface Option {
  value: string
  label: string
}

export interface TeamLists {
  /** Consulenten: active ones first, former colleagues marked, since their cases may still exist. */
  consulenten: Option[]
  /** Only consulenten who can take on a case now. */
  activeConsulenten: Option[]
  wijken: Option[]
  error: string | null
}

export function teamLists(settings: SettingsView): Omit<TeamLists, 'error'> {
  const consulenten = settings.medewerkers.filter((m) => m.rol === 'consulent')
  const byName = (a: { naam: string }, b: { naam: string }) => a.naam.localeCompare(b.naam, 'nl')
  const active = consulenten.filter((m) => m.actief).sort(byName)
  const former = consulenten.filter((m) => !m.actief).sort(byName)
  return {
    consulenten: [
      ...active.map((m) => ({ value: String(m.id), label: m.naam })),
      ...former.map((m) => ({ value: String(m.id), label: `${m.naam} (niet meer actief)` })),
    ],
    activeConsulenten: active.map((m) => ({ value: String(m.id), label: m.naam })),
    wijken: [...settings.wijken].sort(byName).map((w) => ({ value: String(w.id), label: w.naam })),
  }
}

/** The team's consulenten and wijken, for filters and assignment. */
export function useTeamLists(): TeamLists {
  const [lists, setLists] = useState<TeamLists>({
    consulenten: [],
    activeConsulenten: [],
    wijken: [],
    error: null,
  })
  useEffect(() => {
    let alive = true
    call('settings.get', {})
      .then((s) => alive && setLists({ ...teamLists(s), error: null }))
      .catch(
        (e: unknown) =>
          alive &&
          setLists((l) => ({
            ...l,
            error: `De lijst met consulenten en wijken kon niet worden geladen. ${describeFailure(e).message}`,
          })),
      )
    return () => {
      alive = false
    }
  }, [])
  return lists
}
