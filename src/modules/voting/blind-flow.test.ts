// The whole resident journey with real blinding (blindrsa-ts, as in the browser), and the proof
// that the registrar's records and the ballots cannot be joined.
import { createPublicKey, KeyObject } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  blindSign,
  finalizeToken,
  generateRegistrarKey,
  importRegistrarKey,
  type RegistrarKeyPair,
  requestToken,
  sealBallot,
} from '../../client/modules/voting-tokens.ts';
import { fromHex } from '../../core/bytes.ts';
import { getTally } from './index.ts';
import { blindSignWithOpenSsl } from './registrar-signer.ts';
import type { BallotChoice } from './token-message.ts';
import { budgetElection, createVotingChain, type VotingKit, WINDOWS } from './voting-test-kit.ts';

let kit: VotingKit;
let registrarKey: RegistrarKeyPair;
afterEach(async () => kit?.chain.stop());
beforeAll(async () => {
  registrarKey = await generateRegistrarKey(2048);
});

const ID = 'buurtbudget';

async function election(quota: number) {
  kit = await createVotingChain();
  await kit.chain.send(kit.organiser, 'voting.create_election', {
    ...budgetElection(ID),
    registrarOin: kit.registrar.oin,
  });
  await kit.chain.send(kit.registrar, 'voting.publish_registrar_key', {
    electionId: ID,
    publicKey: registrarKey.spkiHex,
    voterQuota: quota,
  });
  await kit.advanceTo(WINDOWS.registrationOpensAt);
}

describe('a resident with a blind-signed token', () => {
  it('casts a ballot the registrar never saw, and finds it among the counted ballots', async () => {
    await election(1);
    const pub = await importRegistrarKey(registrarKey.spkiHex);
    const ballotKey = kit.chain.newAccount();
    const req = await requestToken(pub, ID, ballotKey.publicKey);
    const blindSignature = await blindSign(registrarKey.privateKey, req.blindedMessage);
    await kit.chain.send(kit.registrar, 'voting.record_issuance', { electionId: ID, count: 1 });
    const token = await finalizeToken(pub, req, blindSignature);

    await kit.advanceTo(WINDOWS.votingOpensAt);
    const sealed = sealBallot(ID, token.tokenHash, { projects: ['speeltuin', 'bankjes'] });
    await kit.chain.send(ballotKey, 'voting.cast_ballot', {
      electionId: ID,
      tokenPrefix: token.tokenPrefix,
      tokenSignature: token.tokenSignature,
      commitment: sealed.commitment,
    });
    await kit.advanceTo(WINDOWS.votingClosesAt);
    await kit.chain.send(kit.chain.newAccount(), 'voting.reveal_ballot', {
      electionId: ID,
      tokenHash: token.tokenHash,
      choice: sealed.choice,
      salt: sealed.salt,
    });
    await kit.advanceTo(WINDOWS.revealClosesAt);
    const t = getTally(kit.chain.app.committed, ID)!;
    expect(t.countedBallots).toEqual([sealed.commitment]);
    expect(t.budget!.funded).toEqual(['bankjes', 'speeltuin']);
  });

  it('cannot finalize a blind signature that was made for another request', async () => {
    await election(1);
    const pub = await importRegistrarKey(registrarKey.spkiHex);
    const mine = await requestToken(pub, ID, kit.chain.newAccount().publicKey);
    const someoneElses = await requestToken(pub, ID, kit.chain.newAccount().publicKey);
    const wrong = blindSignWithOpenSsl(privateKeyObject(registrarKey), someoneElses.blindedMessage);
    await expect(finalizeToken(pub, mine, wrong)).rejects.toThrow(/invalid signature/);
  });
});

