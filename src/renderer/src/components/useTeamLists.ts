import { useMemo } from 'react'
import type { SettingsView } from '@shared/api/settings'
import { useApiQuery } from '../api/queries'
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

const EMPTY: Omit<TeamLists, 'error'> = { consulenten: [], activeConsulenten: [], wijken: [] }

/** The team's consulenten and wijken, for filters and assignment. */
export function useTeamLists(): TeamLists {
  const settings = useApiQuery('settings.get', {})
  return useMemo(
    () => ({
      ...(settings.data ? teamLists(settings.data) : EMPTY),
      error: settings.error
        ? `De lijst met consulenten en wijken kon niet worden geladen. ${describeFailure(settings.error).message}`
        : null,
    }),
    [settings.data, settings.error],
  )
}
