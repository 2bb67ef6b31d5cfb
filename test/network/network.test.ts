// A real 4-validator CometBFT network (one validator per demo organisation), shared by the tests
// below, which therefore run in this order: agreement, replay, receipts, an independent client, crashes of
// one and two validators, an app killed under load, a fifth organisation joining by governance,
// and finally a node with tampered state (left stopped). Without the CometBFT binary these tests
// are skipped locally and fail in CI.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Comet38Client } from '@cosmjs/tendermint-rpc';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppStore } from '../../src/app/app-store.ts';
import { toHex } from '../../src/core/bytes.ts';
import { sha256, sha256Hex } from '../../src/core/hash-node.ts';
import { verifyReceipt } from '../../src/core/receipt-verify.ts';
import { SparseMerkleTree } from '../../src/core/smt.ts';
import { cometbftAddress } from '../../src/engines/cometbft/cometbft-keys.ts';
import { cometRpc } from '../../src/engines/cometbft/process.ts';
import { addNode } from '../../src/network/add-node.ts';
import { isNodeRunning, killNode } from '../../src/network/network-control.ts';
import { nodePaths, processMarkers } from '../../src/network/network-layout.ts';
import { livePid } from '../../src/network/pid-files.ts';
import { homePaths } from '../../src/node/home.ts';
import { newAccount, skipNetworkTests, sleep, TestNetwork, waitFor } from './network-fixture.ts';

const BIN = fileURLToPath(new URL('../../bin/ketenboek.js', import.meta.url));
const [A, B, C, D] = [
  'gemeente-voorbeeldstad',
  'gemeente-proefdorp',
  'sportclub-de-testers',
  'museum-nepstad',
] as const;
const JOINER = 'gemeente-nieuwdorp';

interface TxView {
  hash: string;
  height: number;
  index: number;
}

