// Client helpers of the anchor module: proof that a document with this SHA-256 existed.
// `client.anchor` is callable, so reading and writing read alike:
//   await client.anchor(hash)                          GET /v1/anchors/{hash}
//   await client.anchor.create(signer, { hash, label }) anchor.create
import type { createAnchor } from '../../modules/anchor/index.ts';
import { type MessageSender, type ModuleClientContext, messageSender } from '../message-sender.ts';
import type { Anchor } from '../types.ts';
import type { BodyOf } from './body-of.ts';

export type AnchorCreateBody = BodyOf<typeof createAnchor>;

export interface AnchorClient {
  /** The anchor of `hash`; throws KetenboekApiError (404) when it was never anchored. */
  (hash: string): Promise<Anchor>;
  /** anchor.create: anchors `hash` (SHA-256, lowercase hex) with a short label. */
  create: MessageSender<AnchorCreateBody>;
}

export function anchorClient(ctx: ModuleClientContext): AnchorClient {
  const get = (hash: string) => ctx.get<Anchor>(`/anchors/${encodeURIComponent(hash)}`);
  return Object.assign(get, { create: messageSender<AnchorCreateBody>(ctx, 'anchor.create') });
}
