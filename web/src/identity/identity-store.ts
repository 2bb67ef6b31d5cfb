// Which identities this tab holds, as a tiny external store so every portal sees an import at once.
import { useSyncExternalStore } from 'react';
import { loadOrgIdentities, type OrgIdentity } from './org-keys.ts';
import { loadWallet, type WalletKey } from './resident-wallet.ts';

interface Snapshot {
  orgs: OrgIdentity[];
  wallet: WalletKey[];
}

let snapshot: Snapshot = { orgs: loadOrgIdentities(), wallet: loadWallet() };
const listeners = new Set<() => void>();

/** Call after any change to the stored keys. */
export function identitiesChanged(): void {
  snapshot = { orgs: loadOrgIdentities(), wallet: loadWallet() };
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useIdentities(): Snapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

const SELECTED = 'ketenboek.selected.';

/** The identity chosen for one portal (e.g. "sponsor"), remembered for this tab. */
export function selectedFor(portal: string): string | null {
  return sessionStorage.getItem(SELECTED + portal);
}

export function select(portal: string, id: string): void {
  sessionStorage.setItem(SELECTED + portal, id);
  identitiesChanged();
}
