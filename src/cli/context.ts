// What every command reads from the global options (--node, --home, --json), and the shared
// ways to reach the node, the keyring and stdout.
import type { Command } from 'commander';
import { KetenboekClient } from '../client/index.ts';
import { homePaths } from '../node/home.ts';
import { type KeyFile, Keyring } from '../node/keyring.ts';
import { printJson, printLine, renderValue } from './output.ts';

export interface GlobalOptions {
  node: string;
  home: string;
  json: boolean;
}

export interface CliContext extends GlobalOptions {
  client(): KetenboekClient;
  keyring(): Keyring;
  /** Loads a key by its keyring name; fails with a one-line reason when it does not exist. */
  key(name: string): KeyFile;
  /** Prints `value` as JSON with --json, else the human lines (default: the value as text). */
  print(value: unknown, human?: (value: unknown) => string[]): void;
}

export function contextOf(cmd: Command): CliContext {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  let client: KetenboekClient | undefined;
  let keyring: Keyring | undefined;
  const ctx: CliContext = {
    node: g.node,
    home: g.home,
    json: g.json === true,
    client: () => {
      client ??= new KetenboekClient({ baseUrl: g.node });
      return client;
    },
    keyring: () => {
      keyring ??= new Keyring(homePaths(g.home).keys);
      return keyring;
    },
    key: (name) => ctx.keyring().get(name),
    print(value, human = (v) => renderValue(v)) {
      if (ctx.json) printJson(value);
      else for (const line of human(value)) printLine(line);
    },
  };
  return ctx;
}
