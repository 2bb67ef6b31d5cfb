// Registrar tooling for node (off-ledger, never called by a tx handler): the RFC 9474 BlindSign
// step through OpenSSL. blindrsa-ts does the same in JavaScript big numbers, which takes seconds
// per signature at 3072-4096 bits; a registrar serving a neighbourhood wants milliseconds.
import { constants, createPublicKey, type KeyObject, privateDecrypt, publicEncrypt } from 'node:crypto';
import { equalBytes, fromHex, toHex } from '../../core/bytes.ts';

/**
 * RSASP1 on a blinded message, then RSAVP1 on the result as RFC 9474 section 4.3 requires (a
 * fault during signing could otherwise leak the private key). Throws on a wrong-sized message.
 */
export function blindSignWithOpenSsl(privateKey: KeyObject, blindedMessageHex: string): string {
  const blinded = fromHex(blindedMessageHex);
  const bytes = (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
  if (blinded.length !== bytes)
    throw new Error(`the blinded message has ${blinded.length} bytes; the key needs ${bytes}`);
  const sig = new Uint8Array(privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, blinded));
  const check = new Uint8Array(
    publicEncrypt({ key: createPublicKey(privateKey), padding: constants.RSA_NO_PADDING }, sig),
  );
  if (!equalBytes(check, blinded)) throw new Error('signing failure: the blind signature does not verify');
  return toHex(sig);
}
