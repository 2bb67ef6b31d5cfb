import { generateKeyPair } from '../src/core/ed25519-node.ts';
import { sha256Hex } from '../src/core/hash-node.ts';
import { encodeSignedTx } from '../src/core/tx.ts';
import { signTx } from '../src/core/tx-node.ts';

export function signedAnchors(chainId: string, count: number, accounts = 500, tag = 'bench'): Uint8Array[][] {
  const keys = Array.from({ length: accounts }, () => generateKeyPair());
  // One lane per account: a lane's txs must be submitted in order (nonces).
  const lanes: Uint8Array[][] = keys.map(() => []);
  for (let i = 0; i < count; i++) {
    const lane = i % accounts;
    const key = keys[lane]!;
    const nonce = lanes[lane]!.length + 1;
    const body = { hash: sha256Hex(`${tag} ${i}`), label: `bench ${i}` };
    const tx = signTx(
      { v: 1, chainId, type: 'anchor.create', signer: key.publicKey, nonce, body },
      key.privateKey,
    );
    lanes[lane]!.push(encodeSignedTx(tx));
  }
  return lanes;
}
