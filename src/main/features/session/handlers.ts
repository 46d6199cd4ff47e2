import type { sessionContract } from '@shared/api/session'
import type { FeatureHandlers } from '../../app/handlers'
import { NotFoundError } from '../../lib/errors'
import { recordAudit } from '../audit/repository'
import { getUser, listUsers } from '../settings/repository'

export const sessionHandlers: FeatureHandlers<typeof sessionContract> = {
  'session.team': async (_input, ctx) =>
    (await listUsers(ctx.db, true)).map((u) => ({ id: u.id, naam: u.naam, rol: u.rol })),
  'session.signIn': async ({ userId }, ctx) => {
    const user = await getUser(ctx.db, userId)
    if (!user || !user.actief) throw new NotFoundError('Deze medewerker bestaat niet of is niet actief.')
    ctx.session.userId = user.id
    await recordAudit(ctx.db, ctx.clock.now(), {
      userId: user.id,
      action: 'aangemeld',
      entityType: 'sessie',
      entityId: null,
      summary: `${user.naam} is begonnen`,
    })
    return { id: user.id, naam: user.naam, rol: user.rol }
  },
  'session.signOut': async (_input, ctx) => {
    if (ctx.session.userId)
      await recordAudit(ctx.db, ctx.clock.now(), {
        userId: ctx.session.userId,
        action: 'afgemeld',
        entityType: 'sessie',
        entityId: null,
        summary: 'Gewisseld van gebruiker',
      })
    ctx.session.userId = null
    return null
  },
}
