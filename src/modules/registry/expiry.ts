// Records expire the day after their validUntil date. Readers already treat them as expired from
// that day (core/record-proof.ts effectiveStatus); the end-block sweep also writes the expiry into
// state and history, so the stored record and its proofs say so themselves.
import type { BlockContext } from '../../app/module.ts';
import { recordChange } from './keeper.ts';
import { getRecord, registryKeys } from './state.ts';

/** Upper bound on expiries per block, so one block never does unbounded work; the rest follow. */
export const MAX_EXPIRIES_PER_BLOCK = 500;

export function expireRecords(ctx: BlockContext): void {
  const today = ctx.time.slice(0, 10);
  const prefix = registryKeys.expiryPrefix;
  const due: Array<{ key: string; id: string }> = [];
  for (const [key] of ctx.kv.iterate(prefix, { limit: MAX_EXPIRIES_PER_BLOCK })) {
    const validUntil = key.slice(prefix.length, prefix.length + 10);
    if (validUntil >= today) break; // keys sort by date: the rest are still valid
    due.push({ key, id: key.slice(prefix.length + 11) });
  }
  for (const { key, id } of due) {
    ctx.kv.delete(key);
    const r = getRecord(ctx.kv, id);
    if (!r || r.status === 'revoked' || r.status === 'expired') continue;
    const { pendingTransfer: _lapsed, ...rest } = r;
    recordChange(ctx, { ...rest, status: 'expired' }, 'expired', { validUntil: r.validUntil ?? null });
  }
}
