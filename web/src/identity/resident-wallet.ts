// The resident's keys live only in this browser (localStorage of this origin). They are made here
// with @noble's Ed25519, used here to sign, and never sent to the node or anywhere else: the node
// sees only public keys and signed transactions. Losing the browser data means losing the key, so
// the wallet offers an export the resident keeps themselves.

import type { TxSigner } from '../../../src/client/browser.ts';
import { generateKeyPair, publicKeyFromPrivate, sign } from '../../../src/core/ed25519-browser.ts';

export interface WalletKey {
  publicKey: string;
  privateKey: string;
  label: string;
  createdAt: string;
}

const STORAGE_KEY = 'ketenboek.wallet.v1';

export function loadWallet(): WalletKey[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const list = raw ? (JSON.parse(raw) as WalletKey[]) : [];
    return list.filter(
      (k) => typeof k.privateKey === 'string' && publicKeyFromPrivate(k.privateKey) === k.publicKey,
    );
  } catch {
    return [];
  }
}

function saveWallet(keys: WalletKey[]): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
}

export function createWalletKey(label: string): WalletKey {
  const pair = generateKeyPair();
  const key: WalletKey = { ...pair, label, createdAt: new Date().toISOString() };
  saveWallet([...loadWallet(), key]);
  return key;
}

/**
 * Imports a key the resident already has: a wallet export, or (demo) a key file such as
 * <home>/keys/bewoner-1.json. Only the private key is read; the public key is derived from it.
 */
export function importWalletKey(text: string, label: string): WalletKey {
  const trimmed = text.trim();
  let privateKey = trimmed;
  if (trimmed.startsWith('{')) {
    const parsed = JSON.parse(trimmed) as { privateKey?: unknown; name?: unknown; label?: unknown };
    if (typeof parsed.privateKey !== 'string') throw new Error('no privateKey in this file');
    privateKey = parsed.privateKey;
    label = label || String(parsed.label ?? parsed.name ?? '');
  }
  const publicKey = publicKeyFromPrivate(privateKey.toLowerCase());
  const existing = loadWallet();
  const found = existing.find((k) => k.publicKey === publicKey);
  if (found) return found;
  const key: WalletKey = {
    publicKey,
    privateKey: privateKey.toLowerCase(),
    label: label || 'sleutel',
    createdAt: new Date().toISOString(),
  };
  saveWallet([...existing, key]);
  return key;
}

export function removeWalletKey(publicKey: string): void {
  saveWallet(loadWallet().filter((k) => k.publicKey !== publicKey));
}

/** A signer that keeps the private key inside this module's closure. */
export function walletSigner(key: WalletKey): TxSigner {
  return { publicKey: key.publicKey, sign: (message) => sign(key.privateKey, message) };
}

export function exportWalletKey(key: WalletKey): string {
  return `${JSON.stringify({ label: key.label, publicKey: key.publicKey, privateKey: key.privateKey }, null, 2)}\n`;
}