describe.skipIf(skipNetworkTests)('a network of 4 CometBFT validators, one per organisation', () => {
  let net: TestNetwork;

  beforeAll(async () => {
    net = await TestNetwork.create(4);
    expect(net.names).toEqual([A, B, C, D]);
    await net.start();
    await net.waitForHeight(net.names, 2);
  }, 180_000);

  afterAll(async () => {
    await net?.destroy();
  }, 60_000);

  /** All `names` have the same block (header hash) and app hash at the latest height they share. */
  async function expectAgreement(names: readonly string[], atLeast = 0): Promise<number> {
    const heights = await Promise.all(names.map((n) => net.height(n)));
    const common = Math.max(Math.min(...heights), atLeast);
    const blocks = await net.blocksAt([...names], common);
    expect(new Set(blocks.map((b) => b.hash)).size, `block ${common} differs between nodes`).toBe(1);
    expect(new Set(blocks.map((b) => b.appHash)).size, `app hash at ${common} differs`).toBe(1);
    return common;
  }

  it('agrees on height and app hash after txs were sent to different nodes', async () => {
    const sent = await Promise.all(
      net.names.flatMap((name) =>
        Array.from({ length: 5 }, (_, i) => net.send(name, net.anchor(newAccount(), `doc ${i} via ${name}`))),
      ),
    );
    const top = Math.max(...sent.map((s) => s.height));
    await expectAgreement(net.names, top);
    // Every node holds every tx at the same position, whichever node it was sent to.
    for (const name of net.names) {
      for (const s of sent) {
        const { status, body } = await net.getJson<TxView>(name, `/transactions/${s.hash}`);
        expect(status).toBe(200);
        expect(body.height).toBe(s.height);
      }
    }
    const status = JSON.parse(
      execFileSync(process.execPath, [BIN, 'network', 'status', '--dir', net.dir, '--json'], {
        encoding: 'utf8',
      }),
    ) as {
      nodes: Array<{ name: string; running: boolean; validator: boolean; height: number; appHash: string }>;
    };
    expect(status.nodes.map((n) => [n.name, n.running, n.validator])).toEqual(
      net.names.map((n) => [n, true, true]),
    );
    const heights = status.nodes.map((n) => n.height);
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(2);
    const { body: engineStatus } = await net.getJson<{ engine: string }>(B, '/status');
    expect(engineStatus.engine).toBe('cometbft');
  });

  it('rejects a committed tx replayed on another node', async () => {
    const tx = net.anchor(newAccount(), 'replayed document');
    const first = await net.send(A, tx);
    for (const other of [B, C]) {
      const again = await net.post(other, tx);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('tx.duplicate');
    }
    // Straight to CometBFT's RPC, as any client could: refused before or in CheckTx, with the stable code.
    const raw = await fetch(net.rpc(D), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'broadcast_tx_sync',
        params: { tx: Buffer.from(tx).toString('base64') },
      }),
    }).then(
      (r) => r.json() as Promise<{ result?: { code: number; data: string }; error?: { data: string } }>,
    );
    if (raw.error) expect(raw.error.data).toMatch(/already exists in cache/);
    else {
      expect(raw.result!.code).not.toBe(0);
      expect(Buffer.from(raw.result!.data, 'hex').toString()).toBe('tx.duplicate');
    }
    await sleep(1_500);
    const { body } = await net.getJson<TxView>(D, `/transactions/${first.hash}`);
    expect(body.height).toBe(first.height);
  });

  it('gives receipts that verify offline: the validators sign the app blocks too', async () => {
    const sent = await net.send(A, net.anchor(newAccount(), 'with a receipt'));
    // Signatures on block h travel with the precommits of h + 1 and land with block h + 2.
    await net.waitForHeight([C], sent.height + 3);
    const { status, body } = await net.getJson<{ receipt: unknown }>(C, `/transactions/${sent.hash}`);
    expect(status).toBe(200);
    const verdict = verifyReceipt(body.receipt);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    const signers = (body.receipt as { block: { signatures: unknown[] } }).block.signatures;
    expect(signers.length).toBeGreaterThanOrEqual(3);
  });

  it('serves committed blocks and their commits to an independent client (@cosmjs/tendermint-rpc)', async () => {
    const sent = await net.send(C, net.anchor(newAccount(), 'read by cosmjs'));
    await net.waitForHeight([C], sent.height + 1);
    const client = await Comet38Client.connect(net.rpc(C));
    try {
      const { block } = await client.block(sent.height);
      const hashes = block.txs.map((t) => sha256Hex(t));
      expect(hashes).toContain(sent.hash);
      // CometBFT puts the app hash after block h into the header of block h + 1.
      const next = await client.block(sent.height + 1);
      const ours = await net.block(A, sent.height);
      expect(toHex(next.block.header.appHash)).toBe(ours.appHash);
      const { commit } = await client.commit(sent.height);
      const validators = (await client.validatorsAll(sent.height)).validators.map((v) => toHex(v.address));
      const signers = commit.signatures
        .filter((s) => s.blockIdFlag === 2)
        .map((s) => toHex(s.validatorAddress!));
      expect(signers.length).toBeGreaterThanOrEqual(3);
      for (const signer of signers) expect(validators).toContain(signer);
    } finally {
      client.disconnect();
    }
  });

  it('goes on with one validator down, halts without forking with two down, and heals', async () => {
    await killNode(net.dir, D);
    const before = await net.height(A);
    await net.waitForHeight([A, B, C], before + 3, 30_000);
    const whileDown = await net.send(B, net.anchor(newAccount(), 'while one validator is down'));

    await killNode(net.dir, C);
    // A block that already had its precommits may still commit; then nothing more can.
    const halted = await net.stableHeights([A, B], 2_000);
    const pending = await net.post(A, net.anchor(newAccount(), 'while the chain halts'), false);
    expect(pending.status).toBe(202);
    await sleep(4_000);
    expect(await Promise.all([A, B].map((n) => net.height(n)))).toEqual(halted);
    const last = Math.min(...halted);
    const [atA, atB] = await net.blocksAt([A, B], last);
    expect(atA).toEqual(atB);

    await net.start([C, D]);
    const healed = await expectAgreement(net.names, last + 2);
    // The tx accepted during the halt is committed once the chain goes on, identically everywhere.
    await waitFor(
      'the tx sent during the halt',
      30_000,
      async () => (await net.getJson(C, `/transactions/${pending.body.hash}`)).status === 200,
    );
    for (const name of net.names) {
      expect((await net.getJson<TxView>(name, `/transactions/${whileDown.hash}`)).body.height).toBe(
        whileDown.height,
      );
      // Same history on the nodes that were down: the blocks around the halt match node A's.
      for (const h of [last - 1, last, last + 1])
        expect(await net.block(name, h)).toEqual(await net.block(A, h));
    }
    expect(healed).toBeGreaterThan(last);
  });

  it('loses no acknowledged tx when an app process is killed with SIGKILL under load', async () => {
    const acked = new Map<string, number>();
    let running = true;
    const worker = async (target: string) => {
      const account = newAccount();
      while (running) {
        try {
          const answer = await net.post(target, net.anchor(account, `load on ${target}`));
          if (answer.status !== 201) throw new Error(`answer ${answer.status}`);
          acked.set(answer.body.hash!, answer.body.height!);
        } catch {
          return; // the node died mid-request: this account's next nonce is uncertain
        }
      }
    };
    const workers = [
      ...Array.from({ length: 6 }, () => worker(B)),
      ...Array.from({ length: 6 }, () => worker(A)),
    ];
    // Kill while txs are flowing: once a good number was acknowledged, whatever the machine's speed.
    await waitFor('30 acknowledged txs', 60_000, async () => acked.size >= 30);
    await killNode(net.dir, B, 'app');
    // CometBFT stops by itself once its app is gone.
    expect(livePid(nodePaths(net.home(B)).cometbftPid, processMarkers(net.home(B)).cometbft)).toBeUndefined();
    expect(isNodeRunning(net.dir, B)).toBe(false);
    await sleep(1_000);
    running = false;
    await Promise.all(workers);

    await net.start([B]);
    await expectAgreement(net.names, Math.max(...acked.values()) + 1);
    for (const name of [B, A]) {
      for (const [hash, height] of acked) {
        const { status, body } = await net.getJson<TxView>(name, `/transactions/${hash}`);
        expect(status, `acknowledged tx ${hash} missing on ${name}`).toBe(200);
        expect(body.height).toBe(height);
      }
    }
  });

  it('lets a fifth organisation join through governance and sign blocks as a validator', async () => {
    const joiner = await addNode({
      dir: net.dir,
      name: JOINER,
      organisationName: 'Gemeente Nieuwdorp (demo)',
    });
    net.reloadManifest();
    await net.start([JOINER]);
    await expectAgreement([A, JOINER], (await net.height(A)) - 1);

    const joinerKey = net.orgKey(JOINER);
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const decide = async (title: string, action: Record<string, unknown>) => {
      const submitted = await net.post(
        A,
        net.sign(net.orgKey(A), 'identity.submit_proposal', { title, action, deadline }),
      );
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
      const proposalId = (
        submitted.body as {
          result: { events: Array<{ type: string; attributes: Array<{ key: string; value: string }> }> };
        }
      ).result.events
        .find((e) => e.type === 'identity.proposal_submitted')!
        .attributes.find((a) => a.key === 'proposal')!.value;
      // The three members approve; votes go to different nodes.
      await net.send(B, net.sign(net.orgKey(B), 'identity.vote', { proposalId, approve: true }));
      await net.send(
        C,
        net.sign(net.orgKey('notaris-voorbeeld'), 'identity.vote', { proposalId, approve: true }),
      );
      // Read where the last vote committed: another node may still be finishing that block.
      const { body } = await net.getJson<{ status: string }>(C, `/proposals/${proposalId}`);
      expect(body.status).toBe('passed');
    };
    await decide('Gemeente Nieuwdorp treedt toe', {
      kind: 'add_organisation',
      oin: joiner.organisation.oin,
      name: joiner.organisation.name,
      roles: ['sponsor'],
      keys: [joinerKey.publicKey],
      member: true,
    });
    await decide('Gemeente Nieuwdorp draait een validator', {
      kind: 'set_validator',
      oin: joiner.organisation.oin,
      pubKey: joiner.validatorPubKey,
      power: 10,
    });

    const address = cometbftAddress(joiner.validatorPubKey);
    await waitFor('the joiner in the validator set', 20_000, async () => {
      const { validators } = await cometRpc<{ validators: Array<{ address: string }> }>(
        net.rpc(A),
        'validators',
      );
      return validators.some((v) => v.address === address);
    });
    await waitFor('a block signed by the joiner', 20_000, async () => {
      const { signed_header } = await cometRpc<{
        signed_header: {
          commit: { signatures: Array<{ validator_address: string; block_id_flag: number }> };
        };
      }>(net.rpc(C), 'commit');
      return signed_header.commit.signatures.some(
        (s) => s.validator_address === address && s.block_id_flag === 2,
      );
    });
    await expectAgreement([...net.names]);
    const status = JSON.parse(
      execFileSync(process.execPath, [BIN, 'network', 'status', '--dir', net.dir, '--json'], {
        encoding: 'utf8',
      }),
    ) as { nodes: Array<{ name: string; validator: boolean }> };
    expect(status.nodes.find((n) => n.name === JOINER)?.validator).toBe(true);
  });

  it('refuses to start a node whose stored state was tampered with, while the others go on', async () => {
    await net.stop([D]);
    const dbPath = homePaths(net.home(D)).appDb;
    const db = new Database(dbPath);
    const row = db
      .prepare<[], { key: string; value: string }>(
        "SELECT key, value FROM state WHERE key LIKE 'anchor/%' LIMIT 1",
      )
      .get()!;
    db.prepare('UPDATE state SET value = ? WHERE key = ?').run(
      row.value.replace('"label":"', '"label":"FORGED '),
      row.key,
    );
    db.close();

    const heightBefore = await net.height(A);
    await expect(net.start([D])).rejects.toThrow(/app-hash mismatch/);
    expect(net.logOf(D)).toMatch(/refuses to start: app-hash mismatch at height \d+/);

    // Forge the app hash too, so the app itself starts: CometBFT's replay check must catch it.
    const store = new AppStore(dbPath);
    const tree = new SparseMerkleTree(sha256);
    for (const [key, value] of store.allState()) tree.set(key, sha256(value));
    store.setMeta('appHash', toHex(tree.root()));
    store.close();
    await expect(net.start([D])).rejects.toThrow(/app-hash mismatch/);
    expect(net.logOf(D)).toMatch(/AppHash does not match AppHash after replay/);

    await net.waitForHeight([A, B, C, JOINER], heightBefore + 3, 20_000);
    await expectAgreement([A, B, C, JOINER]);
  });
});
