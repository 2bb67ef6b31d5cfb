// CometBFT's genesis.json around the Ketenboek genesis (carried as app_state). Its validators are
// taken from the app genesis, so CometBFT's initial set and the one InitChain returns are the same.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Genesis } from '../../app/module.ts';
import { cometbftAddress, PUB_KEY_TYPE, pubKeyBase64 } from './cometbft-keys.ts';

export interface GenesisValidator {
  pubKey: string;
  power: number;
  /** Shown by CometBFT's RPC; the organisation's name is the useful one. */
  name: string;
}

/** Validators listed in the identity module's genesis section (organisations with a `validator`). */
export function validatorsOfAppGenesis(genesis: Genesis): GenesisValidator[] {
  const identity = genesis.identity as
    | { organisations?: Array<{ name: string; validator?: { pubKey: string; power: number } }> }
    | undefined;
  return (identity?.organisations ?? [])
    .filter((o) => o.validator)
    .map((o) => ({ pubKey: o.validator!.pubKey, power: o.validator!.power, name: o.name }));
}

export function buildCometbftGenesis(genesis: Genesis): object {
  const validators = validatorsOfAppGenesis(genesis);
  if (validators.length === 0) throw new Error('the genesis names no validator: the chain could not start');
  return {
    // CometBFT takes block 1's time from here; nanosecond precision is not needed.
    genesis_time: genesis.genesisTime,
    chain_id: genesis.chainId,
    initial_height: '1',
    consensus_params: {
      // 4 MB blocks: far above what the mempool fills between two blocks, small enough to gossip fast.
      block: { max_bytes: String(4 * 1024 * 1024), max_gas: '-1' },
      evidence: { max_age_num_blocks: '100000', max_age_duration: '172800000000000', max_bytes: '1048576' },
      validator: { pub_key_types: ['ed25519'] },
      version: { app: '0' },
      // Vote extensions carry the validators' signatures on the app's blocks (block-signatures.ts).
      abci: { vote_extensions_enable_height: '1' },
    },
    validators: validators.map((v) => ({
      address: cometbftAddress(v.pubKey),
      pub_key: { type: PUB_KEY_TYPE, value: pubKeyBase64(v.pubKey) },
      power: String(v.power),
      name: v.name,
    })),
    app_hash: '',
    app_state: genesis,
  };
}

export function writeCometbftGenesis(cometbftHome: string, genesis: Genesis): void {
  writeFileSync(
    join(cometbftHome, 'config', 'genesis.json'),
    `${JSON.stringify(buildCometbftGenesis(genesis), null, 2)}\n`,
  );
}
