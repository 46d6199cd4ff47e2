import type { ApiContract, ApiOutput, MethodName } from '@shared/api'
import type { ParsedInputOf } from '@shared/api/define'
import type { HandlerContext } from './context'

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<ApiContract[M]>,
  ctx: HandlerContext,
) => Promise<ApiOutput<M>>

/** A feature's handlers: exactly the methods of its part of the contract. */
export type FeatureHandlers<C> = { [M in keyof C & MethodName]: Handler<M> }

export type AllHandlers = FeatureHandlers<ApiContract>
