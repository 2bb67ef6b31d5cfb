// budgets ...: read funds, providers, offers, vouchers, payments, claims, care budgets and
// settlements through a node, and download the bookkeeping CSVs and a batch's SEPA file.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type BudgetsClient, budgetsClient } from '../../client/modules/budgets.ts';
import { euro } from '../../modules/budgets/money.ts';
import { GROUP_BY } from '../../modules/budgets/reports.ts';
import { oinArg, pubKeyOrKeyName } from '../args.ts';
import { type CliContext, contextOf } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { printLine, renderTable } from '../output.ts';

type Action = (
  ctx: CliContext,
  b: BudgetsClient,
  args: string[],
  opts: Record<string, string | boolean | undefined>,
) => Promise<void>;

function run(action: Action) {
  return async (...params: unknown[]) => {
    const cmd = params[params.length - 1] as Command;
    const opts = params[params.length - 2] as Record<string, string | undefined>;
    const ctx = contextOf(cmd);
    await action(ctx, budgetsClient(ctx.client()), params.slice(0, -2) as string[], opts);
  };
}

const eur = (cents: string | undefined) => (cents === undefined ? '-' : `€ ${euro(cents).replace('.', ',')}`);

/** GETs a download (CSV, XML) from the node and writes it to --out or stdout. */
async function download(ctx: CliContext, path: string, out: string | undefined): Promise<void> {
  const base = ctx.node.replace(/\/+$/, '').replace(/\/v1$/, '');
  let res: Response;
  try {
    res = await fetch(`${base}/v1${path}`);
  } catch (e) {
    throw new CliError(`cannot reach the node at ${ctx.node}: ${(e as Error).message}; is it running?`);
  }
  const text = await res.text();
  if (!res.ok) {
    let detail = text;
    try {
      const p = JSON.parse(text) as { code?: string; detail?: string };
      detail = `${p.code}: ${p.detail}`;
    } catch {}
    throw new CliError(detail);
  }
  if (out) {
    writeFileSync(out, text);
    printLine(`wrote ${out} (${text.length} bytes)`);
  } else process.stdout.write(text);
}

