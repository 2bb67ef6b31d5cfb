// What a demo loader gets: send txs as any demo key, and the keyring to find keys by name.
import type { TxResult } from '../../app/types.ts';
import type { KeyFile, Keyring } from '../keyring.ts';

export interface DemoContext {
  keyring: Keyring;
  key(name: string): KeyFile;
  /** Sends a tx signed by the named key and waits for its commit; throws if it is refused. */
  send(keyName: string, type: string, body: unknown): Promise<TxResult & { hash: string; height: number }>;
  /** Block time of the latest block (RFC 3339): demo dates are relative to it. */
  now(): string;
  log(line: string): void;
}

export type DemoLoader = { name: string; load(ctx: DemoContext): Promise<void> };
