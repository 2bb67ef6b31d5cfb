// The client for the browser: signs key pairs with @noble (ed25519-browser); no node:crypto.
import { sign } from '../core/ed25519-browser.ts';
import { KetenboekClientBase, type KetenboekClientOptions } from './client-base.ts';

export class KetenboekClient extends KetenboekClientBase {
  constructor(opts: KetenboekClientOptions) {
    super({ sign, ...opts });
  }
}

export * from './exports.ts';
