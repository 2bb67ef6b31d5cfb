// Independent verification of a node's stored chain: every header hash and link, every block
// signature, every tx hash and signature, and a full replay from genesis in a fresh in-memory app
// whose app hash must equal the stored one at every height. Signatures are checked on worker
// threads while the main thread replays, so both cores work.
import { existsSync } from 'node:fs';
import { AppStore, type StoredBlock, type StoredTx } from '../app/app-store.ts';
import { LedgerApp } from '../app/ledger-app.ts';
import { checkBlockSignatures } from '../core/block-signatures.ts';
import { fromHex, toHex, utf8 } from '../core/bytes.ts';
import { canonicalJson } from '../core/canonical.ts';
import { verify } from '../core/ed25519-node.ts';
import { sha256, sha256Hex } from '../core/hash-node.ts';
import { merkleRoot } from '../core/merkle.ts';
import { SignatureWorkers } from '../engines/embedded/signature-workers.ts';
import { ALL_MODULES } from '../modules/registry.ts';
import { homePaths } from './home.ts';

export interface VerifyChainOptions {
  home?: string;
  dbPath?: string;
  onProgress?: (done: number, total: number) => void;
  workers?: number;
}

export interface VerifyChainResult {
  ok: boolean;
  height: number;
  txs: number;
  firstBadHeight?: number;
  reason?: string;
  seconds: number;
}

class Mismatch extends Error {
  constructor(
    readonly height: number,
    reason: string,
  ) {
    super(reason);
  }
}

