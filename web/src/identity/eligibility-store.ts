// The resident's own eligibility requests, remembered in this browser next to the wallet key.
// The ledger holds a request under its id without the evidence; what the resident handed to the
// municipality is kept here only as a salted fingerprint, so the salt never leaves this browser
// unless the resident passes it on together with the evidence.
import { sha256Hex } from '../../../src/core/hash.ts';

export interface MyRequest {
  requestId: string;
  fundId: string;
  holder: string;
  /** Salted SHA-256 of the evidence, as computed in this browser; absent when none was attached. */
  evidenceHash?: string;
  salt?: string;
  createdAt: string;
}

const STORAGE_KEY = 'ketenboek.wallet.requests.v1';

function loadAll(): MyRequest[] {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as MyRequest[];
  } catch {
    return [];
  }
}

export function requestsOf(holder: string): MyRequest[] {
  return loadAll().filter((r) => r.holder === holder);
}

export function rememberRequest(r: MyRequest): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify([...loadAll(), r]));
}

/** A fresh random salt, so the same evidence never gives the same fingerprint twice. */
export function newSalt(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Salted fingerprint of evidence that was itself hashed first (a file) or typed (a note). */
export function saltedEvidenceHash(salt: string, evidenceSha256: string): string {
  return sha256Hex(`${salt}|${evidenceSha256}`);
}
