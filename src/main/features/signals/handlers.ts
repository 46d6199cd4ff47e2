import type { signalsContract } from '@shared/api/signals'
import type { FeatureHandlers } from '../../app/handlers'
import { useCaseContext } from '../../app/use-case'
import { checkAddress, createManualSignal } from './service'

export const signalsHandlers: FeatureHandlers<typeof signalsContract> = {
  'signals.createManual': async (input, ctx) => createManualSignal(ctx.db, useCaseContext(ctx), input),
  'signals.checkAddress': async (input, ctx) =>
    checkAddress(
      ctx.db,
      useCaseContext(ctx).scope ?? { kind: 'none' },
      input.postcode,
      input.huisnummer.number,
      input.toevoeging || input.huisnummer.addition,
    ),
}
