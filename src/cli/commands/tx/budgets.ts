// tx budgets ...: every budgets.* message as a subcommand. Amounts are given in euros (12,50),
// residents and keys by keyring name or public key, activation codes in plain text (only their hash
// is sent when registering them), receipts and time sheets as files (only their SHA-256 is sent).
import type { Command } from 'commander';
import { contextOf } from '../../context.ts';
import { UsageError } from '../../errors.ts';
import { type ArgKind, convert } from '../budgets-args.ts';
import { sendTx, txCommand } from './send.ts';

interface Opt {
  /** Commander flag, e.g. "--amount <euro>". */
  flag: string;
  /** Body field (dots for nesting: "limits.perPaymentCents"). */
  field: string;
  kind: ArgKind;
  help: string;
  required?: boolean;
}

interface Spec {
  name: string;
  type: string;
  help: string;
  /** Positional arguments, each filling a body field. */
  args?: Array<{ name: string; field: string; kind: ArgKind }>;
  opts?: Opt[];
  /** Fixed fields (e.g. decision: 'accepted' for "accept-provider"). */
  fixed?: Record<string, unknown>;
  /** Boolean switches: flag → body field set to true when given. */
  switches?: Array<{ flag: string; field: string; help: string }>;
}

const o = (flag: string, field: string, kind: ArgKind, help: string, required = false): Opt => ({
  flag,
  field,
  kind,
  help,
  required,
});
const fundArg = { name: 'fundId', field: 'fundId', kind: 'text' as const };
const voucherArg = { name: 'voucherId', field: 'voucherId', kind: 'text' as const };
const spendOpts = [
  o('--offer <offerId>', 'offerId', 'text', 'pay for this offer (price and category come from it)'),
  o('--quantity <n>', 'quantity', 'int', 'with --offer: how many'),
  o('--amount <euro>', 'amountCents', 'euro', 'without --offer: the amount in euros'),
  o('--category <category>', 'category', 'text', 'without --offer: what is bought'),
];

