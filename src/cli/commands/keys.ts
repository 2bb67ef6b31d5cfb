// keys add/list/show: named Ed25519 keys in <home>/keys, one 0600 file each. Private keys are
// printed only on explicit request (keys show NAME --private).
import type { Command } from 'commander';
import type { KeyFile } from '../../node/keyring.ts';
import { oinArg } from '../args.ts';
import { contextOf } from '../context.ts';
import { UsageError } from '../errors.ts';
import { renderTable, renderValue } from '../output.ts';

function publicView(k: KeyFile, file?: string) {
  return { name: k.name, publicKey: k.publicKey, oin: k.oin ?? null, ...(file ? { file } : {}) };
}

function privateKeyArg(value: string): string {
  const v = value.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(v))
    throw new UsageError('--import-private must be a 32-byte Ed25519 seed: 64 hex characters');
  return v;
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('manage signing keys in the keyring (<home>/keys)');

  keys
    .command('add <name>')
    .description('create a key (or import one with --import-private)')
    .option('--oin <oin>', 'OIN of the organisation this key acts for')
    .option('--import-private <hex>', 'import an existing 32-byte seed instead of generating one')
    .action(async (name: string, o: { oin?: string; importPrivate?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const opts = {
        ...(o.oin !== undefined ? { oin: await oinArg(o.oin) } : {}),
        ...(o.importPrivate !== undefined ? { privateKey: privateKeyArg(o.importPrivate) } : {}),
      };
      const key = ctx.keyring().add(name, opts);
      const file = `${ctx.keyring().dir}/${name}.json`;
      ctx.print(publicView(key, file), () => [
        `created key "${name}" in ${file}`,
        ...renderValue({ publicKey: key.publicKey, ...(key.oin ? { oin: key.oin } : {}) }, '  '),
      ]);
    });

  keys
    .command('list')
    .description('list the keys in the keyring (public keys only)')
    .action((_o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const list = ctx
        .keyring()
        .list()
        .map((k) => publicView(k));
      ctx.print(list, () =>
        list.length === 0
          ? [`no keys in ${ctx.keyring().dir}; create one with "ketenboek keys add NAME"`]
          : renderTable(
              ['NAME', 'OIN', 'PUBLIC KEY'],
              list.map((k) => [k.name, k.oin, k.publicKey]),
            ),
      );
    });

  keys
    .command('show <name>')
    .description('show one key (the private key only with --private)')
    .option('--private', 'also print the private key (keep it secret)')
    .action((name: string, o: { private?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const key = ctx.key(name);
      const view = o.private ? { ...publicView(key), privateKey: key.privateKey } : publicView(key);
      ctx.print(view);
    });
}
