import type { sessionContract } from '@shared/api/session'
import type { FeatureHandlers } from '../../app/handlers'
import { recordAudit } from '../audit/repository'
import { listUsers } from '../settings/repository'
import { getIdleMinutes, putIdleMinutes } from './repository'
import { setFirstPassword, upgradeStatus } from './upgrade'
import { changePassword, choosePassword, lock, setStartPassword, signIn, signOut, unlock } from './service'

export const sessionHandlers: FeatureHandlers<typeof sessionContract> = {
  'session.team': async (_input, ctx) =>
    (await listUsers(ctx.db, true)).map((u) => ({ id: u.id, naam: u.naam, rol: u.rol })),
  'session.signIn': async ({ userId, wachtwoord }, ctx) => signIn(ctx, userId, wachtwoord),
  'session.choosePassword': async ({ userId, wachtwoord, nieuwWachtwoord }, ctx) =>
    choosePassword(ctx, userId, wachtwoord, nieuwWachtwoord),
  'session.signOut': async (_input, ctx) => {
    await signOut(ctx)
    return null
  },
  'session.upgradeStatus': async (_input, ctx) => upgradeStatus(ctx.db),
  'session.setFirstPassword': async ({ userId, nieuwWachtwoord }, ctx) =>
    setFirstPassword(ctx, userId, nieuwWachtwoord),
  'session.lock': async (_input, ctx) => {
    lock(ctx.session)
    return null
  },
  'session.unlock': async ({ wachtwoord }, ctx) => unlock(ctx, wachtwoord),
  // The dispatcher has already noted the activity (and refused it when the session had gone idle).
  'session.activity': async () => null,
  'session.setStartPassword': async ({ userId, wachtwoord }, ctx) => {
    await setStartPassword(ctx, userId, wachtwoord)
    return null
  },
  'session.changePassword': async ({ wachtwoord, nieuwWachtwoord }, ctx) => {
    await changePassword(ctx, wachtwoord, nieuwWachtwoord)
    return null
  },
  'session.settings': async (_input, ctx) => ({ vergrendelMinuten: await getIdleMinutes(ctx.db) }),
  'session.saveSettings': async ({ vergrendelMinuten }, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const at = ctx.clock.now()
      await putIdleMinutes(trx, vergrendelMinuten, at, ctx.userId)
      await recordAudit(trx, at, {
        userId: ctx.userId,
        action: 'gewijzigd',
        entityType: 'instellingen',
        entityId: null,
        summary: `Vergrendelen na ${vergrendelMinuten} ${vergrendelMinuten === 1 ? 'minuut' : 'minuten'} zonder activiteit`,
      })
    })
    return { vergrendelMinuten: await getIdleMinutes(ctx.db) }
  },
}