export const BUDGET_TX_SPECS: Spec[] = [
  {
    name: 'create-fund',
    type: 'budgets.create_fund',
    help: 'create a fund (sponsor): categories, dates, amount per person, limits, switches',
    args: [fundArg],
    opts: [
      o('--name <name>', 'name', 'text', 'name of the scheme', true),
      o('--categories <a,b>', 'categories', 'list', 'spending categories, e.g. sport,culture', true),
      o('--start <date>', 'startDate', 'date', 'first day', true),
      o('--end <date>', 'endDate', 'date', 'last day (inclusive)', true),
      o(
        '--kind <kind>',
        'kind',
        'text',
        '"regular" (default) or "care" (PGB-style: pays contracted care only)',
      ),
      o('--fixed <euro>', 'amount.cents', 'euro', 'the same amount for everyone'),
      o('--base <euro>', 'amount.baseCents', 'euro', 'formula: base amount per household'),
      o('--per-child <euro>', 'amount.perChildCents', 'euro', 'formula: amount per child'),
      o('--min <euro>', 'amount.minCents', 'euro', 'custom amount per person: minimum'),
      o('--max <euro>', 'amount.maxCents', 'euro', 'custom amount per person: maximum'),
      o('--per-payment <euro>', 'limits.perPaymentCents', 'euro', 'limit per payment'),
      o('--per-person <euro>', 'limits.perPersonCents', 'euro', 'limit per person'),
      o('--total <euro>', 'limits.totalCents', 'euro', 'limit on the total amount of vouchers'),
      o('--validators <oin,oin>', 'validators', 'list', 'eligibility validators (OINs)'),
      o('--low-balance <euro>', 'lowBalanceCents', 'euro', 'warn below this balance'),
    ],
    switches: [
      { flag: '--bearer-vouchers', field: 'switches.bearerVouchers', help: 'allow bearer vouchers (codes)' },
      { flag: '--reimbursements', field: 'switches.reimbursements', help: 'allow reimbursement claims' },
    ],
  },
  {
    name: 'top-up',
    type: 'budgets.top_up_fund',
    help: 'add money to a fund (sponsor)',
    args: [fundArg],
    opts: [
      o('--amount <euro>', 'amountCents', 'euro', 'amount in euros', true),
      o('--reference <text>', 'reference', 'text', 'your booking reference'),
    ],
  },
  {
    name: 'activate-fund',
    type: 'budgets.activate_fund',
    help: 'activate a waiting fund or resume a paused one',
    args: [fundArg],
  },
  { name: 'pause-fund', type: 'budgets.pause_fund', help: 'pause an active fund', args: [fundArg] },
  {
    name: 'close-fund',
    type: 'budgets.close_fund',
    help: 'close a fund; unspent money returns to the sponsor',
    args: [fundArg],
    opts: [o('--reason <text>', 'reason', 'text', 'why')],
  },
  {
    name: 'set-bank-account',
    type: 'budgets.set_bank_account',
    help: "set your organisation's bank account (organisations only)",
    args: [{ name: 'iban', field: 'iban', kind: 'text' }],
    opts: [
      o('--name <name>', 'accountName', 'text', 'account holder name', true),
      o('--bic <bic>', 'bic', 'text', 'BIC'),
    ],
  },
  { name: 'apply', type: 'budgets.apply_to_fund', help: 'apply to a fund as a provider', args: [fundArg] },
  {
    name: 'accept-provider',
    type: 'budgets.decide_provider',
    help: 'accept a provider for the whole budget or --categories (sponsor)',
    args: [fundArg, { name: 'provider', field: 'provider', kind: 'oin' }],
    opts: [o('--categories <a,b>', 'categories', 'list', 'only these categories')],
    fixed: { decision: 'accepted' },
  },
  {
    name: 'reject-provider',
    type: 'budgets.decide_provider',
    help: 'reject a provider (sponsor)',
    args: [fundArg, { name: 'provider', field: 'provider', kind: 'oin' }],
    opts: [o('--reason <text>', 'reason', 'text', 'why (shown to residents)')],
    fixed: { decision: 'rejected' },
  },
  {
    name: 'create-offer',
    type: 'budgets.create_offer',
    help: 'publish an offer (provider)',
    args: [{ name: 'offerId', field: 'offerId', kind: 'text' }],
    opts: [
      o('--fund <fundId>', 'fundId', 'text', 'the fund', true),
      o('--title <text>', 'title', 'text', 'what is offered', true),
      o('--category <category>', 'category', 'text', 'category of the fund', true),
      o('--price <euro>', 'priceCents', 'euro', 'price', true),
      o('--subsidy <euro>', 'sponsorPartCents', 'euro', 'a subsidy offer: the part the sponsor pays'),
      o('--stock <n>', 'stock', 'int', 'stock'),
      o('--per-person <n>', 'perPersonLimit', 'int', 'limit per person'),
      o('--total <n>', 'totalLimit', 'int', 'total limit under the fund'),
      o('--expires <time>', 'expiresAt', 'time', 'end of the offer (RFC 3339)'),
    ],
  },
  {
    name: 'approve-offer',
    type: 'budgets.approve_offer',
    help: 'approve a subsidy offer (sponsor)',
    args: [{ name: 'offerId', field: 'offerId', kind: 'text' }],
  },
  {
    name: 'update-offer',
    type: 'budgets.update_offer',
    help: 'change the stock or limits of your offer',
    args: [{ name: 'offerId', field: 'offerId', kind: 'text' }],
    opts: [
      o('--stock <n>', 'stock', 'int', 'new stock'),
      o('--per-person <n>', 'perPersonLimit', 'int', 'new limit per person'),
      o('--total <n>', 'totalLimit', 'int', 'new total limit'),
    ],
  },
  {
    name: 'withdraw-offer',
    type: 'budgets.withdraw_offer',
    help: 'withdraw your offer',
    args: [{ name: 'offerId', field: 'offerId', kind: 'text' }],
  },
  {
    name: 'request-eligibility',
    type: 'budgets.request_eligibility',
    help: 'ask for a budget (resident)',
    args: [{ name: 'requestId', field: 'requestId', kind: 'text' }],
    opts: [o('--fund <fundId>', 'fundId', 'text', 'the fund', true)],
  },
  {
    name: 'decide-eligibility',
    type: 'budgets.decide_eligibility',
    help: 'approve or decline a request (eligibility validator); --evidence-file is hashed here with --salt',
    args: [{ name: 'requestId', field: 'requestId', kind: 'text' }],
    opts: [
      o('--decision <approved|declined>', 'decision', 'text', 'the decision', true),
      o('--criteria <json>', 'criteria', 'text', 'JSON array of {record, operator, value, met}', true),
      o('--evidence-hash <sha256>', 'evidenceHash', 'text', 'salted SHA-256 of the evidence', true),
      o('--children <n>', 'children', 'int', 'formula funds: number of children'),
      o('--amount <euro>', 'amountCents', 'euro', 'custom-amount funds: amount granted'),
      o('--voucher <voucherId>', 'voucherId', 'text', 'id of the voucher an approval issues'),
    ],
  },
  {
    name: 'add-prevalidation',
    type: 'budgets.add_prevalidations',
    help: 'register a pre-validated activation code (only its hash is sent)',
    args: [fundArg, { name: 'code', field: 'entries.0.codeHash', kind: 'code-hash' }],
    opts: [
      o('--children <n>', 'entries.0.children', 'int', 'formula funds: number of children'),
      o('--amount <euro>', 'entries.0.amountCents', 'euro', 'custom-amount funds: amount'),
    ],
  },
  {
    name: 'redeem-prevalidation',
    type: 'budgets.redeem_prevalidation',
    help: 'claim your voucher with a pre-validation code (resident)',
    args: [fundArg, { name: 'code', field: 'code', kind: 'text' }],
    opts: [o('--voucher <voucherId>', 'voucherId', 'text', 'id for the new voucher', true)],
  },
  {
    name: 'issue-voucher',
    type: 'budgets.issue_voucher',
    help: "issue a voucher to a resident's key or as a bearer voucher with --code (sponsor)",
    args: [voucherArg],
    opts: [
      o('--fund <fundId>', 'fundId', 'text', 'the fund', true),
      o('--holder <key>', 'holder', 'key', "the resident's public key or keyring name"),
      o(
        '--code <code>',
        'activationCodeHash',
        'code-hash',
        'bearer voucher: its activation code (only the hash is sent)',
      ),
      o('--children <n>', 'children', 'int', 'formula funds: number of children'),
      o('--amount <euro>', 'amountCents', 'euro', 'custom-amount funds: amount'),
      o('--expires <time>', 'expiresAt', 'time', 'expiry (default: end of the fund)'),
    ],
  },
  {
    name: 'claim-voucher',
    type: 'budgets.claim_voucher',
    help: 'claim a bearer voucher to your key with its code',
    args: [{ name: 'code', field: 'code', kind: 'text' }],
  },
  {
    name: 'deactivate-voucher',
    type: 'budgets.deactivate_voucher',
    help: 'deactivate a voucher (sponsor)',
    args: [voucherArg],
    opts: [o('--reason <text>', 'reason', 'text', 'why')],
  },
  {
    name: 'reactivate-voucher',
    type: 'budgets.reactivate_voucher',
    help: 'reactivate a voucher (sponsor)',
    args: [voucherArg],
  },
  {
    name: 'reserve',
    type: 'budgets.create_product_voucher',
    help: 'reserve an offer from your budget voucher: a product voucher (resident)',
    args: [voucherArg],
    opts: [
      o('--offer <offerId>', 'offerId', 'text', 'the offer', true),
      o('--budget <voucherId>', 'parentVoucherId', 'text', 'your budget voucher', true),
    ],
  },
  {
    name: 'issue-product-voucher',
    type: 'budgets.create_product_voucher',
    help: 'issue a product voucher for one offer (sponsor)',
    args: [voucherArg],
    opts: [
      o('--offer <offerId>', 'offerId', 'text', 'the offer', true),
      o('--holder <key>', 'holder', 'key', "the resident's key or keyring name"),
      o('--code <code>', 'activationCodeHash', 'code-hash', 'as a bearer voucher with this code'),
    ],
  },
  {
    name: 'pay',
    type: 'budgets.pay',
    help: 'pay an accepted provider from your voucher (resident)',
    args: [{ name: 'paymentId', field: 'paymentId', kind: 'text' }],
    opts: [
      o('--voucher <voucherId>', 'voucherId', 'text', 'your voucher', true),
      o('--provider <oin>', 'provider', 'oin', 'the provider', true),
      ...spendOpts,
    ],
  },
  {
    name: 'request-payment',
    type: 'budgets.request_payment',
    help: 'ask the holder of a scanned voucher to confirm a payment (provider)',
    args: [{ name: 'requestId', field: 'requestId', kind: 'text' }],
    opts: [o('--voucher <voucherId>', 'voucherId', 'text', 'the scanned voucher', true), ...spendOpts],
  },
  {
    name: 'confirm-payment',
    type: 'budgets.confirm_payment_request',
    help: "confirm a provider's payment request (resident)",
    args: [{ name: 'requestId', field: 'requestId', kind: 'text' }],
    opts: [o('--payment <paymentId>', 'paymentId', 'text', 'id for the payment', true)],
  },
  {
    name: 'decline-payment',
    type: 'budgets.decline_payment_request',
    help: 'decline (resident) or cancel (provider) a payment request',
    args: [{ name: 'requestId', field: 'requestId', kind: 'text' }],
  },
  {
    name: 'redeem',
    type: 'budgets.redeem_product_voucher',
    help: 'redeem a product voucher for your offer (provider)',
    args: [voucherArg],
    opts: [o('--payment <paymentId>', 'paymentId', 'text', 'id for the payment', true)],
  },
  {
    name: 'refund',
    type: 'budgets.refund_payment',
    help: 'refund (part of) a payment (provider)',
    args: [{ name: 'paymentId', field: 'paymentId', kind: 'text' }],
    opts: [
      o('--amount <euro>', 'amountCents', 'euro', 'part to refund (default: all that is left)'),
      o('--reason <text>', 'reason', 'text', 'why'),
    ],
  },
  {
    name: 'reimburse',
    type: 'budgets.submit_reimbursement',
    help: 'claim an expense with a receipt (resident); only the receipt’s SHA-256 is sent',
    args: [{ name: 'reimbursementId', field: 'reimbursementId', kind: 'text' }],
    opts: [
      o('--voucher <voucherId>', 'voucherId', 'text', 'your voucher', true),
      o('--amount <euro>', 'amountCents', 'euro', 'amount', true),
      o('--category <category>', 'category', 'text', 'category', true),
      o('--receipt <file>', 'receiptHash', 'file-hash', 'the receipt (hashed here)', true),
    ],
  },
  {
    name: 'decide-reimbursement',
    type: 'budgets.decide_reimbursement',
    help: 'approve or decline a reimbursement claim (sponsor)',
    args: [{ name: 'reimbursementId', field: 'reimbursementId', kind: 'text' }],
    opts: [
      o('--decision <approved|declined>', 'decision', 'text', 'the decision', true),
      o('--reason <text>', 'reason', 'text', 'why'),
    ],
  },
  {
    name: 'care-contract',
    type: 'budgets.create_care_contract',
    help: 'contract a care provider at an agreed rate (care budget holder)',
    args: [{ name: 'contractId', field: 'contractId', kind: 'text' }],
    opts: [
      o('--voucher <voucherId>', 'voucherId', 'text', 'your care budget', true),
      o('--provider <oin>', 'provider', 'oin', 'the care provider', true),
      o('--category <category>', 'category', 'text', 'kind of care', true),
      o('--unit <unit>', 'unit', 'text', 'hour, quarter_hour, day, part_of_day, visit or week', true),
      o('--rate <euro>', 'rateCents', 'euro', 'rate per unit', true),
      o('--max-per-month <n>', 'maxUnitsPerMonth', 'int', 'units per month at most'),
      o('--start <date>', 'startDate', 'date', 'first day', true),
      o('--end <date>', 'endDate', 'date', 'last day', true),
    ],
  },
  {
    name: 'accept-care-contract',
    type: 'budgets.accept_care_contract',
    help: 'sign a proposed care contract (provider)',
    args: [{ name: 'contractId', field: 'contractId', kind: 'text' }],
  },
  {
    name: 'end-care-contract',
    type: 'budgets.end_care_contract',
    help: 'end a care contract (holder or provider)',
    args: [{ name: 'contractId', field: 'contractId', kind: 'text' }],
  },
  {
    name: 'declare-care',
    type: 'budgets.declare_care',
    help: 'declare care delivered in a month (provider); --timesheet is hashed here',
    args: [{ name: 'declarationId', field: 'declarationId', kind: 'text' }],
    opts: [
      o('--contract <contractId>', 'contractId', 'text', 'the contract', true),
      o('--period <month>', 'period', 'month', 'the month, e.g. 2026-03', true),
      o('--units <n>', 'units', 'int', 'units delivered', true),
      o('--timesheet <file>', 'careLogHash', 'file-hash', 'the time sheet (hashed here)'),
    ],
  },
  {
    name: 'decide-care',
    type: 'budgets.decide_care_declaration',
    help: 'approve (pays the provider) or reject a care declaration (holder)',
    args: [{ name: 'declarationId', field: 'declarationId', kind: 'text' }],
    opts: [
      o('--decision <approved|rejected>', 'decision', 'text', 'the decision', true),
      o('--reason <text>', 'reason', 'text', 'why'),
    ],
  },
  {
    name: 'create-settlement',
    type: 'budgets.create_settlement',
    help: 'gather unsettled payments into a draft batch (sponsor)',
    args: [{ name: 'settlementId', field: 'settlementId', kind: 'text' }],
    opts: [
      o('--fund <fundId>', 'fundId', 'text', 'only this fund'),
      o('--execution-date <date>', 'executionDate', 'date', 'requested execution date'),
    ],
  },
  {
    name: 'approve-settlement',
    type: 'budgets.approve_settlement',
    help: 'approve a draft batch (sponsor; another key than its maker)',
    args: [{ name: 'settlementId', field: 'settlementId', kind: 'text' }],
  },
  {
    name: 'cancel-settlement',
    type: 'budgets.cancel_settlement',
    help: 'cancel a draft or approved batch (sponsor)',
    args: [{ name: 'settlementId', field: 'settlementId', kind: 'text' }],
  },
  {
    name: 'settlement-paid',
    type: 'budgets.mark_settlement_paid',
    help: 'record that the bank executed the batch (sponsor)',
    args: [{ name: 'settlementId', field: 'settlementId', kind: 'text' }],
    opts: [o('--bank-reference <text>', 'bankReference', 'text', "the bank's reference")],
  },
];

