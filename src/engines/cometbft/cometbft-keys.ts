// CometBFT's key files, written from Ketenboek keys (hex Ed25519 seeds). A node's validator key is
// the same key the organisation registers as its validator in the app's genesis or governance, so
// the app's validator set and CometBFT's can never name different keys.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../core/hash-node.ts';

export interface Ed25519Key {
  /** 32-byte public key, lowercase hex. */
  publicKey: string;
  /** 32-byte seed (RFC 8032 private key), lowercase hex. */
  privateKey: string;
}

export const PUB_KEY_TYPE = 'tendermint/PubKeyEd25519';
const PRIV_KEY_TYPE = 'tendermint/PrivKeyEd25519';

/** CometBFT's validator address: the first 20 bytes of SHA-256(public key), uppercase hex. */
export function cometbftAddress(publicKeyHex: string): string {
  return Buffer.from(sha256(Buffer.from(publicKeyHex, 'hex')).subarray(0, 20))
    .toString('hex')
    .toUpperCase();
}

/** A P2P node id is the same 20 bytes, but CometBFT writes it in lowercase. */
export function cometbftNodeId(publicKeyHex: string): string {
  return cometbftAddress(publicKeyHex).toLowerCase();
}

export function pubKeyBase64(publicKeyHex: string): string {
  return Buffer.from(publicKeyHex, 'hex').toString('base64');
}

/** Go's ed25519 private key is seed ‖ public key, 64 bytes. */
function goPrivateKey(key: Ed25519Key): string {
  return Buffer.concat([Buffer.from(key.privateKey, 'hex'), Buffer.from(key.publicKey, 'hex')]).toString(
    'base64',
  );
}

export function privValidatorKeyJson(key: Ed25519Key): object {
  return {
    address: cometbftAddress(key.publicKey),
    pub_key: { type: PUB_KEY_TYPE, value: pubKeyBase64(key.publicKey) },
    priv_key: { type: PRIV_KEY_TYPE, value: goPrivateKey(key) },
  };
}

/** Replaces the validator key `cometbft init` generated in `cometbftHome` with `key`. */
export function writePrivValidatorKey(cometbftHome: string, key: Ed25519Key): void {
  writeFileSync(
    join(cometbftHome, 'config', 'priv_validator_key.json'),
    `${JSON.stringify(privValidatorKeyJson(key), null, 2)}\n`,
    { mode: 0o600 },
  );
}

/** The P2P node id of a CometBFT home, from its config/node_key.json. */
export function readNodeId(cometbftHome: string): string {
  const file = JSON.parse(readFileSync(join(cometbftHome, 'config', 'node_key.json'), 'utf8')) as {
    priv_key: { value: string };
  };
  const raw = Buffer.from(file.priv_key.value, 'base64');
  if (raw.length !== 64) throw new Error(`node_key.json in ${cometbftHome} is not an Ed25519 key`);
  return cometbftNodeId(raw.subarray(32).toString('hex'));
}