describe('the registrar’s records and the ballots', () => {
  it('cannot be joined: nothing on the ledger links an issuance to a ballot key, token or ballot', async () => {
    const residents = ['bewoner-1', 'bewoner-2', 'bewoner-3', 'bewoner-4'];
    await election(residents.length);
    const pub = await importRegistrarKey(registrarKey.spkiHex);
    const signer = privateKeyObject(registrarKey);

    // Off the ledger: each resident proves eligibility and gets one blind signature. The
    // registrar keeps a log of who got what; this is all it knows.
    const registrarLog: Array<{ resident: string; blindedMessage: string; blindSignature: string }> = [];
    const wallets = [];
    for (const resident of residents) {
      const ballotKey = kit.chain.newAccount();
      const req = await requestToken(pub, ID, ballotKey.publicKey);
      const blindSignature = blindSignWithOpenSsl(signer, req.blindedMessage);
      registrarLog.push({ resident, blindedMessage: req.blindedMessage, blindSignature });
      wallets.push({ ballotKey, token: await finalizeToken(pub, req, blindSignature) });
    }
    await kit.chain.send(kit.registrar, 'voting.record_issuance', {
      electionId: ID,
      count: residents.length,
    });

    await kit.advanceTo(WINDOWS.votingOpensAt);
    const choices: BallotChoice[] = [
      { projects: ['bomen'] },
      { projects: ['bankjes'] },
      { projects: ['speeltuin'] },
      { projects: [] },
    ];
    const sealed = [];
    // Cast in another order than issued, as residents would.
    for (const i of [2, 0, 3, 1]) {
      const { ballotKey, token } = wallets[i]!;
      const s = sealBallot(ID, token.tokenHash, choices[i]!);
      sealed.push({ token, s });
      await kit.chain.send(ballotKey, 'voting.cast_ballot', {
        electionId: ID,
        tokenPrefix: token.tokenPrefix,
        tokenSignature: token.tokenSignature,
        commitment: s.commitment,
      });
    }
    await kit.advanceTo(WINDOWS.votingClosesAt);
    for (const { token, s } of sealed) {
      await kit.chain.send(kit.chain.newAccount(), 'voting.reveal_ballot', {
        electionId: ID,
        tokenHash: token.tokenHash,
        choice: s.choice,
        salt: s.salt,
      });
    }
    await kit.advanceTo(WINDOWS.revealClosesAt);

    // Everything the ledger holds: all state and every tx with its result.
    const app = kit.chain.app;
    const state = [...app.store.allState()].map(([k, v]) => `${k}=${v}`).join('\n');
    const txs = [];
    for (let h = 1; h <= app.lastHeight; h++) txs.push(...app.store.txsOfBlock(h));
    const ledger = `${state}\n${txs.map((t) => `${t.tx}\n${t.result}`).join('\n')}`;

    // 1. What the registrar saw and made off-ledger appears nowhere on the ledger.
    for (const entry of registrarLog) {
      expect(ledger).not.toContain(entry.blindedMessage);
      expect(ledger).not.toContain(entry.blindSignature);
      expect(ledger).not.toContain(entry.resident);
    }
    // 2. The registrar's own records on the ledger are counts: they name no ballot key, token or ballot.
    const registrarTxs = txs.filter((t) => JSON.parse(t.tx).signer === kit.registrar.publicKey);
    const issuanceState = [...app.store.iterate(`voting/issuance/${ID}/`)].map(([, v]) => v);
    const registrarRecords = `${registrarTxs.map((t) => `${t.tx}\n${t.result}`).join('\n')}\n${issuanceState.join('\n')}`;
    for (const { ballotKey, token } of wallets) {
      for (const secretLink of [
        ballotKey.publicKey,
        token.tokenHash,
        token.tokenPrefix,
        token.tokenSignature,
      ]) {
        expect(registrarRecords).not.toContain(secretLink);
      }
    }
    for (const { s } of sealed) expect(registrarRecords).not.toContain(s.commitment);
    expect(issuanceState.map((v) => JSON.parse(v).count)).toEqual([residents.length]);
    // 3. Ballots were cast by fresh keys that belong to no organisation and appear in no other tx.
    const ballotTxs = txs.filter((t) => JSON.parse(t.tx).type === 'voting.cast_ballot');
    const ballotSigners = ballotTxs.map((t) => JSON.parse(t.tx).signer as string);
    expect(new Set(ballotSigners).size).toBe(residents.length);
    const orgKeys = kit.chain.orgs.map((o) => o.publicKey);
    for (const s of ballotSigners) {
      expect(orgKeys).not.toContain(s);
      expect(txs.filter((t) => JSON.parse(t.tx).signer === s)).toHaveLength(1);
    }
    // 4. Even with its log and the ledger, the registrar cannot match a token to a signing: no
    //    blinded message is a token's encoded message (s^e mod n) and no blind signature is a
    //    token signature. Without blinding (r = 1) both would match exactly.
    const n = modulusOf(registrarKey.spkiHex);
    const e = 65537n;
    for (const { token } of wallets) {
      const s = big(token.tokenSignature);
      const encoded = modPow(s, e, n);
      for (const entry of registrarLog) {
        expect(big(entry.blindedMessage)).not.toBe(encoded);
        expect(big(entry.blindSignature)).not.toBe(s);
      }
    }
    expect(getTally(app.committed, ID)).toMatchObject({ ballotsCounted: 4, tokensIssued: 4 });
  });
});

/** The registrar's WebCrypto key as a node KeyObject, for the OpenSSL blind signer. */
const privateKeyObject = (k: RegistrarKeyPair) => KeyObject.from(k.privateKey);

const big = (hex: string) => BigInt(`0x${hex}`);

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let x = exp;
  while (x > 0n) {
    if (x & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    x >>= 1n;
  }
  return result;
}

function modulusOf(spkiHex: string): bigint {
  const jwk = createPublicKey({ key: Buffer.from(fromHex(spkiHex)), format: 'der', type: 'spki' }).export({
    format: 'jwk',
  });
  return big(Buffer.from(jwk.n!, 'base64url').toString('hex'));
}
