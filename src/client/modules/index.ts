// The module helpers every client gets, as `client.<name>`. To add a module's helpers:
//   1. src/client/modules/<module>.ts exports `<module>Client(ctx: ModuleClientContext)` returning an
//      object (or a callable, see anchor.ts) of helpers: `messageSender<Body>(ctx, '<module>.<msg>')`
//      for each message (body type via BodyOf<typeof msgDef> or z.infer, imported as types only),
//      and `ctx.get<T>('/<route>', query)` for the module's reads;
//   2. add `<module>: <module>Client` below. KetenboekClient's type follows from this object.
// Client files import server code as types only: the browser bundle must stay free of it.
import type { ModuleClientContext } from '../message-sender.ts';
import { anchorClient } from './anchor.ts';
import { budgetsClient } from './budgets.ts';
import { casesClient } from './cases.ts';
import { identityClient } from './identity.ts';
import { registryClient } from './registry.ts';
import { votingClient } from './voting.ts';

export const MODULE_CLIENTS = {
  anchor: anchorClient,
  budgets: budgetsClient,
  cases: casesClient,
  identity: identityClient,
  registry: registryClient,
  voting: votingClient,
} satisfies Record<string, (ctx: ModuleClientContext) => object>;

export type ModuleClients = {
  readonly [K in keyof typeof MODULE_CLIENTS]: ReturnType<(typeof MODULE_CLIENTS)[K]>;
};

export function createModuleClients(ctx: ModuleClientContext): ModuleClients {
  const out: Record<string, object> = {};
  for (const [name, create] of Object.entries(MODULE_CLIENTS)) out[name] = create(ctx);
  return out as ModuleClients;
}
