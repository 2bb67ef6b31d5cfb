import { describe, expect, it } from 'vitest';
import { ALL_MODULES } from '../../src/modules/registry.ts';
import { txTypes } from '../src/i18n/messages/tx-types.ts';

describe('explorer labels', () => {
  it('name every message type of every ledger module in Dutch and English', () => {
    const types = ALL_MODULES.flatMap((m) => m.messages.map((d) => d.type));
    const labels = txTypes as Record<string, { nl: string; en: string }>;
    const missing = types.filter((t) => !labels[`txType.${t}`]?.nl || !labels[`txType.${t}`]?.en);
    expect(missing).toEqual([]);
  });
});
