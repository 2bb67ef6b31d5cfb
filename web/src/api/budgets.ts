// The budgets API as the portals use it: reads are GETs under /v1 (see src/api/routes/budgets.ts),
// writes are signed budgets.* txs sent through the shared client. Types come from the module
// itself, imported as types only, so no server code reaches the bundle.
import type { Signer } from '../../../src/client/browser.ts';
import { apiErrorFrom } from '../../../src/client/errors.ts';
import type { FundSummary, ReportRow } from '../../../src/modules/budgets/reports.ts';
import type {
  EligibilityRequest,
  Fund,
  FundProvider,
  FundTotals,
  Movement,
  Offer,
  Payment,
  PaymentRequest,
  Reimbursement,
  Settlement,
  Voucher,
} from '../../../src/modules/budgets/state.ts';
import { client } from './client.ts';

export type {
  CareBudgetView,
  CareContract,
  CareDeclaration,
  CareStatementView,
} from '../../../src/client/modules/budgets.ts';

export type {
  EligibilityRequest,
  Fund,
  FundProvider,
  Movement,
  Offer,
  Payment,
  PaymentRequest,
  Reimbursement,
  Settlement,
  Voucher,
};
export type FundView = Fund & { totals: FundTotals; application?: FundProvider };
export type PaymentRequestView = PaymentRequest & { effectiveState: string };
export type GroupBy = 'category' | 'provider' | 'month' | 'fund';
export interface FundReport {
  fundId: string;
  groupBy: GroupBy;
  summary: FundSummary;
  rows: ReportRow[];
}

const typed = client.budgets;
const items = async <T>(page: Promise<{ items: T[] }>) => (await page).items;

// Reads go through the typed client (src/client/modules/budgets.ts); this object only unwraps the
// one-page lists the portals show, so no route path is written twice.
export const budgets = {
  funds: (q: { sponsor?: string; provider?: string; state?: string } = {}) => items<FundView>(typed.funds(q)),
  fund: (fundId: string): Promise<FundView> => typed.fund(fundId),
  providers: (fundId: string, state?: string) => items(typed.fundProviders(fundId, state)),
  eligibilityRequests: (fundId: string, state?: string) => items(typed.eligibilityRequests(fundId, state)),
  report: (fundId: string, groupBy: GroupBy): Promise<FundReport> => typed.fundReport(fundId, { groupBy }),
  offers: (q: { fundId?: string; provider?: string; state?: string }) => items(typed.offers(q)),
  vouchers: (q: { holder?: string; fundId?: string }) => items(typed.vouchers(q)),
  voucher: (voucherId: string) => typed.voucher(voucherId),
  voucherMovements: (voucherId: string) => items(typed.voucherMovements(voucherId)),
  payments: (q: { voucherId?: string; provider?: string; fundId?: string; settlementId?: string }) =>
    items(typed.payments(q)),
  paymentRequests: (holder: string, state?: string) => items(typed.paymentRequests(holder, state)),
  paymentRequest: (requestId: string): Promise<PaymentRequestView> => typed.paymentRequest(requestId),
  reimbursements: (q: { fundId?: string; holder?: string; state?: string }) => items(typed.reimbursements(q)),
  settlements: (q: { sponsor?: string; state?: string }) => items(typed.settlements(q)),
  /** The SEPA file as text, fetched from the node (it is made from the approved batch alone). */
  async sepaFile(settlementId: string): Promise<string> {
    const res = await fetch(`/v1/settlements/${encodeURIComponent(settlementId)}/sepa-file`, {
      headers: { accept: 'application/xml, application/problem+json' },
    });
    if (!res.ok) throw await apiErrorFrom(res);
    return res.text();
  },
  /** Sends one budgets.* message signed by `signer` and waits until it is committed. */
  send: (signer: Signer, message: string, body: Record<string, unknown>) =>
    client.send(signer, `budgets.${message}`, body),
};

/** A fresh id for records the sender names itself (payments, requests, vouchers...). */
export function newId(prefix: string): string {
  const rand = [...crypto.getRandomValues(new Uint8Array(5))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return `${prefix}-${rand}`;
}

/** "12,50" or "12.50" or "12" euros → cents as a decimal string; undefined when not an amount. */
export function eurosToCents(text: string): string | undefined {
  const m = text
    .trim()
    .replace(/^€\s*/, '')
    .match(/^(\d{1,9})(?:[.,](\d{1,2}))?$/);
  if (!m) return undefined;
  return String(Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0')));
}