export function registerBudgetsCommands(program: Command): void {
  const budgets = program
    .command('budgets')
    .description('earmarked budgets: read funds, vouchers, payments, settlements; CSV and SEPA downloads');

  budgets
    .command('funds')
    .description('funds with their balances')
    .option('--sponsor <oin>', 'only funds of this sponsor')
    .option('--provider <oin>', 'only funds this provider applied to')
    .option('--state <state>', 'waiting, active, paused or closed')
    .action(
      run(async (ctx, b, _a, o) => {
        const page = await b.funds({
          ...(o.sponsor ? { sponsor: await oinArg(String(o.sponsor)) } : {}),
          ...(o.provider ? { provider: await oinArg(String(o.provider)) } : {}),
          ...(o.state ? { state: String(o.state) } : {}),
        });
        ctx.print(page, () =>
          renderTable(
            ['ID', 'STATE', 'FROM', 'TO', 'FUNDED', 'UNALLOCATED', 'IN VOUCHERS', 'PAID', 'NAME'],
            page.items.map((f) => [
              f.id,
              f.state,
              f.startDate,
              f.endDate,
              eur(f.totals.funded),
              eur(f.totals.balance),
              eur(f.totals.held),
              eur(f.totals.paid),
              f.name,
            ]),
          ),
        );
      }),
    );

  budgets
    .command('fund <id>')
    .description('one fund with its settings and totals')
    .action(run(async (ctx, b, [id]) => ctx.print(await b.fund(id!))));

  budgets
    .command('providers <fundId>')
    .description('providers that applied to a fund')
    .action(
      run(async (ctx, b, [fundId]) => {
        const page = await b.fundProviders(fundId!);
        ctx.print(page, () =>
          renderTable(
            ['PROVIDER', 'STATE', 'CATEGORIES', 'REASON'],
            page.items.map((p) => [p.provider, p.state, p.categories?.join(',') ?? 'all', p.reason ?? '']),
          ),
        );
      }),
    );

  budgets
    .command('offers')
    .description('offers, optionally of one fund or provider')
    .option('--fund <fundId>', 'only this fund')
    .option('--provider <oin>', 'only this provider')
    .action(
      run(async (ctx, b, _a, o) => {
        const page = await b.offers({
          ...(o.fund ? { fundId: String(o.fund) } : {}),
          ...(o.provider ? { provider: await oinArg(String(o.provider)) } : {}),
        });
        ctx.print(page, () =>
          renderTable(
            ['ID', 'FUND', 'CATEGORY', 'PRICE', 'TYPE', 'SOLD', 'STOCK', 'STATE', 'TITLE'],
            page.items.map((x) => [
              x.id,
              x.fundId,
              x.category,
              eur(x.priceCents),
              x.paymentType,
              x.sold,
              x.stock ?? '∞',
              x.state,
              x.title,
            ]),
          ),
        );
      }),
    );

  budgets
    .command('vouchers')
    .description('vouchers of a resident (--holder) or a fund (--fund)')
    .option('--holder <key>', 'public key or keyring name')
    .option('--fund <fundId>', 'the fund')
    .action(
      run(async (ctx, b, _a, o) => {
        if (!o.holder && !o.fund) throw new UsageError('give --holder or --fund');
        const page = await b.vouchers({
          ...(o.holder ? { holder: pubKeyOrKeyName(ctx, String(o.holder)) } : {}),
          ...(o.fund ? { fundId: String(o.fund) } : {}),
        });
        ctx.print(page, () =>
          renderTable(
            ['ID', 'FUND', 'KIND', 'STATE', 'BALANCE', 'EXPIRES'],
            page.items.map((v) => [
              v.id,
              v.fundId,
              v.kind,
              v.state,
              eur(v.balanceCents),
              v.expiresAt.slice(0, 10),
            ]),
          ),
        );
      }),
    );

  budgets
    .command('voucher <id>')
    .description('one voucher')
    .action(run(async (ctx, b, [id]) => ctx.print(await b.voucher(id!))));

  budgets
    .command('payments')
    .description('payments by voucher, provider, fund or settlement batch')
    .option('--voucher <voucherId>', 'of this voucher')
    .option('--provider <oin>', 'to this provider')
    .option('--fund <fundId>', 'in this fund')
    .option('--settlement <settlementId>', 'in this batch')
    .action(
      run(async (ctx, b, _a, o) => {
        const q = {
          ...(o.voucher ? { voucherId: String(o.voucher) } : {}),
          ...(o.provider ? { provider: await oinArg(String(o.provider)) } : {}),
          ...(o.fund ? { fundId: String(o.fund) } : {}),
          ...(o.settlement ? { settlementId: String(o.settlement) } : {}),
        };
        if (Object.keys(q).length === 0)
          throw new UsageError('give --voucher, --provider, --fund or --settlement');
        const page = await b.payments(q);
        ctx.print(page, () =>
          renderTable(
            ['ID', 'TIME', 'PROVIDER', 'CATEGORY', 'KIND', 'AMOUNT', 'REFUNDED', 'BATCH'],
            page.items.map((p) => [
              p.id,
              p.time,
              p.provider,
              p.category,
              p.kind,
              eur(p.amountCents),
              eur(p.refundedCents),
              p.settlementId ?? '',
            ]),
          ),
        );
      }),
    );

  budgets
    .command('payment-requests')
    .description('payment requests sent to a resident')
    .requiredOption('--holder <key>', 'public key or keyring name')
    .action(
      run(async (ctx, b, _a, o) => {
        const page = await b.paymentRequests(pubKeyOrKeyName(ctx, String(o.holder)));
        ctx.print(page, () =>
          renderTable(
            ['ID', 'STATE', 'PROVIDER', 'AMOUNT', 'VOUCHER', 'EXPIRES'],
            page.items.map((r) => [
              r.id,
              r.effectiveState,
              r.provider,
              eur(r.amountCents),
              r.voucherId,
              r.expiresAt,
            ]),
          ),
        );
      }),
    );

  budgets
    .command('reimbursements')
    .description('reimbursement claims')
    .option('--fund <fundId>', 'of this fund')
    .option('--holder <key>', 'of this resident')
    .option('--state <state>', 'pending, approved or declined')
    .action(
      run(async (ctx, b, _a, o) => {
        const page = await b.reimbursements({
          ...(o.fund ? { fundId: String(o.fund) } : {}),
          ...(o.holder ? { holder: pubKeyOrKeyName(ctx, String(o.holder)) } : {}),
          ...(o.state ? { state: String(o.state) } : {}),
        });
        ctx.print(page, () =>
          renderTable(
            ['ID', 'FUND', 'STATE', 'AMOUNT', 'CATEGORY', 'SUBMITTED'],
            page.items.map((r) => [r.id, r.fundId, r.state, eur(r.amountCents), r.category, r.submittedAt]),
          ),
        );
      }),
    );

  budgets
    .command('care-budgets')
    .description('care budgets of a holder, with contracts')
    .requiredOption('--holder <key>', 'public key or keyring name')
    .action(
      run(async (ctx, b, _a, o) => ctx.print(await b.careBudgets(pubKeyOrKeyName(ctx, String(o.holder))))),
    );

  budgets
    .command('care-contracts')
    .description('care contracts a care provider is party to, with declarations')
    .requiredOption('--provider <oin>', 'OIN of the care provider')
    .action(
      run(async (ctx, b, _a, o) => {
        const page = await b.careContractsOf(await oinArg(String(o.provider)));
        ctx.print(page, () =>
          renderTable(
            ['ID', 'STATE', 'HOLDER', 'CATEGORY', 'RATE', 'UNIT', 'DECLARATIONS'],
            page.items.map((c) => [
              c.id,
              c.state,
              c.holder,
              c.category,
              eur(c.rateCents),
              c.unit,
              String(c.declarations.length),
            ]),
          ),
        );
      }),
    );

  budgets
    .command('eligibility-requests')
    .description('eligibility requests a resident submitted, with their decisions')
    .requiredOption('--requester <key>', 'public key or keyring name')
    .option('--state <state>', 'pending, approved or declined')
    .action(
      run(async (ctx, b, _a, o) => {
        const page = await b.eligibilityRequestsOf(
          pubKeyOrKeyName(ctx, String(o.requester)),
          o.state ? String(o.state) : undefined,
        );
        ctx.print(page, () =>
          renderTable(
            ['ID', 'FUND', 'STATE', 'SUBMITTED'],
            page.items.map((r) => [r.id, r.fundId, r.state, r.submittedAt]),
          ),
        );
      }),
    );

  budgets
    .command('care-statement <voucherId> <month>')
    .description('monthly statement of a care budget (month like 2026-03)')
    .action(
      run(async (ctx, b, [voucherId, month]) => {
        const s = await b.careStatement(voucherId!, month!);
        ctx.print(s, () =>
          s.budgets.flatMap((l) => [
            `care budget ${l.voucherId} (${l.fundId}), ${s.period}`,
            `  opening balance  ${eur(l.openingCents)}`,
            `  allocated        ${eur(l.allocatedCents)}`,
            `  care paid        ${eur(l.carePaidCents)}`,
            `  refunded         ${eur(l.refundedCents)}`,
            `  returned         ${eur(l.returnedCents)}`,
            `  closing balance  ${eur(l.closingCents)}`,
            ...l.declarations.map(
              (d) =>
                `  declaration ${d.id}: ${d.units} units, ${eur(d.amountCents)}, ${d.state} (${d.provider})`,
            ),
          ]),
        );
      }),
    );

  budgets
    .command('settlements')
    .description('settlement batches')
    .option('--sponsor <oin>', 'of this sponsor')
    .option('--state <state>', 'draft, approved, paid or canceled')
    .action(
      run(async (ctx, b, _a, o) => {
        const page = await b.settlements({
          ...(o.sponsor ? { sponsor: await oinArg(String(o.sponsor)) } : {}),
          ...(o.state ? { state: String(o.state) } : {}),
        });
        ctx.print(page, () =>
          renderTable(
            ['ID', 'STATE', 'TOTAL', 'PAYMENTS', 'EXECUTION', 'CREATED'],
            page.items.map((s) => [
              s.id,
              s.state,
              eur(s.totalCents),
              s.paymentIds.length,
              s.executionDate,
              s.createdAt,
            ]),
          ),
        );
      }),
    );

  budgets
    .command('settlement <id>')
    .description('one settlement batch')
    .action(run(async (ctx, b, [id]) => ctx.print(await b.settlement(id!))));

  budgets
    .command('sepa-file <settlementId>')
    .description('the SEPA credit-transfer file (pain.001) of an approved batch')
    .option('--out <file>', 'write it here instead of stdout')
    .action(
      run(async (ctx, _b, [id], o) =>
        download(ctx, `/settlements/${encodeURIComponent(id!)}/sepa-file`, o.out as string | undefined),
      ),
    );

  budgets
    .command('report <fundId>')
    .description(`spending per ${GROUP_BY.join(', ')}, for a period`)
    .option('--group-by <by>', GROUP_BY.join(', '), 'category')
    .option('--from <date>', 'first day')
    .option('--to <date>', 'last day')
    .option('--csv', 'CSV for bookkeeping')
    .option('--out <file>', 'with --csv: write it here')
    .action(
      run(async (ctx, b, [fundId], o) => {
        const groupBy = String(o.groupBy) as (typeof GROUP_BY)[number];
        if (!(GROUP_BY as readonly string[]).includes(groupBy))
          throw new UsageError(`--group-by must be one of ${GROUP_BY.join(', ')}`);
        const period = { ...(o.from ? { from: String(o.from) } : {}), ...(o.to ? { to: String(o.to) } : {}) };
        if (o.csv) {
          const q = new URLSearchParams({ groupBy, format: 'csv', ...period });
          return download(
            ctx,
            `/funds/${encodeURIComponent(fundId!)}/report?${q}`,
            o.out as string | undefined,
          );
        }
        const r = await b.fundReport(fundId!, { groupBy, ...period });
        ctx.print(r, () => [
          `fund ${r.fundId}: paid ${eur(r.summary.paidCents)}, refunded ${eur(r.summary.refundedCents)}, reimbursed ${eur(r.summary.reimbursedCents)}, returned ${eur(r.summary.returnedCents)}`,
          ...renderTable(
            [groupBy.toUpperCase(), 'PAYMENTS', 'PAID', 'REFUNDED', 'REIMBURSED', 'SPENT'],
            r.rows.map((x) => [
              x.group,
              x.payments,
              eur(x.paidCents),
              eur(x.refundedCents),
              eur(x.reimbursedCents),
              eur(x.spentCents),
            ]),
          ),
        ]);
      }),
    );

  budgets
    .command('movements <fundId>')
    .description('every money movement of a fund as bookkeeping CSV')
    .option('--from <date>', 'first day')
    .option('--to <date>', 'last day')
    .option('--out <file>', 'write it here instead of stdout')
    .action(
      run(async (ctx, _b, [fundId], o) => {
        const q = new URLSearchParams({
          format: 'csv',
          ...(o.from ? { from: String(o.from) } : {}),
          ...(o.to ? { to: String(o.to) } : {}),
        });
        await download(
          ctx,
          `/funds/${encodeURIComponent(fundId!)}/movements?${q}`,
          o.out as string | undefined,
        );
      }),
    );
}
