// Builds genesis documents: the consortium's first members, their roles, keys and validator nodes.
import type { Genesis } from '../app/module.ts';

export interface GenesisOrg {
  oin: string;
  name: string;
  roles: string[];
  keys: string[];
  member: boolean;
  validator?: { pubKey: string; power: number };
}

export function buildGenesis(opts: {
  chainId: string;
  genesisTime: string;
  organisations: GenesisOrg[];
  minVotingSeconds?: number;
  extra?: Record<string, unknown>;
}): Genesis {
  return {
    chainId: opts.chainId,
    genesisTime: opts.genesisTime,
    identity: {
      organisations: opts.organisations,
      params: { minVotingSeconds: opts.minVotingSeconds ?? 60, maxVotingSeconds: 90 * 24 * 3600 },
    },
    ...opts.extra,
  };
}

/** Obviously fake OINs for demos and tests: prefix 4, then 999999, then a sequence number. */
export function fakeOin(n: number): string {
  return `00000004999999${String(n).padStart(6, '0')}`;
}
