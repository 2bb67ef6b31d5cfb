// The module helpers every client gets, as `client.<name>`. A new module adds its file here and one
// line below; the client's type follows from this object.
import type { ModuleClientContext } from '../message-sender.ts';
import { anchorClient } from './anchor.ts';
import { identityClient } from './identity.ts';

export const MODULE_CLIENTS = {
  anchor: anchorClient,
  identity: identityClient,
} satisfies Record<string, (ctx: ModuleClientContext) => object>;

export type ModuleClients = {
  readonly [K in keyof typeof MODULE_CLIENTS]: ReturnType<(typeof MODULE_CLIENTS)[K]>;
};

export function createModuleClients(ctx: ModuleClientContext): ModuleClients {
  const out: Record<string, object> = {};
  for (const [name, create] of Object.entries(MODULE_CLIENTS)) out[name] = create(ctx);
  return out as ModuleClients;
}
