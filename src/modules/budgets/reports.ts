// Reports for sponsors, providers and budget holders: pure functions over the funds' journals
// (every movement of money, with its block time), so every partner computes the same figures
// from the same ledger. CSV follows RFC 4180 with amounts in euros ("12.34").
import type { KVRead } from '../../app/kv.ts';
import { listJson } from '../../app/typed-kv.ts';
import { type Cents, cents, euro, str } from './money.ts';
import { dateOf } from './rules.ts';
import type { CareDeclaration, Movement } from './state.ts';
import { keys } from './state.ts';

export interface Period {
  /** First day, inclusive (YYYY-MM-DD). */
  from?: string | undefined;
  /** Last day, inclusive (YYYY-MM-DD). */
  to?: string | undefined;
}

export const GROUP_BY = ['category', 'provider', 'month', 'fund'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface ReportRow {
  group: string;
  /** Payments to providers (budget, subsidy, product, care) counted in the period. */
  payments: number;
  paidCents: string;
  refundedCents: string;
  reimbursedCents: string;
  /** paid - refunded + reimbursed: what the scheme spent. */
  spentCents: string;
}

export interface FundSummary {
  period: Period;
  toppedUpCents: string;
  allocatedCents: string;
  paidCents: string;
  refundedCents: string;
  reimbursedCents: string;
  returnedCents: string;
  payments: number;
}

export function inPeriod(time: string, p: Period): boolean {
  const d = dateOf(time);
  return (p.from === undefined || d >= p.from) && (p.to === undefined || d <= p.to);
}

/** The journal of a fund, oldest first, optionally only one period. */
export function journalOf(
  kv: KVRead,
  fundId: string,
  period: Period = {},
): Array<Movement & { fundId: string }> {
  const out: Array<Movement & { fundId: string }> = [];
  for (const [, m] of listJson<Movement>(kv, keys.journalPrefix(fundId))) {
    if (inPeriod(m.time, period)) out.push({ ...m, fundId });
  }
  return out;
}

const isPayment = (m: Movement) => m.kind === 'payment' || m.kind === 'care_payment';

function groupKey(m: Movement & { fundId?: string }, by: GroupBy): string {
  switch (by) {
    case 'category':
      return m.category ?? '(none)';
    case 'provider':
      return m.provider ?? '(resident)';
    case 'month':
      return m.time.slice(0, 7);
    case 'fund':
      return m.fundId ?? '';
  }
}

/** Spending grouped by category, provider, month or fund; rows sorted by group. */
export function spendingReport(movements: Array<Movement & { fundId?: string }>, by: GroupBy): ReportRow[] {
  const rows = new Map<string, { payments: number; paid: Cents; refunded: Cents; reimbursed: Cents }>();
  for (const m of movements) {
    if (!isPayment(m) && m.kind !== 'refund' && m.kind !== 'reimbursement') continue;
    const key = groupKey(m, by);
    const r = rows.get(key) ?? { payments: 0, paid: 0n, refunded: 0n, reimbursed: 0n };
    const amount = cents(m.amountCents);
    if (isPayment(m)) {
      r.payments += 1;
      r.paid += amount;
    } else if (m.kind === 'refund') r.refunded += amount;
    else r.reimbursed += amount;
    rows.set(key, r);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, r]) => ({
      group,
      payments: r.payments,
      paidCents: str(r.paid),
      refundedCents: str(r.refunded),
      reimbursedCents: str(r.reimbursed),
      spentCents: str(r.paid - r.refunded + r.reimbursed),
    }));
}

export function fundSummary(movements: Movement[], period: Period): FundSummary {
  const sum = (pred: (m: Movement) => boolean) =>
    str(movements.filter(pred).reduce((s, m) => s + cents(m.amountCents), 0n));
  return {
    period,
    toppedUpCents: sum((m) => m.kind === 'top_up'),
    allocatedCents: sum((m) => m.kind === 'allocation'),
    paidCents: sum(isPayment),
    refundedCents: sum((m) => m.kind === 'refund'),
    reimbursedCents: sum((m) => m.kind === 'reimbursement'),
    returnedCents: sum((m) => m.kind === 'return'),
    payments: movements.filter(isPayment).length,
  };
}

