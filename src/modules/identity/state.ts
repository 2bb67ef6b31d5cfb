// State layout of the identity & governance module (all keys start with "identity/").
import type { KVRead, KVWrite } from '../../app/kv.ts';
import { getJson, listJson, putJson } from '../../app/typed-kv.ts';
import type { ProcessDefinitionBody } from '../cases/process-schema.ts';
import type { RegisterClassDefinition } from '../registry/keeper.ts';

export interface OrgKey {
  pubKey: string;
  addedAtHeight: number;
  revokedAtHeight?: number;
}

export interface Organisation {
  oin: string;
  /** Public name of the organisation (an organisation is not a person: names are allowed). */
  name: string;
  roles: string[];
  keys: OrgKey[];
  member: boolean;
  /** The organisation's validator node, if it runs one. */
  validator?: { pubKey: string; power: number };
  addedAtHeight: number;
}

export type ProposalAction =
  | { kind: 'add_organisation'; oin: string; name: string; roles: string[]; keys: string[]; member: boolean }
  | { kind: 'remove_organisation'; oin: string }
  | { kind: 'grant_role'; oin: string; role: string }
  | { kind: 'revoke_role'; oin: string; role: string }
  | { kind: 'set_member'; oin: string; member: boolean }
  | { kind: 'set_validator'; oin: string; pubKey: string; power: number }
  | { kind: 'set_register_class'; registerClass: RegisterClassDefinition }
  | { kind: 'publish_process'; process: ProcessDefinitionBody };

export type ProposalStatus = 'open' | 'passed' | 'rejected' | 'expired';

export interface Proposal {
  id: string;
  title: string;
  action: ProposalAction;
  proposer: string;
  submittedAt: string;
  deadline: string;
  approvals: string[];
  rejections: string[];
  status: ProposalStatus;
  decidedAt?: string;
  /** Number of members when the proposal was decided (the 2/3 threshold is taken over it). */
  membersAtDecision?: number;
}

export interface GovernanceParams {
  minVotingSeconds: number;
  maxVotingSeconds: number;
}

export const DEFAULT_PARAMS: GovernanceParams = { minVotingSeconds: 60, maxVotingSeconds: 90 * 24 * 3600 };

const P = 'identity/';
export const keys = {
  org: (oin: string) => `${P}org/${oin}`,
  orgPrefix: `${P}org/`,
  key: (pubKey: string) => `${P}key/${pubKey}`,
  validator: (pubKey: string) => `${P}validator/${pubKey}`,
  proposal: (id: string) => `${P}proposal/${id}`,
  proposalPrefix: `${P}proposal/`,
  open: (deadline: string, id: string) => `${P}open/${deadline}/${id}`,
  openPrefix: `${P}open/`,
  proposalSeq: `${P}seq/proposal`,
  params: `${P}params`,
};

export const getOrg = (kv: KVRead, oin: string) => getJson<Organisation>(kv, keys.org(oin));
export const putOrg = (kv: KVWrite, org: Organisation) => putJson(kv, keys.org(org.oin), org);
export const getProposal = (kv: KVRead, id: string) => getJson<Proposal>(kv, keys.proposal(id));
export const putProposal = (kv: KVWrite, p: Proposal) => putJson(kv, keys.proposal(p.id), p);
export const getParams = (kv: KVRead) => getJson<GovernanceParams>(kv, keys.params) ?? DEFAULT_PARAMS;

export function listOrgs(kv: KVRead): Organisation[] {
  return [...listJson<Organisation>(kv, keys.orgPrefix)].map(([, o]) => o);
}

export function memberOins(kv: KVRead): string[] {
  return listOrgs(kv)
    .filter((o) => o.member)
    .map((o) => o.oin);
}
