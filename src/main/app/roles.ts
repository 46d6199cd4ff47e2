import type { Rol } from '@shared/domain/case'
import { AppError } from '../lib/errors'
import type { HandlerContext } from './context'

/**
 * Refuses the call unless the signed-in user has one of the roles. Checked in main, never only
 * hidden in the screen.
 */
export async function requireRole(ctx: HandlerContext, roles: readonly Rol[]): Promise<void> {
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['rol', 'actief'])
    .where('id', '=', ctx.userId)
    .executeTakeFirst()
  if (!user || user.actief !== 1 || !roles.includes(user.rol as Rol)) {
    throw new AppError('forbidden', 'Dit mag alleen een kwaliteitsmedewerker of beheerder.')
  }
}
