// query ...: read-only views of the node's state over the REST API.
import type { Command } from 'commander';
import type { BlockSummary, Organisation, Proposal, TxRecord, TxSummary } from '../../client/types.ts';
import { oinArg, positiveIntArg, pubKeyOrKeyName, sha256Arg } from '../args.ts';
import { type CliContext, contextOf } from '../context.ts';
import { UsageError } from '../errors.ts';
import { renderTable, renderValue } from '../output.ts';

const PROPOSAL_STATUSES = ['open', 'passed', 'rejected', 'expired'] as const;

type Action = (ctx: CliContext, ...args: string[]) => Promise<void>;

// Commander passes (args..., options, command); the query actions only need the positional args.
function run(action: Action) {
  return async (...params: unknown[]) => {
    const cmd = params[params.length - 1] as Command;
    await action(contextOf(cmd), ...(params.slice(0, -2) as string[]));
  };
}

function txLines(t: TxRecord): string[] {
  const { receipt: _receipt, tx, ...rest } = t;
  return renderValue({ ...rest, body: tx?.body });
}

function blockRows(blocks: BlockSummary[]): string[] {
  return renderTable(
    ['HEIGHT', 'TIME', 'TXS', 'HASH'],
    blocks.map((b) => [b.height, b.time, b.txCount, b.hash]),
  );
}

function txRows(txs: TxSummary[]): string[] {
  return renderTable(
    ['HEIGHT', 'INDEX', 'TYPE', 'RESULT', 'HASH'],
    txs.map((t) => [t.height, t.index, t.type, t.code === 0 ? 'ok' : t.error, t.hash]),
  );
}

// Human output says when there is more than one page; --json has the `next` link itself.
function withMore(lines: string[], next: string | null): string[] {
  return next ? [...lines, '(there is more: --json shows the link to the next page)'] : lines;
}

export function registerQueryCommands(program: Command): void {
  const q = program.command('query').description('read the ledger through a node (--node)');

  q.command('status')
    .description('chain id, height, app hash and engine of the node')
    .action(run(async (ctx) => ctx.print(await ctx.client().status())));

  q.command('block <height>')
    .description('one block: header, signatures and txs')
    .action(
      run(async (ctx, height) => ctx.print(await ctx.client().block(positiveIntArg(height!, 'height')))),
    );

  q.command('blocks')
    .description('the latest blocks, newest first')
    .option('--limit <n>', 'how many blocks', '20')
    .option('--before <height>', 'only blocks below this height')
    .action(async (o: { limit: string; before?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client().blocks({
        limit: positiveIntArg(o.limit, '--limit'),
        ...(o.before !== undefined ? { before: positiveIntArg(o.before, '--before') } : {}),
      });
      ctx.print(page, () => withMore(blockRows(page.items), page.next));
    });

  q.command('tx <hash>')
    .description('one committed tx with its result (the receipt: "receipt get")')
    .action(
      run(async (ctx, hash) =>
        ctx.print(await ctx.client().tx(sha256Arg(hash!, 'tx hash')), (t) => txLines(t as TxRecord)),
      ),
    );

  q.command('txs <account>')
    .description(
      'txs that concern an account (public key or keyring name) or organisation (OIN), newest first',
    )
    .option('--limit <n>', 'how many txs', '20')
    .option('--before <height>', 'only txs in blocks below this height')
    .action(async (account: string, o: { limit: string; before?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      // 20 digits can only be an OIN (the node checks it); anything else is a key or key name.
      const participant = /^\d{20}$/.test(account) ? account : pubKeyOrKeyName(ctx, account);
      const page = await ctx.client().txsOf(participant, {
        limit: positiveIntArg(o.limit, '--limit'),
        ...(o.before !== undefined ? { before: positiveIntArg(o.before, '--before') } : {}),
      });
      ctx.print(page, () => withMore(txRows(page.items), page.next));
    });

  q.command('account <account>')
    .description('nonce and organisation of an account (public key or keyring name)')
    .action(
      run(async (ctx, account) => ctx.print(await ctx.client().account(pubKeyOrKeyName(ctx, account!)))),
    );

  q.command('organisations')
    .description('all organisations in the consortium')
    .action(
      run(async (ctx) => {
        const page = await ctx.client().organisations();
        ctx.print(page, () =>
          renderTable(
            ['OIN', 'MEMBER', 'ROLES', 'NAME'],
            page.items.map((o: Organisation) => [
              o.oin,
              o.member ? 'yes' : 'no',
              o.roles.join(',') || '-',
              o.name,
            ]),
          ),
        );
      }),
    );

  q.command('organisation <oin>')
    .description('one organisation: roles, keys, validator')
    .action(run(async (ctx, oin) => ctx.print(await ctx.client().organisation(await oinArg(oin!)))));

  q.command('proposals')
    .description('governance proposals, newest first')
    .option('--status <status>', `only proposals with this status (${PROPOSAL_STATUSES.join(', ')})`)
    .action(async (o: { status?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const status = o.status as (typeof PROPOSAL_STATUSES)[number] | undefined;
      if (status !== undefined && !PROPOSAL_STATUSES.includes(status)) {
        throw new UsageError(`--status must be one of ${PROPOSAL_STATUSES.join(', ')}`);
      }
      const page = await ctx.client().proposals(status);
      ctx.print(page, () =>
        renderTable(
          ['ID', 'STATUS', 'ACTION', 'DEADLINE', 'TITLE'],
          page.items.map((p: Proposal) => [p.id, p.status, p.action.kind, p.deadline, p.title]),
        ),
      );
    });

  q.command('proposal <id>')
    .description('one proposal with its votes')
    .action(run(async (ctx, id) => ctx.print(await ctx.client().proposal(id!))));

  q.command('anchors')
    .description('anchored hashes, in hash order')
    .option('--limit <n>', 'how many anchors', '20')
    .option('--after <hash>', 'only anchors whose hash sorts after this one')
    .action(async (o: { limit: string; after?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client().anchors({
        limit: positiveIntArg(o.limit, '--limit'),
        ...(o.after !== undefined ? { after: sha256Arg(o.after, '--after') } : {}),
      });
      ctx.print(page, () =>
        withMore(
          renderTable(
            ['HASH', 'HEIGHT', 'TIME', 'LABEL'],
            page.items.map((a) => [a.hash, a.height, a.time, a.label]),
          ),
          page.next,
        ),
      );
    });

  q.command('anchor <hash>')
    .description('when and by whom a SHA-256 hash was anchored')
    .action(run(async (ctx, hash) => ctx.print(await ctx.client().anchor(sha256Arg(hash!)))));

  q.command('state-proof <key>')
    .description('Merkle proof of one state key against the latest app hash')
    .action(run(async (ctx, key) => ctx.print(await ctx.client().stateProof(key!))));
}
