import { z } from 'zod'
import { method } from './define'
import type { Rol } from '../domain/case'
import type { PostcodeRange } from '../format/address'
import { medewerkerInput, teamSettingsInput, wijkInput, type TeamSettings } from './setup'
import { id } from './fields'

export interface WijkView {
  id: number
  naam: string
  postcodes: PostcodeRange[]
  openZaken: number
}

export interface MedewerkerView {
  id: number
  naam: string
  rol: Rol
  telefoon: string
  email: string
  actief: boolean
  wijkIds: number[]
}

export interface SettingsView {
  team: TeamSettings
  wijken: WijkView[]
  medewerkers: MedewerkerView[]
}

export const settingsContract = {
  'settings.get': method<SettingsView>()(z.object({}).strict()),
  'settings.saveTeam': method<SettingsView>()(teamSettingsInput),
  'settings.saveWijk': method<SettingsView>()(wijkInput.extend({ id: id.optional() }).strict()),
  'settings.deleteWijk': method<SettingsView>()(z.object({ id }).strict()),
  'settings.saveMedewerker': method<SettingsView>()(
    medewerkerInput
      .omit({ wijken: true })
      .extend({
        id: id.optional(),
        wijkIds: z.array(id).max(200).default([]),
        actief: z.boolean({ error: 'Actief moet ja of nee zijn.' }).default(true),
      })
      .strict(),
  ),
}