/** How a movement changes one voucher's balance. */
export function voucherDelta(m: Movement, voucherId: string): Cents {
  const amount = cents(m.amountCents);
  let d = 0n;
  if (m.voucherId === voucherId) {
    if (m.from === 'voucher') d -= amount;
    if (m.to === 'voucher' && m.kind !== 'reservation') d += amount;
  }
  if (m.toVoucherId === voucherId) d += amount;
  return d;
}

// ---- CSV -------------------------------------------------------------------------------------

function cell(v: string | number): string {
  let s = String(v);
  // Text that a spreadsheet would run as a formula is defused (OWASP CSV injection).
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function reportCsv(rows: ReportRow[], by: GroupBy): string {
  return toCsv(
    [by, 'payments', 'paid_eur', 'refunded_eur', 'reimbursed_eur', 'spent_eur'],
    rows.map((r) => [
      r.group,
      r.payments,
      euro(r.paidCents),
      euro(r.refundedCents),
      euro(r.reimbursedCents),
      euro(r.spentCents),
    ]),
  );
}

/** Every movement as a bookkeeping line: the export municipalities asked for, filtered by period. */
export function movementsCsv(movements: Array<Movement & { fundId: string }>): string {
  return toCsv(
    [
      'date',
      'time',
      'fund',
      'seq',
      'kind',
      'from',
      'to',
      'amount_eur',
      'voucher',
      'provider',
      'category',
      'reference',
      'height',
    ],
    movements.map((m) => [
      dateOf(m.time),
      m.time,
      m.fundId,
      m.seq,
      m.kind,
      m.from,
      m.to,
      euro(m.amountCents),
      m.voucherId ?? '',
      m.provider ?? '',
      m.category ?? '',
      m.ref ?? '',
      m.height,
    ]),
  );
}

// ---- care statements -------------------------------------------------------------------------

export interface CareStatementLine {
  voucherId: string;
  fundId: string;
  openingCents: string;
  /** Budget allocated to the holder during the month (e.g. the budget granted on the 12th). */
  allocatedCents: string;
  carePaidCents: string;
  refundedCents: string;
  returnedCents: string;
  closingCents: string;
  declarations: Array<
    Pick<CareDeclaration, 'id' | 'contractId' | 'provider' | 'units' | 'amountCents' | 'state'>
  >;
}

export interface CareStatement {
  holder: string;
  period: string;
  budgets: CareStatementLine[];
}

function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The monthly statement of one care budget: balance at the start and end of the month and what moved. */
export function careStatementLine(
  voucher: { id: string; fundId: string },
  journal: Movement[],
  declarations: CareDeclaration[],
  period: string,
): CareStatementLine {
  const start = `${period}-01T00:00:00.000Z`;
  const end = `${nextMonth(period)}-01T00:00:00.000Z`;
  let opening = 0n;
  let closing = 0n;
  let allocated = 0n;
  let care = 0n;
  let refunded = 0n;
  let returned = 0n;
  for (const m of journal) {
    const d = voucherDelta(m, voucher.id);
    if (d === 0n || m.time >= end) continue;
    closing += d;
    if (m.time < start) {
      opening += d;
      continue;
    }
    if (m.kind === 'allocation') allocated += d;
    else if (m.kind === 'care_payment') care += -d;
    else if (m.kind === 'refund') refunded += d;
    else if (m.kind === 'return') returned += -d;
  }
  return {
    voucherId: voucher.id,
    fundId: voucher.fundId,
    openingCents: str(opening),
    allocatedCents: str(allocated),
    carePaidCents: str(care),
    refundedCents: str(refunded),
    returnedCents: str(returned),
    closingCents: str(closing),
    declarations: declarations
      .filter((d) => d.period === period)
      .map((d) => ({
        id: d.id,
        contractId: d.contractId,
        provider: d.provider,
        units: d.units,
        amountCents: d.amountCents,
        state: d.state,
      })),
  };
}
