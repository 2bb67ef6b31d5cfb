// Which validators a browser-side check trusts: the validator nodes the member organisations
// registered on the ledger (a verifier would pin these), falling back to the list in the proof.

import { client } from '../../api/client.ts';
import { loadDirectory } from '../../api/directory.ts';

export interface Trust {
  chainId: string;
  trustedValidators?: Array<{ pubKey: string; power: number }>;
}

export async function loadTrust(): Promise<Trust> {
  const [status, dir] = await Promise.all([client.status(), loadDirectory()]);
  const validators = dir.orgs.flatMap((o) => (o.validator ? [o.validator] : []));
  return { chainId: status.chainId, ...(validators.length > 0 ? { trustedValidators: validators } : {}) };
}
