// What the resident's browser keeps for each vote: the fresh ballot key, the token request (with
// its secret unblinding factor), the finished token, and the sealed choice with its salt. All of it
// stays in this browser; without it nobody, the municipality included, can link the ballot to them.
import type { BallotToken, SealedBallot, TokenRequest } from '../api/voting.ts';

export interface BallotState {
  ballotKey: { publicKey: string; privateKey: string };
  request?: TokenRequest;
  token?: BallotToken;
  sealed?: SealedBallot;
  revealed?: boolean;
}

const key = (electionId: string) => `ketenboek.ballot.${electionId}`;

export function loadBallot(electionId: string): BallotState | undefined {
  const raw = localStorage.getItem(key(electionId));
  return raw ? (JSON.parse(raw) as BallotState) : undefined;
}

export function saveBallot(electionId: string, state: BallotState): void {
  localStorage.setItem(key(electionId), JSON.stringify(state));
}

/** DEMO ONLY: the registrar's blind-signing key in this tab (production: the municipality's HSM). */
const REGISTRAR = (electionId: string) => `ketenboek.demo.registrar.${electionId}`;

export async function storeRegistrarKey(electionId: string, privateKey: CryptoKey): Promise<void> {
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  sessionStorage.setItem(REGISTRAR(electionId), JSON.stringify(jwk));
}

export async function loadRegistrarKey(electionId: string): Promise<CryptoKey | undefined> {
  const raw = sessionStorage.getItem(REGISTRAR(electionId));
  if (!raw) return undefined;
  // blindrsa-ts reads the key's numbers through exportKey, so it must stay extractable.
  return crypto.subtle.importKey('jwk', JSON.parse(raw), { name: 'RSA-PSS', hash: 'SHA-384' }, true, [
    'sign',
  ]);
}
