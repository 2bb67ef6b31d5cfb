// Independent verification of a node's stored chain: every header hash and link, every block
// signature, every tx hash and signature, and a full replay from genesis in a fresh in-memory app
// whose app hash must equal the stored one at every height. Signatures are checked on worker
// threads while the main thread replays, so both cores work.
import { existsSync } from 'node:fs';
import { AppStore, type BlockHeader, type StoredBlock, type StoredTx } from '../app/app-store.ts';
import { LedgerApp } from '../app/ledger-app.ts';
import { checkBlockSignatures } from '../core/block-signatures.ts';
import { utf8 } from '../core/bytes.ts';
import { canonicalJson } from '../core/canonical.ts';
import { verify } from '../core/ed25519-node.ts';
import { sha256Hex } from '../core/hash-node.ts';
import { SignatureWorkers } from '../engines/embedded/signature-workers.ts';
import { ALL_MODULES } from '../modules/registry.ts';
import { homePaths } from './home.ts';

/** Txs whose signatures are being checked ahead of the replay. */
const SIGNATURES_AHEAD = 4_000;

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
  const replay = new LedgerApp({ dbPath: ':memory:', modules: ALL_MODULES, stateOnly: true });
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
    // The signatures of the blocks ahead are checked on the workers while this thread replays:
    // a window of about SIGNATURES_AHEAD txs, refilled block by block, so that neither side waits
    // for the other (checking a whole batch of blocks first left the replay idle meanwhile).
    const window: Array<{ block: StoredBlock; txs: StoredTx[]; sigs: Promise<boolean[]> }> = [];
    let readFrom = 1;
    let txsAhead = 0;
    const refill = () => {
      while (window.length === 0 || txsAhead < SIGNATURES_AHEAD) {
        const block = stored.block(readFrom);
        if (!block) return;
        const txs = stored.txsOfBlock(readFrom);
        readFrom++;
        txsAhead += txs.length;
        window.push({ block, txs, sigs: startSignatureChecks(workers, txs) });
      }
    };
    refill();
    while (window.length > 0) {
      const { block, txs, sigs } = window.shift()!;
      txsAhead -= txs.length;
      refill();
      const ok = await sigs;
      height = block.height;
      const h = block.header;
      if (h.height !== block.height) throw new Mismatch(height, `the header says height ${h.height}`);
      if (sha256Hex(canonicalJson(h)) !== block.hash)
        throw new Mismatch(height, 'the block header does not hash to its stored hash');
      if (h.prevHash !== prevHash)
        throw new Mismatch(height, 'the block does not link to the previous block (prevHash)');
      if (engine === 'embedded') requireBlockSignatures(block, validators);
      txs.forEach((t, i) => {
        if (t.tx === '') return; // undecodable bytes kept with their refusal; nothing to sign-check
        if (!ok[i]) {
          const result = JSON.parse(t.result) as { error: string };
          if (result.error !== 'tx.bad_signature')
            throw new Mismatch(height, `tx ${t.index} (${t.hash}) has an invalid signature`);
        } else {
          replay.notePreverified(t.hash);
        }
      });
      const res = replay.finalizeBlock({
        height,
        time: h.time,
        txs: txs.map((t) => utf8(t.tx)),
        proposer: h.proposer,
      });
      replay.commit();
      const mine = replay.lastCommitted!;
      // Equal block hashes mean equal headers: tx root, results root and app hash included. The
      // stored txs and results must then be exactly the replayed ones (string compares only).
      if (mine.block.hash !== block.hash) explainHeaderDifference(height, h, mine.block.header, txs, res);
      txs.forEach((t, i) => {
        const r = mine.txs[i]!;
        if (r.hash !== t.hash || (t.tx !== '' && r.tx !== t.tx))
          throw new Mismatch(height, `tx ${t.index} does not hash to its stored hash`);
        if (r.result !== t.result)
          throw new Mismatch(height, `stored result of tx ${i} differs from the replay`);
      });
      validators = applyValidatorUpdates(validators, res.validatorUpdates);
      prevHash = block.hash;
      txCount += txs.length;
      if (height % 50 === 0 || window.length === 0) opts.onProgress?.(height, total);
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

function startSignatureChecks(workers: SignatureWorkers, txs: StoredTx[]): Promise<boolean[]> {
  return Promise.all(txs.map((t) => (t.tx === '' ? false : workers.verify(t.tx))));
}

/** Names the first header field where the replay differs from the stored block. */
function explainHeaderDifference(
  height: number,
  stored: BlockHeader,
  replayed: BlockHeader,
  txs: StoredTx[],
  res: { txHashes: string[] },
): never {
  const badTx = txs.findIndex((t, i) => res.txHashes[i] !== t.hash);
  if (badTx >= 0) throw new Mismatch(height, `tx ${badTx} does not hash to its stored hash`);
  if (replayed.txRoot !== stored.txRoot)
    throw new Mismatch(height, 'the txs do not match the header’s txRoot');
  if (replayed.appHash !== stored.appHash)
    throw new Mismatch(
      height,
      `replay gives app hash ${replayed.appHash}, the stored header says ${stored.appHash}`,
    );
  if (replayed.resultsRoot !== stored.resultsRoot)
    throw new Mismatch(height, 'replayed tx results differ from the stored resultsRoot');
  const field = (Object.keys(stored) as Array<keyof BlockHeader>).find((k) => stored[k] !== replayed[k]);
  throw new Mismatch(height, `the replayed header differs in ${field ?? 'its hash'}`);
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
