// Signing is pluggable so the client core never touches node:crypto: the node entry binds
// ed25519-node, the browser entry ed25519-browser, and a caller may bring its own signer (a
// hardware key, a WebCrypto key, a remote signing service) that never reveals a private key.

/** Ed25519 signature (lowercase hex) of `message` with a 32-byte seed (lowercase hex). */
export type SignFn = (privateKeyHex: string, message: Uint8Array) => string;

/** A key pair held in memory, e.g. loaded from the CLI keyring. */
export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

/** A signer that keeps its private key to itself. */
export interface TxSigner {
  publicKey: string;
  sign(message: Uint8Array): string | Promise<string>;
}

export type Signer = KeyPair | TxSigner;

export function isTxSigner(signer: Signer): signer is TxSigner {
  return typeof (signer as TxSigner).sign === 'function';
}

/** Signs `message` with whatever `signer` is; a key pair needs the client's SignFn. */
export async function signWith(
  signer: Signer,
  message: Uint8Array,
  signFn: SignFn | undefined,
): Promise<string> {
  if (isTxSigner(signer)) return signer.sign(message);
  if (!signFn) {
    throw new Error(
      'this client has no sign function: pass { sign } to the constructor (ed25519-node or ed25519-browser) or use a signer object',
    );
  }
  return signFn(signer.privateKey, message);
}
