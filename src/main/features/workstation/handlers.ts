import type { werkplekContract } from '@shared/api/workstation'
import type { FeatureHandlers } from '../../app/handlers'
import { AppError } from '../../lib/errors'

/**
 * The app's own answer to the workstation methods. On a computer they never get here: the
 * workstation layer (remote/workstation.ts) answers them before the local app or the team server
 * is asked. What does get here is a bare app (tests) or a call to the team server itself, which
 * has no say in how a workstation works.
 */
const notHere = async (): Promise<never> => {
  throw new AppError('not_found', 'Dit stel je in op de computer zelf, niet op de teamserver.')
}

export const werkplekHandlers: FeatureHandlers<typeof werkplekContract> = {
  'werkplek.status': async () => ({
    modus: 'alleen',
    server: null,
    vingerafdruk: null,
    werkplek: null,
    wijzigbaar: false,
  }),
  'werkplek.bekijkServer': notHere,
  'werkplek.koppel': notHere,
  'werkplek.alleen': notHere,
}
