// tx identity ...: organisation keys, governance proposals and votes.
import type { Command } from 'commander';
import { listArg, oinArg, positiveIntArg, pubKeyOrKeyName } from '../../args.ts';
import { contextOf } from '../../context.ts';
import { parseDeadline } from '../../deadline.ts';
import { UsageError } from '../../errors.ts';
import { sendTx, txCommand } from './send.ts';

interface ProposeOptions {
  title: string;
  deadline: string;
  oin?: string;
  name?: string;
  roles?: string;
  keys?: string;
  member?: boolean;
  role?: string;
  pubkey?: string;
  power?: string;
}

// The options each action kind needs, in the order they are reported when missing.
const NEEDS: Record<string, Array<keyof ProposeOptions>> = {
  add_organisation: ['oin', 'name', 'keys'],
  remove_organisation: ['oin'],
  grant_role: ['oin', 'role'],
  revoke_role: ['oin', 'role'],
  set_member: ['oin', 'member'],
  set_validator: ['oin', 'pubkey', 'power'],
};

async function buildAction(
  cmd: Command,
  kindArg: string,
  o: ProposeOptions,
): Promise<Record<string, unknown>> {
  const kind = kindArg.replaceAll('-', '_');
  const needs = NEEDS[kind];
  if (!needs)
    throw new UsageError(`unknown proposal kind "${kindArg}"; use one of ${Object.keys(NEEDS).join(', ')}`);
  const missing = needs
    .filter((k) => o[k] === undefined)
    .map((k) => (k === 'member' ? '--member or --no-member' : `--${k}`));
  if (missing.length > 0) throw new UsageError(`${kind} needs ${missing.join(', ')}`);
  const ctx = contextOf(cmd);
  const oin = await oinArg(o.oin!);
  switch (kind) {
    case 'add_organisation':
      return {
        kind,
        oin,
        name: o.name,
        roles: listArg(o.roles ?? ''),
        keys: listArg(o.keys!).map((k) => pubKeyOrKeyName(ctx, k)),
        member: o.member ?? false,
      };
    case 'remove_organisation':
      return { kind, oin };
    case 'grant_role':
    case 'revoke_role':
      return { kind, oin, role: o.role };
    case 'set_member':
      return { kind, oin, member: o.member };
    default:
      return {
        kind,
        oin,
        pubKey: pubKeyOrKeyName(ctx, o.pubkey!),
        power: positiveIntArg(o.power!, '--power', 0),
      };
  }
}

export function registerIdentityTx(tx: Command): void {
  const identity = tx.command('identity').description('organisation keys and consortium governance');

  txCommand(
    identity,
    'add-key <pubkey>',
    "add a signing key to the --from key's organisation (key rotation, step 1)",
  ).action(async (pubKey: string, _o: unknown, cmd: Command) => {
    await sendTx(cmd, 'identity.add_key', { pubKey: pubKeyOrKeyName(contextOf(cmd), pubKey) });
  });

  txCommand(identity, 'revoke-key <pubkey>', "revoke one of the --from key's organisation keys").action(
    async (pubKey: string, _o: unknown, cmd: Command) => {
      await sendTx(cmd, 'identity.revoke_key', { pubKey: pubKeyOrKeyName(contextOf(cmd), pubKey) });
    },
  );

  txCommand(identity, 'propose <kind>', `propose a governance action: ${Object.keys(NEEDS).join(', ')}`)
    .requiredOption('--title <text>', 'what the proposal is about')
    .requiredOption('--deadline <when>', 'end of voting: RFC 3339 time or a duration from now (10m, 2h, 3d)')
    .option('--oin <oin>', 'the organisation the action is about')
    .option('--name <name>', 'add_organisation: public name')
    .option('--roles <a,b>', 'add_organisation: comma-separated roles, e.g. sponsor,issuer')
    .option('--keys <k1,k2>', 'add_organisation: public keys or keyring names')
    .option('--member', 'add_organisation / set_member: a consortium member')
    .option('--no-member', 'set_member: not a consortium member')
    .option('--role <role>', 'grant_role / revoke_role: the role')
    .option('--pubkey <key>', 'set_validator: validator public key or keyring name')
    .option('--power <n>', 'set_validator: voting power (0 removes the validator)')
    .action(async (kind: string, o: ProposeOptions, cmd: Command) => {
      const action = await buildAction(cmd, kind, o);
      await sendTx(cmd, 'identity.submit_proposal', {
        title: o.title,
        action,
        deadline: parseDeadline(o.deadline),
      });
    });

  txCommand(identity, 'vote <proposalId>', 'approve or reject an open proposal')
    .option('--approve', 'vote for the proposal')
    .option('--reject', 'vote against the proposal')
    .action(async (proposalId: string, o: { approve?: boolean; reject?: boolean }, cmd: Command) => {
      if (o.approve === o.reject) throw new UsageError('give exactly one of --approve or --reject');
      await sendTx(cmd, 'identity.vote', { proposalId, approve: o.approve === true });
    });
}
