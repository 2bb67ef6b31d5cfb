import { afterEach, describe, expect, it } from 'vitest';
import { buildReceipt } from '../app/receipt.ts';
import { createTestChain, type TestChain } from '../testing/test-chain.ts';
import { verify as verifyBrowser } from './ed25519-browser.ts';
import { sha256 as sha256Browser } from './hash.ts';
import { sha256Hex } from './hash-node.ts';
import { verifyReceipt } from './receipt-verify.ts';
import { verifyReceiptWith } from './receipt-verify-core.ts';

let chain: TestChain | undefined;
afterEach(async () => {
  await chain?.stop();
  chain = undefined;
});

async function receiptFor() {
  chain = await createTestChain();
  const first = await chain.send(chain.newAccount(), 'anchor.create', {
    hash: sha256Hex('bon 1'),
    label: 'bon 1',
  });
  const tx = await chain.send(chain.newAccount(), 'anchor.create', {
    hash: sha256Hex('bon 2'),
    label: 'bon 2',
  });
  await chain.send(chain.newAccount(), 'anchor.create', { hash: sha256Hex('bon 3'), label: 'bon 3' });
  void first;
  return {
    receipt: buildReceipt(chain.app, tx.hash)!,
    trusted: [{ pubKey: chain.nodeKey.publicKey, power: 10 }],
  };
}

describe('receipts', () => {
  it('verify offline on the node and with the browser crypto, every check passing', async () => {
    const { receipt, trusted } = await receiptFor();
    const node = verifyReceipt(receipt, { trustedValidators: trusted });
    expect(node.checks.filter((c) => !c.ok)).toEqual([]);
    expect(node.valid).toBe(true);
    expect(node.checks.map((c) => c.name)).toContain('hash chain');
    const browser = verifyReceiptWith({ sha256: sha256Browser, verify: verifyBrowser }, receipt, {
      trustedValidators: trusted,
    });
    expect(browser.valid).toBe(true);
  });

  it('prove against a past block: the receipt of an older tx still verifies after more blocks', async () => {
    const { receipt, trusted } = await receiptFor();
    expect(receipt.height).toBeLessThan(chain!.app.lastHeight);
    expect(verifyReceipt(receipt, { trustedValidators: trusted }).valid).toBe(true);
  });

  it('fail when any part is altered', async () => {
    const { receipt, trusted } = await receiptFor();
    const alter = (f: (r: typeof receipt) => void) => {
      const copy = structuredClone(receipt);
      f(copy);
      return verifyReceipt(copy, { trustedValidators: trusted });
    };
    expect(alter((r) => (r.tx.body = { ...(r.tx.body as object), label: 'vals' })).valid).toBe(false);
    expect(alter((r) => (r.result.code = 5)).valid).toBe(false);
    expect(alter((r) => (r.block.header.time = '2020-01-01T00:00:00.000Z')).valid).toBe(false);
    expect(alter((r) => (r.stateProof.proof.siblings[0] = '0'.repeat(64))).valid).toBe(false);
    expect(alter((r) => (r.txProof.index = 1 - r.txProof.index)).valid).toBe(false);
    // An audit path alone does not fix the leaf count; the signed header's txCount must match.
    expect(alter((r) => (r.txProof.total += 1)).valid).toBe(false);
    expect(alter((r) => (r.block.signatures = [])).valid).toBe(false);
    expect(alter((r) => (r.nextHeader!.prevHash = '0'.repeat(64))).valid).toBe(false);
    // A key outside the trusted validator set cannot vouch for a block.
    expect(verifyReceipt(receipt, { trustedValidators: [{ pubKey: 'a'.repeat(64), power: 1 }] }).valid).toBe(
      false,
    );
  });
});
