// DEMO ONLY: an organisation's key imported into this browser tab.
//
// In production an organisation's key never leaves its holder: it sits in the organisation's own
// signing service or HSM, and an employee who logged in with eHerkenning asks that service to sign
// (the web app hands it the tx's signing bytes through a TxSigner, see docs/identity.md). The node
// never holds organisation keys. For the demo, the role switcher lets you import a demo key file
// (<home>/keys/<name>.json, written by `ketenboek start --demo`) by file picker or paste; it is kept
// in sessionStorage of this tab only, so closing the tab forgets it.
import type { TxSigner } from '../../../src/client/browser.ts';
import { publicKeyFromPrivate, sign } from '../../../src/core/ed25519-browser.ts';
import { client } from '../api/client.ts';

export interface OrgIdentity {
  oin: string;
  name: string;
  roles: string[];
  publicKey: string;
  /** Name of the demo key file, e.g. "gemeente-voorbeeldstad". */
  keyName: string;
}

interface StoredOrgKey extends OrgIdentity {
  privateKey: string;
}

const STORAGE_KEY = 'ketenboek.demo.orgKeys';

function loadStored(): StoredOrgKey[] {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as StoredOrgKey[];
  } catch {
    return [];
  }
}

export function loadOrgIdentities(): OrgIdentity[] {
  return loadStored().map(({ privateKey: _secret, ...id }) => id);
}

/** Parses a demo key file, checks that its key is an active key of an organisation on the ledger. */
export async function importOrgKey(text: string): Promise<OrgIdentity> {
  let file: { name?: unknown; privateKey?: unknown; publicKey?: unknown };
  try {
    file = JSON.parse(text);
  } catch {
    throw new Error('not a key file (JSON expected)');
  }
  if (typeof file.privateKey !== 'string') throw new Error('no privateKey in this key file');
  const privateKey = file.privateKey.toLowerCase();
  const publicKey = publicKeyFromPrivate(privateKey);
  if (typeof file.publicKey === 'string' && file.publicKey !== publicKey) {
    throw new Error('the public key in this file does not belong to its private key');
  }
  const account = await client.account(publicKey);
  if (!account.organisation)
    throw new Error('this key is not an active key of any organisation on the ledger');
  const org = await client.organisation(account.organisation);
  const identity: OrgIdentity = {
    oin: org.oin,
    name: org.name,
    roles: org.roles,
    publicKey,
    keyName: typeof file.name === 'string' ? file.name : org.oin,
  };
  const rest = loadStored().filter((k) => k.oin !== org.oin);
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...rest, { ...identity, privateKey }]));
  return identity;
}

export function forgetOrgKey(oin: string): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(loadStored().filter((k) => k.oin !== oin)));
}

/** The organisation's signer; the private key stays in this module. */
export function orgSigner(oin: string): TxSigner {
  const stored = loadStored().find((k) => k.oin === oin);
  if (!stored) throw new Error(`no key loaded for organisation ${oin}`);
  return { publicKey: stored.publicKey, sign: (message) => sign(stored.privateKey, message) };
}
