// Anchors: proof that a document with this SHA-256 existed at a block time. The document itself
// never reaches the ledger; only its hash and a short label do.
import { z } from 'zod';
import type { KVRead } from '../../app/kv.ts';
import { defineMessage, type Module } from '../../app/module.ts';
import { getJson, listJson, putJson } from '../../app/typed-kv.ts';
import { defineErrors, fail } from '../../core/errors.ts';
import { labelSchema, sha256Schema } from '../../core/schemas.ts';

export const AnchorErrors = defineErrors('anchor', {
  already_anchored: [1, 409, 'Hash already anchored'],
});

export interface Anchor {
  hash: string;
  label: string;
  account: string;
  height: number;
  time: string;
  txHash: string;
}

export const anchorKey = (hash: string) => `anchor/${hash}`;
const PREFIX = 'anchor/';

export const createAnchor = defineMessage({
  type: 'anchor.create',
  summary: 'Anchors the SHA-256 hash of a document with a short label (proof of existence).',
  schema: z.strictObject({ hash: sha256Schema, label: labelSchema.max(64) }),
  handle(ctx, body) {
    const existing = getJson<Anchor>(ctx.kv, anchorKey(body.hash));
    if (existing) {
      fail(
        AnchorErrors.already_anchored,
        `This hash was already anchored at height ${existing.height} (${existing.time}); the earlier anchor is the proof.`,
        {
          height: existing.height,
        },
      );
    }
    const anchor: Anchor = {
      hash: body.hash,
      label: body.label,
      account: ctx.signer,
      height: ctx.height,
      time: ctx.time,
      txHash: ctx.txHash,
    };
    putJson(ctx.kv, anchorKey(body.hash), anchor);
    ctx.emit('anchor.created', { hash: body.hash, account: ctx.signer });
  },
});

export function getAnchor(kv: KVRead, hash: string): Anchor | undefined {
  return getJson<Anchor>(kv, anchorKey(hash));
}

export function listAnchors(kv: KVRead, limit: number, after?: string): Anchor[] {
  const start = after ? `${anchorKey(after)}\x00` : undefined;
  return [...listJson<Anchor>(kv, PREFIX, { limit, ...(start ? { start } : {}) })].map(([, a]) => a);
}

export const anchorModule: Module = {
  name: 'anchor',
  messages: [createAnchor],
  errors: [AnchorErrors],
  queries: {
    anchor: (kv, p) => getAnchor(kv, p.hash ?? '') ?? null,
  },
};
