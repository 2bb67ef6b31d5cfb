import type { KVRead } from '../../app/kv.ts';
import { listJson } from '../../app/typed-kv.ts';
import { getOrg, getProposal, keys, listOrgs, type Proposal } from './state.ts';

export function listProposals(kv: KVRead, status?: string): Proposal[] {
  const all = [...listJson<Proposal>(kv, keys.proposalPrefix)].map(([, p]) => p);
  // Ids are sequence numbers: order numerically, newest first.
  all.sort((a, b) => Number(b.id) - Number(a.id));
  return status ? all.filter((p) => p.status === status) : all;
}

export const identityQueries = {
  organisations: (kv: KVRead) => listOrgs(kv),
  organisation: (kv: KVRead, p: Record<string, string>) => getOrg(kv, p.oin ?? '') ?? null,
  proposals: (kv: KVRead, p: Record<string, string>) => listProposals(kv, p.status),
  proposal: (kv: KVRead, p: Record<string, string>) => getProposal(kv, p.id ?? '') ?? null,
};
