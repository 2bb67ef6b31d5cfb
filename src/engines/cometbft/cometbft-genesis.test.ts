import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { buildGenesis, fakeOin } from '../../node/genesis-builder.ts';
import { buildCometbftGenesis } from './cometbft-genesis.ts';
import { cometbftAddress } from './cometbft-keys.ts';

const org = (n: number, validator?: { pubKey: string; power: number }) => ({
  oin: fakeOin(n),
  name: `Organisatie ${n}`,
  roles: ['sponsor'],
  keys: [generateKeyPair().publicKey],
  member: true,
  ...(validator ? { validator } : {}),
});

describe('CometBFT genesis around the app genesis', () => {
  it('lists exactly the app genesis validators, with their addresses, keys and powers', () => {
    const v1 = generateKeyPair().publicKey;
    const v2 = generateKeyPair().publicKey;
    const appGenesis = buildGenesis({
      chainId: 'ketenboek-network',
      genesisTime: '2026-03-01T12:00:00.000Z',
      organisations: [org(1, { pubKey: v1, power: 10 }), org(2), org(3, { pubKey: v2, power: 7 })],
    });
    const genesis = buildCometbftGenesis(appGenesis) as {
      chain_id: string;
      genesis_time: string;
      validators: Array<{ address: string; pub_key: { value: string }; power: string; name: string }>;
      app_state: unknown;
    };
    expect(genesis.chain_id).toBe('ketenboek-network');
    expect(genesis.genesis_time).toBe('2026-03-01T12:00:00.000Z');
    expect(genesis.app_state).toEqual(appGenesis);
    expect(genesis.validators).toEqual([
      {
        address: cometbftAddress(v1),
        pub_key: { type: 'tendermint/PubKeyEd25519', value: Buffer.from(v1, 'hex').toString('base64') },
        power: '10',
        name: 'Organisatie 1',
      },
      {
        address: cometbftAddress(v2),
        pub_key: { type: 'tendermint/PubKeyEd25519', value: Buffer.from(v2, 'hex').toString('base64') },
        power: '7',
        name: 'Organisatie 3',
      },
    ]);
  });

  it('refuses a genesis without validators: the chain could never make a block', () => {
    const appGenesis = buildGenesis({
      chainId: 'c',
      genesisTime: '2026-03-01T12:00:00.000Z',
      organisations: [org(1)],
    });
    expect(() => buildCometbftGenesis(appGenesis)).toThrow(/no validator/);
  });
});
