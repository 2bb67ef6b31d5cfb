// The care contracts a provider is party to, from the budgets module's index per provider.
import type { CareContract, CareDeclaration } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useLoad } from '../../lib/use-async.ts';

export type ContractWithDeclarations = CareContract & { declarations: CareDeclaration[] };

export async function loadProviderContracts(oin: string): Promise<ContractWithDeclarations[]> {
  return (await client.budgets.careContractsOf(oin)).items;
}

export function useProviderContracts(oin: string, version: number) {
  return useLoad(() => loadProviderContracts(oin), [oin, version]);
}
