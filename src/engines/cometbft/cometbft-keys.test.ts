// Vectors are files written by `cometbft init` (v0.38.25): the key files we write must be the ones
// CometBFT itself would write for the same key.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publicKeyFromPrivate } from '../../core/ed25519-node.ts';
import { cometbftAddress, privValidatorKeyJson, readNodeId, writePrivValidatorKey } from './cometbft-keys.ts';

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-keys-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// priv_validator_key.json from `cometbft init`.
const COMETBFT_VALIDATOR_KEY = {
  address: '719815E2A783633AAF33650CB930C5E807AC4E73',
  pub_key: { type: 'tendermint/PubKeyEd25519', value: 'hgzmMVmmJz5wgDJnHPBna1Rfy11nqjsBSxcQmNTIMy0=' },
  priv_key: {
    type: 'tendermint/PrivKeyEd25519',
    value: 'kQqUXAnBzaoQ/Pre7e6frZjsZZVU99BuaqRavRb6Mm+GDOYxWaYnPnCAMmcc8GdrVF/LXWeqOwFLFxCY1MgzLQ==',
  },
};
const SEED = '910a945c09c1cdaa10fcfadeedee9fad98ec659554f7d06e6aa45abd16fa326f';
const PUBLIC = '860ce63159a6273e708032671cf0676b545fcb5d67aa3b014b171098d4c8332d';

// node_key.json from the same `cometbft init`, and what `cometbft show-node-id` printed for it.
const COMETBFT_NODE_KEY = {
  priv_key: {
    type: 'tendermint/PrivKeyEd25519',
    value: 'Czpfcy9Ya7Sz5BLN6VvxfiuLSZwBW4QuvsnyYL5K9KJfxiBCB43tvwFuTYnM37MK0buRGSYpxq8YowhloCWw7g==',
  },
};
const NODE_ID = '5f701fa32c237f54910bfb73fd8efeec4fbbb59d';

describe('CometBFT key files from Ketenboek keys', () => {
  it('derives the validator address CometBFT derives', () => {
    expect(cometbftAddress(PUBLIC)).toBe(COMETBFT_VALIDATOR_KEY.address);
  });

  it('writes priv_validator_key.json exactly as cometbft init writes it for the same key', () => {
    expect(publicKeyFromPrivate(SEED)).toBe(PUBLIC);
    expect(privValidatorKeyJson({ publicKey: PUBLIC, privateKey: SEED })).toEqual(COMETBFT_VALIDATOR_KEY);
    const home = tempDir();
    mkdirSync(join(home, 'config'));
    writePrivValidatorKey(home, { publicKey: PUBLIC, privateKey: SEED });
    expect(JSON.parse(readFileSync(join(home, 'config', 'priv_validator_key.json'), 'utf8'))).toEqual(
      COMETBFT_VALIDATOR_KEY,
    );
  });

  it('reads the P2P node id that cometbft show-node-id prints', () => {
    const home = tempDir();
    mkdirSync(join(home, 'config'));
    writeFileSync(join(home, 'config', 'node_key.json'), JSON.stringify(COMETBFT_NODE_KEY));
    expect(readNodeId(home)).toBe(NODE_ID);
  });
});
