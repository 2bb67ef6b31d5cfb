// One document store per node, opened beside the node's app store (data/docstore.db) with its
// master key in data/docstore.key (0600). A test app in memory gets a store in memory. The store
// follows the node's blocks: when a block records an erasure, the case's key is destroyed here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StoredTx } from '../app/app-store.ts';
import type { LedgerApp } from '../app/ledger-app.ts';
import { fromHex, toHex } from '../core/bytes.ts';
import type { LedgerNode } from '../engines/ledger-node.ts';
import { KEY_BYTES, randomKey } from './crypto.ts';
import { DocStore } from './docstore.ts';

const stores = new WeakMap<LedgerApp, DocStore>();

export function docstorePaths(appDbPath: string) {
  const dir = dirname(appDbPath);
  return { db: join(dir, 'docstore.db'), masterKey: join(dir, 'docstore.key') };
}

function loadOrCreateMasterKey(path: string): Uint8Array {
  if (existsSync(path)) {
    const hex = readFileSync(path, 'utf8').trim();
    const key = fromHex(hex);
    if (key.length !== KEY_BYTES) throw new Error(`${path} must hold a ${KEY_BYTES}-byte key in hex`);
    return key;
  }
  const key = randomKey();
  writeFileSync(path, `${toHex(key)}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** The document store of the node that runs `app`, opened (and swept for erasures) on first use. */
export function docstoreOf(app: LedgerApp): DocStore {
  let store = stores.get(app);
  if (store) return store;
  const appDb = app.store.db.name;
  if (appDb === ':memory:' || appDb === '') {
    store = new DocStore({ path: ':memory:', masterKey: randomKey() });
  } else {
    const paths = docstorePaths(appDb);
    store = new DocStore({ path: paths.db, masterKey: loadOrCreateMasterKey(paths.masterKey) });
  }
  store.sweepErased(app.committed);
  stores.set(app, store);
  return store;
}

const following = new WeakSet<LedgerNode>();

/** The node's store, kept in step with erasures in every block the node commits from now on. */
export function nodeDocstore(node: LedgerNode): DocStore {
  const store = docstoreOf(node.app);
  if (!following.has(node)) {
    following.add(node);
    node.events.on('block', (_block: unknown, txs: StoredTx[]) => {
      if (!store.db.open) return;
      const erased = erasedCaseIds(txs);
      if (erased.length > 0) store.sweepErased(node.app.committed, erased);
    });
  }
  return store;
}

function erasedCaseIds(txs: StoredTx[]): string[] {
  const ids: string[] = [];
  for (const t of txs) {
    const result = JSON.parse(t.result) as {
      events?: Array<{ type: string; attributes: Array<{ key: string; value: string }> }>;
    };
    for (const e of result.events ?? []) {
      if (e.type === 'cases.erased') ids.push(e.attributes.find((a) => a.key === 'case')?.value ?? '');
    }
  }
  return ids.filter((id) => id !== '');
}

/** Closes the store of `app` (tests; a node closes it when it stops). */
export function closeDocstoreOf(app: LedgerApp): void {
  stores.get(app)?.close();
  stores.delete(app);
}
