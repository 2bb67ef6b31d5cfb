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
import { client, type Page } from './client.ts';

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

type Query = Record<string, string | undefined>;
const items = async <T>(path: string, query?: Query) => (await client.get<Page<T>>(path, query)).items;
const id = encodeURIComponent;

export const budgets = {
  funds: (q: { sponsor?: string; provider?: string; state?: string } = {}) => items<FundView>('/funds', q),
  fund: (fundId: string) => client.get<FundView>(`/funds/${id(fundId)}`),
  providers: (fundId: string) => items<FundProvider>(`/funds/${id(fundId)}/providers`),
  eligibilityRequests: (fundId: string) =>
    items<EligibilityRequest>(`/funds/${id(fundId)}/eligibility-requests`),
  report: (fundId: string, groupBy: GroupBy) =>
    client.get<FundReport>(`/funds/${id(fundId)}/report`, { groupBy }),
  offers: (q: { fundId?: string; provider?: string; state?: string }) => items<Offer>('/offers', q),
  vouchers: (q: { holder?: string; fundId?: string }) => items<Voucher>('/vouchers', q),
  voucher: (voucherId: string) => client.get<Voucher>(`/vouchers/${id(voucherId)}`),
  voucherMovements: (voucherId: string) =>
    items<Movement & { fundId: string }>(`/vouchers/${id(voucherId)}/movements`),
  payments: (q: { voucherId?: string; provider?: string; fundId?: string; settlementId?: string }) =>
    items<Payment>('/payments', q),
  paymentRequests: (holder: string, state?: string) =>
    items<PaymentRequestView>('/payment-requests', { holder, state }),
  paymentRequest: (requestId: string) => client.get<PaymentRequestView>(`/payment-requests/${id(requestId)}`),
  reimbursements: (q: { fundId?: string; holder?: string; state?: string }) =>
    items<Reimbursement>('/reimbursements', q),
  settlements: (q: { sponsor?: string; state?: string }) => items<Settlement>('/settlements', q),
  /** The SEPA file as text, fetched from the node (it is made from the approved batch alone). */
  async sepaFile(settlementId: string): Promise<string> {
    const res = await fetch(`/v1/settlements/${id(settlementId)}/sepa-file`, {
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
