import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import { describe, expect, it } from 'vitest';
import { LedgerApp } from '../../app/ledger-app.ts';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { ALL_MODULES } from '../../modules/registry.ts';
import { buildGenesis, fakeOin } from '../../node/genesis-builder.ts';
import { hexToBytes } from './abci-convert.ts';
import {
  BlockSigner,
  decodeSignaturesTx,
  type ExtendedVote,
  encodeSignaturesTx,
} from './block-signatures.ts';
import { cometbftAddress } from './cometbft-keys.ts';

const validators = [generateKeyPair(), generateKeyPair(), generateKeyPair()];
const outsider = generateKeyPair();

/** An app whose blocks 1 and 2 are committed, as every validator's app would be at height 3. */
function appAtHeight2(): LedgerApp {
  const app = new LedgerApp({ dbPath: ':memory:', modules: ALL_MODULES });
  app.initChain(
    buildGenesis({
      chainId: 'signatures-test',
      genesisTime: '2026-01-01T00:00:00.000Z',
      organisations: validators.map((v, i) => ({
        oin: fakeOin(i + 1),
        name: `Organisatie ${i + 1}`,
        roles: ['sponsor'],
        keys: [generateKeyPair().publicKey],
        member: true,
        validator: { pubKey: v.publicKey, power: 10 },
      })),
    }),
  );
  for (const height of [1, 2]) {
    app.finalizeBlock({ height, time: `2026-01-01T00:00:0${height}.000Z`, txs: [], proposer: '' });
    app.commit();
  }
  return app;
}

const address = (publicKey: string) => hexToBytes(cometbftAddress(publicKey));
const vote = (
  key: { publicKey: string },
  extension: Uint8Array,
  flag = BlockIDFlag.BLOCK_ID_FLAG_COMMIT,
): ExtendedVote => ({
  validatorAddress: address(key.publicKey),
  voteExtension: extension,
  blockIdFlag: flag,
});

describe('validator signatures on app blocks through vote extensions', () => {
  const app = appAtHeight2();
  const signers = validators.map((v) => new BlockSigner(app, v));

  it('signs the last committed app block and accepts only the sender’s own valid signature', () => {
    const extension = signers[0]!.extendVote(3);
    expect(extension).toHaveLength(64);
    const other = signers[1]!;
    expect(other.verifyVoteExtension(3, address(validators[0]!.publicKey), extension)).toBe(true);
    expect(other.verifyVoteExtension(3, address(validators[2]!.publicKey), extension)).toBe(false);
    const flipped = extension.slice();
    flipped[5]! ^= 1;
    expect(other.verifyVoteExtension(3, address(validators[0]!.publicKey), flipped)).toBe(false);
    // A non-validator's signature is refused; an empty extension is allowed.
    const outsiderExtension = new BlockSigner(app, outsider).extendVote(3);
    expect(other.verifyVoteExtension(3, address(outsider.publicKey), outsiderExtension)).toBe(false);
    expect(other.verifyVoteExtension(3, address(validators[0]!.publicKey), new Uint8Array())).toBe(true);
    expect(signers[0]!.extendVote(1)).toHaveLength(0);
  });

  it('collects the signatures of the precommits into a tx the other validators accept', () => {
    // Precommits of height 3 carry signatures on app block 2; the proposer of height 4 collects them.
    const votes = [
      vote(validators[0]!, signers[0]!.extendVote(3)),
      vote(validators[1]!, signers[1]!.extendVote(3)),
      vote(validators[2]!, new Uint8Array(), BlockIDFlag.BLOCK_ID_FLAG_ABSENT),
    ];
    const tx = signers[2]!.signaturesTx(4, votes)!;
    const decoded = decodeSignaturesTx(tx)!;
    expect(decoded.height).toBe(2);
    expect(decoded.signatures.map((s) => s.pubKey).sort()).toEqual(
      [validators[0]!.publicKey, validators[1]!.publicKey].sort(),
    );
    const payload = new TextEncoder().encode('{"a":1}');
    expect(signers[0]!.proposalIsValid(4, [tx, payload])).toBe(true);
    expect(signers[0]!.proposalIsValid(4, [payload])).toBe(true);
    expect(signers[2]!.signaturesTx(4, [votes[2]!])).toBeUndefined();
  });

  it('rejects a proposal with a forged, misplaced, duplicated or mistargeted signatures tx', () => {
    const sig = (i: number) => ({
      pubKey: validators[i]!.publicKey,
      sig: Buffer.from(signers[i]!.extendVote(3)).toString('hex'),
    });
    const good = { height: 2, signatures: [sig(0), sig(1)] };
    const check = (s: object, at = 0) => {
      const txs: Uint8Array[] = [new TextEncoder().encode('{}')];
      txs.splice(at, 0, encodeSignaturesTx(s as never));
      return signers[1]!.proposalIsValid(4, txs);
    };
    expect(check(good)).toBe(true);
    expect(check(good, 1)).toBe(false);
    expect(check({ height: 1, signatures: good.signatures })).toBe(false);
    expect(check({ height: 2, signatures: [sig(0), sig(0)] })).toBe(false);
    expect(check({ height: 2, signatures: [{ ...sig(0), pubKey: validators[1]!.publicKey }] })).toBe(false);
    expect(check({ height: 2, signatures: [] })).toBe(false);
  });
});
