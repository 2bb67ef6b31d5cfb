// cases ...: read shared cases through a node (processes, cases, timelines, a partner's overview),
// and store or read case documents with requests signed by an organisation key. Writes to the
// ledger are under "tx cases".
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { caseDocuments } from '../../client/modules/cases-documents.ts';
import { sign } from '../../core/ed25519-node.ts';
import { positiveIntArg, sha256Arg } from '../args.ts';
import { type CliContext, contextOf } from '../context.ts';
import { UsageError } from '../errors.ts';
import { renderTable } from '../output.ts';

const STATUSES = ['open', 'closed', 'erased'] as const;

function documentsAs(ctx: CliContext, keyName: string) {
  const key = ctx.key(keyName);
  return caseDocuments({ baseUrl: ctx.node, signer: key, sign });
}

/** An OIN, or the name of an organisation key in the keyring. */
function oinOrKeyName(ctx: CliContext, value: string): string {
  if (/^\d{20}$/.test(value)) return value; // the node checks the OIN itself
  const oin = ctx.keyring().has(value) ? ctx.key(value).oin : undefined;
  if (!oin)
    throw new UsageError(
      `"${value}" is neither an OIN nor the name of an organisation key in ${ctx.keyring().dir}`,
    );
  return oin;
}

const waitLine = (w: { oin?: string; role: string; reason: string; item: string }) =>
  `${w.reason} ${w.item} (${w.role}${w.oin ? ` ${w.oin}` : ''})`;

function registerReads(cases: Command): void {
  cases
    .command('processes')
    .description('published process definitions')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client().cases.processes();
      ctx.print(page, () =>
        renderTable(
          ['ID', 'VERSION', 'STEPS', 'TITLE'],
          page.items.map((p) => [p.id, p.version, p.steps.length, p.title]),
        ),
      );
    });

  cases
    .command('process <id>')
    .description('one process definition: roles, steps, attestations, transitions')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      ctx.print(await ctx.client().cases.process(id));
    });

  cases
    .command('list')
    .description('cases in id order')
    .option('--process <id>', 'only cases of this process')
    .option('--status <status>', `only cases with this status (${STATUSES.join(', ')})`)
    .option('--after <id>', 'only cases after this id')
    .option('--limit <n>', 'how many cases', '20')
    .action(async (o: { process?: string; status?: string; after?: string; limit: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      if (o.status !== undefined && !STATUSES.includes(o.status as (typeof STATUSES)[number])) {
        throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
      }
      const page = await ctx.client().cases.list({
        limit: positiveIntArg(o.limit, '--limit'),
        ...(o.process ? { process: o.process } : {}),
        ...(o.status ? { status: o.status as (typeof STATUSES)[number] } : {}),
        ...(o.after ? { after: o.after } : {}),
      });
      ctx.print(page, () =>
        renderTable(
          ['ID', 'PROCESS', 'STATUS', 'STEP', 'OPENED'],
          page.items.map((c) => [c.id, c.process, c.status, c.step, c.openedAt]),
        ),
      );
    });

  cases
    .command('show <id>')
    .description('one case: partners, attestations, fields, disputes, documents, what it waits on')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      ctx.print(await ctx.client().cases(id));
    });

  cases
    .command('timeline <id>')
    .description('everything that happened in a case, oldest first')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client().cases.timeline(id);
      ctx.print(page, () =>
        renderTable(
          ['#', 'TIME', 'BY', 'ACTION', 'DETAILS'],
          page.items.map((e) => [
            e.seq,
            e.at,
            e.by,
            e.action,
            Object.entries(e.details)
              .map(([k, v]) => `${k}=${v}`)
              .join(' '),
          ]),
        ),
      );
    });

  cases
    .command('overview <partner>')
    .description("a partner's open cases (OIN or keyring name): what each waits on, overdue steps")
    .action(async (partner: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const overview = await ctx.client().cases.partnerCases(oinOrKeyName(ctx, partner));
      ctx.print(overview, () =>
        renderTable(
          ['ID', 'PROCESS', 'STEP', 'DUE', 'WAITING ON YOU', 'WAITING ON'],
          overview.cases.map((c) => [
            c.id,
            c.process,
            c.step,
            c.dueAt ? `${c.dueAt}${c.overdue ? ' OVERDUE' : ''}` : '-',
            c.waitingOnYou.map(waitLine).join('; ') || '-',
            c.waitingOn.map(waitLine).join('; ') || '-',
          ]),
        ),
      );
    });
}

function registerDocuments(cases: Command): void {
  cases
    .command('upload <caseId> <file>')
    .description('store a document encrypted at the node, then record its salted hash on the ledger')
    .requiredOption('--from <name>', 'keyring key of your organisation (signs the request and the tx)')
    .requiredOption('--kind <kind>', 'document kind of the process')
    .option('--media-type <type>', 'media type of the file', 'application/octet-stream')
    .action(
      async (
        caseId: string,
        file: string,
        o: { from: string; kind: string; mediaType: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const key = ctx.key(o.from);
        const { document, attach } = await documentsAs(ctx, o.from).store(caseId, readFileSync(file), {
          kind: o.kind,
          mediaType: o.mediaType,
        });
        const tx = await ctx.client().cases.attachDocument(key, attach.body);
        ctx.print({ document, tx }, () => [
          `stored ${file} (${document.size} bytes) for case ${caseId}; hash ${document.hash}`,
          `attached in block ${tx.height}: tx ${tx.hash}`,
        ]);
      },
    );

  cases
    .command('download <caseId> <hash>')
    .description('read a case document (the node logs who read it and why)')
    .requiredOption('--from <name>', 'keyring key of your organisation (signs the request)')
    .requiredOption('--purpose <text>', 'why you read this personal data; written to the processing log')
    .requiredOption('--out <file>', 'where to write the document')
    .action(
      async (
        caseId: string,
        hash: string,
        o: { from: string; purpose: string; out: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const doc = await documentsAs(ctx, o.from).read(caseId, sha256Arg(hash), o.purpose);
        writeFileSync(o.out, doc.content, { mode: 0o600 });
        const { content: _content, ...meta } = doc;
        ctx.print({ ...meta, size: doc.content.length, out: o.out }, () => [
          `wrote ${doc.content.length} bytes to ${o.out}; ${doc.verified ? 'content matches the hash on the ledger' : 'WARNING: content does not match its hash'}`,
        ]);
      },
    );

  cases
    .command('log <caseId>')
    .description("the node's processing log for a case: who stored, read or erased what, when and why")
    .requiredOption('--from <name>', 'keyring key of an invited organisation (signs the request)')
    .action(async (caseId: string, o: { from: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const log = await documentsAs(ctx, o.from).processingLog(caseId);
      ctx.print(log, () => [
        ...renderTable(
          ['#', 'TIME', 'ACTION', 'BY', 'DOCUMENT', 'PURPOSE'],
          log.items.map((e) => [e.seq, e.time, e.action, e.actor.oin, e.document ?? '-', e.purpose]),
        ),
        log.verification.ok ? `hash chain intact (${log.verification.count} entries)` : 'hash chain BROKEN',
      ]);
    });
}

export function registerCasesCommands(program: Command): void {
  const cases = program
    .command('cases')
    .description('shared cases between chain partners (writes: "tx cases")');
  registerReads(cases);
  registerDocuments(cases);
}
