import { z } from 'zod'
import { method } from './define'
import type { Rol } from '../domain/case'
import { id } from './fields'

export interface TeamMember {
  id: number
  naam: string
  rol: Rol
}

export const sessionContract = {
  /** The team to pick yourself from. Real sign-in with a password comes later (issue 7). */
  'session.team': method<TeamMember[]>('none')(z.object({}).strict()),
  'session.signIn': method<TeamMember>('none')(z.object({ userId: id }).strict()),
  'session.signOut': method<null>('none')(z.object({}).strict()),
}