export async function verifyChain(opts: VerifyChainOptions): Promise<VerifyChainResult> {
  const started = performance.now();
  const dbPath = opts.dbPath ?? homePaths(opts.home ?? '.').appDb;
  if (!existsSync(dbPath)) throw new Error(`no chain data at ${dbPath}`);
  const stored = new AppStore(dbPath, { readonly: true });
  const replay = new LedgerApp({ dbPath: ':memory:', modules: ALL_MODULES });
  const workers = new SignatureWorkers(opts.workers ?? 2);
  let txCount = 0;
  let height = 0;
  try {
    const genesisJson = stored.getMeta('genesis');
    if (!genesisJson) throw new Mismatch(0, 'the store has no genesis');
    const init = replay.initChain(JSON.parse(genesisJson));
    const total = Number(stored.getMeta('height') ?? '0');
    const engine = stored.getMeta('engine') ?? 'embedded';
    let validators = init.validators.filter((v) => v.power > 0);
    let prevHash = '0'.repeat(64);
    // Verify the signatures of the next block while the current one replays.
    let nextBlocks = readBlocks(stored, 1, 50);
    let pendingSigs = startSignatureChecks(workers, nextBlocks);
    while (nextBlocks.length > 0) {
      const blocks = nextBlocks;
      const sigs = await pendingSigs;
      nextBlocks = readBlocks(stored, blocks[blocks.length - 1]!.block.height + 1, 50);
      pendingSigs = startSignatureChecks(workers, nextBlocks);
      for (const [bi, { block, txs }] of blocks.entries()) {
        height = block.height;
        const h = block.header;
        if (h.height !== block.height) throw new Mismatch(height, `the header says height ${h.height}`);
        if (sha256Hex(canonicalJson(h)) !== block.hash)
          throw new Mismatch(height, 'the block header does not hash to its stored hash');
        if (h.prevHash !== prevHash)
          throw new Mismatch(height, 'the block does not link to the previous block (prevHash)');
        if (engine === 'embedded') requireBlockSignatures(block, validators);
        const ok = sigs[bi]!;
        txs.forEach((t, i) => {
          if (t.tx === '') return; // undecodable bytes kept with their refusal; nothing to sign-check
          if (sha256Hex(t.tx) !== t.hash)
            throw new Mismatch(height, `tx ${t.index} does not hash to its stored hash`);
          if (!ok[i]) {
            const result = JSON.parse(t.result) as { error: string };
            if (result.error !== 'tx.bad_signature')
              throw new Mismatch(height, `tx ${t.index} (${t.hash}) has an invalid signature`);
          } else {
            replay.notePreverified(t.hash);
          }
        });
        const txRoot = toHex(
          merkleRoot(
            txs.map((t) => fromHex(t.hash)),
            sha256,
          ),
        );
        if (txRoot !== h.txRoot) throw new Mismatch(height, 'the txs do not match the header’s txRoot');
        const res = replay.finalizeBlock({
          height,
          time: h.time,
          txs: txs.map((t) => utf8(t.tx)),
          proposer: h.proposer,
        });
        if (res.appHash !== h.appHash) {
          throw new Mismatch(
            height,
            `replay gives app hash ${res.appHash}, the stored header says ${h.appHash}`,
          );
        }
        const resultsRoot = toHex(
          merkleRoot(
            res.txResults.map((r) => sha256(canonicalJson(r))),
            sha256,
          ),
        );
        if (resultsRoot !== h.resultsRoot)
          throw new Mismatch(height, 'replayed tx results differ from the stored resultsRoot');
        res.txResults.forEach((r, i) => {
          if (canonicalJson(r) !== txs[i]!.result)
            throw new Mismatch(height, `stored result of tx ${i} differs from the replay`);
        });
        replay.commit();
        validators = applyValidatorUpdates(validators, res.validatorUpdates);
        prevHash = block.hash;
        txCount += txs.length;
      }
      opts.onProgress?.(height, total);
    }
    if (height !== total)
      throw new Mismatch(height + 1, `the store claims height ${total} but has blocks up to ${height}`);
    checkStoredState(stored, replay);
    return { ok: true, height, txs: txCount, seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    if (!(e instanceof Mismatch)) throw e;
    return {
      ok: false,
      height,
      txs: txCount,
      firstBadHeight: e.height,
      reason: e.message,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await workers.close();
    replay.close();
    stored.close();
  }
}

function readBlocks(
  store: AppStore,
  from: number,
  count: number,
): Array<{ block: StoredBlock; txs: StoredTx[] }> {
  return store
    .blocks(from, from + count - 1)
    .map((block) => ({ block, txs: store.txsOfBlock(block.height) }));
}

function startSignatureChecks(
  workers: SignatureWorkers,
  blocks: Array<{ txs: StoredTx[] }>,
): Promise<boolean[][]> {
  return Promise.all(
    blocks.map((b) => Promise.all(b.txs.map((t) => (t.tx === '' ? false : workers.verify(t.tx))))),
  );
}

function requireBlockSignatures(
  block: StoredBlock,
  validators: Array<{ pubKey: string; power: number }>,
): void {
  const ok = checkBlockSignatures(verify, block.hash, block.signatures, validators);
  if (ok !== true) throw new Mismatch(block.height, `the block is not vouched for: ${ok}`);
}

function applyValidatorUpdates(
  current: Array<{ pubKey: string; power: number }>,
  updates: Array<{ pubKey: string; power: number }>,
): Array<{ pubKey: string; power: number }> {
  const m = new Map(current.map((v) => [v.pubKey, v.power]));
  for (const u of updates) {
    if (u.power === 0) m.delete(u.pubKey);
    else m.set(u.pubKey, u.power);
  }
  return [...m.entries()].map(([pubKey, power]) => ({ pubKey, power }));
}

/** The stored current state must equal the replayed one; a difference names the height it was written at. */
function checkStoredState(stored: AppStore, replay: LedgerApp): void {
  const replayed = new Map<string, string>(replay.store.allState());
  let firstBad: { height: number; key: string } | undefined;
  const rows = stored.db
    .prepare<[], { key: string; value: string; height: number }>('SELECT key, value, height FROM state')
    .iterate();
  for (const r of rows) {
    if (replayed.get(r.key) !== r.value && (!firstBad || r.height < firstBad.height))
      firstBad = { height: r.height, key: r.key };
    replayed.delete(r.key);
  }
  if (firstBad)
    throw new Mismatch(firstBad.height, `stored state of "${firstBad.key}" differs from the replay`);
  const missing = [...replayed.keys()][0];
  if (missing !== undefined)
    throw new Mismatch(Number(stored.getMeta('height') ?? 0), `stored state lacks "${missing}"`);
}