function setPath(body: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: Record<string, unknown> | unknown[] = body;
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    const key = /^\d+$/.test(p) ? Number(p) : p;
    const container = at as Record<string | number, unknown>;
    if (last) container[key] = value;
    else {
      container[key] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {};
      at = container[key] as Record<string, unknown>;
    }
  });
}

const camel = (flag: string) =>
  flag
    .replace(/^--/, '')
    .split(' ')[0]!
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The message body a command line gives, before the module's own schema checks it. */
export async function buildBody(
  spec: Spec,
  ctx: Parameters<typeof convert>[0],
  args: string[],
  options: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = { ...spec.fixed };
  for (const [i, a] of (spec.args ?? []).entries())
    setPath(body, a.field, await convert(ctx, a.kind, args[i]!, a.name));
  for (const opt of spec.opts ?? []) {
    const v = options[camel(opt.flag)];
    if (v === undefined) continue;
    setPath(body, opt.field, await convert(ctx, opt.kind, String(v), opt.flag.split(' ')[0]!));
  }
  for (const s of spec.switches ?? []) if (options[camel(s.flag)] === true) setPath(body, s.field, true);
  if (spec.type === 'budgets.create_fund') {
    const a = (body.amount ?? {}) as Record<string, unknown>;
    const kind =
      'cents' in a
        ? 'fixed'
        : 'baseCents' in a || 'perChildCents' in a
          ? 'formula'
          : 'minCents' in a || 'maxCents' in a
            ? 'custom'
            : undefined;
    if (!kind)
      throw new UsageError(
        'give the amount per person: --fixed, or --base and --per-child, or --min and --max',
      );
    if (kind === 'formula')
      body.amount = { kind, baseCents: a.baseCents ?? '0', perChildCents: a.perChildCents ?? '0' };
    else body.amount = { kind, ...a };
  }
  if (spec.type === 'budgets.decide_eligibility' && typeof body.criteria === 'string') {
    try {
      body.criteria = JSON.parse(body.criteria);
    } catch {
      throw new UsageError(
        '--criteria must be a JSON array like [{"record":"income_level","operator":"<","value":"130","met":true}]',
      );
    }
  }
  return body;
}

export function registerBudgetsTx(tx: Command): void {
  const budgets = tx
    .command('budgets')
    .description(
      'earmarked budgets: funds, providers, offers, vouchers, payments, care budgets, settlements',
    );
  for (const spec of BUDGET_TX_SPECS) {
    const usage = [spec.name, ...(spec.args ?? []).map((a) => `<${a.name}>`)].join(' ');
    const cmd = txCommand(budgets, usage, `${spec.help} (${spec.type})`);
    for (const opt of spec.opts ?? []) {
      if (opt.required) cmd.requiredOption(opt.flag, opt.help);
      else cmd.option(opt.flag, opt.help);
    }
    for (const s of spec.switches ?? []) cmd.option(s.flag, s.help);
    cmd.action(async (...params: unknown[]) => {
      const command = params[params.length - 1] as Command;
      const options = params[params.length - 2] as Record<string, unknown>;
      const args = params.slice(0, -2) as string[];
      await sendTx(command, spec.type, await buildBody(spec, contextOf(command), args, options));
    });
  }
}
