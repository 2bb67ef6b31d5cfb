// The care contracts a provider is party to. The budgets API lists contracts per care budget, not per
// provider, so they are found the way the provider's own history is: the txs that concern its OIN
// (GET /v1/transactions?account=), of which the contract proposals name the contract ids. Only the
// most recent MAX_PAGES pages are read: an index of contracts per provider in the budgets module
// would make this one indexed read.
import type { CareContract, CareDeclaration } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useLoad } from '../../lib/use-async.ts';

export type ContractWithDeclarations = CareContract & { declarations: CareDeclaration[] };

const PAGE = 100;
const MAX_PAGES = 5;

async function proposalHashes(oin: string): Promise<string[]> {
  const hashes: string[] = [];
  let before: number | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await client.txsOf(oin, { limit: PAGE, ...(before !== undefined ? { before } : {}) });
    for (const tx of page.items)
      if (tx.type === 'budgets.create_care_contract' && tx.code === 0) hashes.push(tx.hash);
    const last = page.items.at(-1);
    if (!page.next || !last) break;
    before = last.height;
  }
  return hashes;
}

async function contractIdOf(hash: string): Promise<string | undefined> {
  const rec = await client.tx(hash);
  const body = rec.tx?.body as { contractId?: unknown } | undefined;
  return typeof body?.contractId === 'string' ? body.contractId : undefined;
}

export async function loadProviderContracts(oin: string): Promise<ContractWithDeclarations[]> {
  const ids = (await Promise.all((await proposalHashes(oin)).map(contractIdOf))).filter(
    (id): id is string => id !== undefined,
  );
  const contracts = await Promise.all([...new Set(ids)].map((id) => client.budgets.careContract(id)));
  return contracts.filter((c) => c.provider === oin);
}

export function useProviderContracts(oin: string, version: number) {
  return useLoad(() => loadProviderContracts(oin), [oin, version]);
}
