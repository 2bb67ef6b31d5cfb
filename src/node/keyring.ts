// Named Ed25519 keys on disk, one JSON file each, readable by the owner only (mode 0600).
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, publicKeyFromPrivate } from '../core/ed25519-node.ts';

export interface KeyFile {
  name: string;
  publicKey: string;
  privateKey: string;
  /** OIN of the organisation the key acts for, when it is an organisation key. */
  oin?: string;
}

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class Keyring {
  constructor(readonly dir: string) {}

  private path(name: string): string {
    if (!NAME.test(name))
      throw new Error(`invalid key name "${name}": use lowercase letters, digits, "-" and "_"`);
    return join(this.dir, `${name}.json`);
  }

  has(name: string): boolean {
    return existsSync(this.path(name));
  }

  add(name: string, opts: { privateKey?: string; oin?: string } = {}): KeyFile {
    const p = this.path(name);
    if (existsSync(p)) throw new Error(`a key named "${name}" already exists in ${this.dir}`);
    const pair = opts.privateKey
      ? { privateKey: opts.privateKey, publicKey: publicKeyFromPrivate(opts.privateKey) }
      : generateKeyPair();
    const file: KeyFile = {
      name,
      publicKey: pair.publicKey,
      privateKey: pair.privateKey,
      ...(opts.oin ? { oin: opts.oin } : {}),
    };
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileSync(p, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    chmodSync(p, 0o600);
    return file;
  }

  get(name: string): KeyFile {
    const p = this.path(name);
    if (!existsSync(p))
      throw new Error(`no key named "${name}" in ${this.dir}; create it with "ketenboek keys add ${name}"`);
    return JSON.parse(readFileSync(p, 'utf8')) as KeyFile;
  }

  list(): KeyFile[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as KeyFile);
  }
}
