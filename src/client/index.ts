// The client for Node: signs key pairs with node:crypto (ed25519-node) unless told otherwise.
import { sign } from '../core/ed25519-node.ts';
import { KetenboekClientBase, type KetenboekClientOptions } from './client-base.ts';

export class KetenboekClient extends KetenboekClientBase {
  constructor(opts: KetenboekClientOptions) {
    super({ sign, ...opts });
  }
}

export * from './exports.ts';
