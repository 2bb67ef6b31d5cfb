// Read-only views for the API, the CLI, the demo and tests. Each is a function of committed state.
import type { KVRead } from '../../app/kv.ts';

import { paymentsOfProvider, paymentsOfVoucher } from './payment-chains.ts';
import {
  type CareStatement,
  careStatementLine,
  fundSummary,
  type GroupBy,
  journalOf,
  type Period,
  spendingReport,
} from './reports.ts';
import {
  type CareContract,
  type CareDeclaration,
  type EligibilityRequest,
  type Fund,
  type FundProvider,
  type FundTotals,
  getApplication,
  getContract,
  getDeclaration,
  getFund,
  getOffer,
  getPayment,
  getPaymentRequest,
  getReimbursement,
  getRequest,
  getSettlement,
  getTotals,
  getVoucher,
  indexed,
  keys,
  listAll,
  type Offer,
  type Payment,
  type PaymentRequest,
  type Reimbursement,
  type Settlement,
  type Voucher,
} from './state.ts';

export interface FundView extends Fund {
  totals: FundTotals;
}

export function fundView(kv: KVRead, id: string): FundView | undefined {
  const f = getFund(kv, id);
  return f ? { ...f, totals: getTotals(kv, id) } : undefined;
}

export function listFunds(
  kv: KVRead,
  filter: { sponsor?: string | undefined; state?: string | undefined } = {},
): FundView[] {
  const funds =
    filter.sponsor !== undefined
      ? [...indexed(kv, keys.fundsOfSponsorPrefix(filter.sponsor), (id) => getFund(kv, id))]
      : listAll<Fund>(kv, keys.fundPrefix);
  return funds
    .filter((f) => filter.state === undefined || f.state === filter.state)
    .map((f) => ({ ...f, totals: getTotals(kv, f.id) }));
}

export function fundProviders(kv: KVRead, fundId: string, state?: string): FundProvider[] {
  return listAll<FundProvider>(kv, keys.applicationPrefix(fundId)).filter(
    (a) => state === undefined || a.state === state,
  );
}

/** A provider's applications, each with the fund's dates and amounts (what providers asked to see). */
export function applicationsOfProvider(kv: KVRead, provider: string): Array<FundProvider & { fund: Fund }> {
  const out: Array<FundProvider & { fund: Fund }> = [];
  const prefix = keys.applicationsOfProviderPrefix(provider);
  for (const [k] of kv.iterate(prefix)) {
    const fundId = k.slice(prefix.length);
    const app = getApplication(kv, fundId, provider);
    const fund = getFund(kv, fundId);
    if (app && fund) out.push({ ...app, fund });
  }
  return out;
}

export function listOffers(
  kv: KVRead,
  f: {
    fundId?: string | undefined;
    provider?: string | undefined;
    category?: string | undefined;
    state?: string | undefined;
  } = {},
): Offer[] {
  const offers =
    f.fundId !== undefined
      ? [...indexed(kv, keys.offersOfFundPrefix(f.fundId), (id) => getOffer(kv, id))]
      : f.provider !== undefined
        ? [...indexed(kv, keys.offersOfProviderPrefix(f.provider), (id) => getOffer(kv, id))]
        : listAll<Offer>(kv, keys.offerPrefix);
  return offers.filter(
    (o) =>
      (f.provider === undefined || o.provider === f.provider) &&
      (f.category === undefined || o.category === f.category) &&
      (f.state === undefined || o.state === f.state),
  );
}

export function listVouchers(
  kv: KVRead,
  f: { holder?: string | undefined; fundId?: string | undefined } = {},
): Voucher[] {
  let list: Voucher[];
  if (f.holder !== undefined)
    list = [...indexed(kv, keys.vouchersOfHolderPrefix(f.holder), (id) => getVoucher(kv, id))];
  else if (f.fundId !== undefined)
    list = [...indexed(kv, keys.vouchersOfFundPrefix(f.fundId), (id) => getVoucher(kv, id))];
  else list = listAll<Voucher>(kv, keys.voucherPrefix);
  return list.filter((v) => f.fundId === undefined || v.fundId === f.fundId);
}

export function listPayments(
  kv: KVRead,
  f: {
    voucherId?: string | undefined;
    provider?: string | undefined;
    fundId?: string | undefined;
    settlementId?: string | undefined;
  } = {},
): Payment[] {
  let list: Payment[];
  if (f.voucherId !== undefined) list = [...paymentsOfVoucher(kv, f.voucherId)];
  else if (f.provider !== undefined) list = [...paymentsOfProvider(kv, f.provider)];
  else if (f.fundId !== undefined) list = paymentsOfFund(kv, f.fundId);
  else if (f.settlementId !== undefined) {
    const s = getSettlement(kv, f.settlementId);
    list = (s?.paymentIds ?? []).map((id) => getPayment(kv, id)).filter((p): p is Payment => p !== undefined);
  } else list = listAll<Payment>(kv, keys.paymentPrefix);
  return list
    .filter(
      (p) =>
        (f.provider === undefined || p.provider === f.provider) &&
        (f.fundId === undefined || p.fundId === f.fundId) &&
        (f.settlementId === undefined || p.settlementId === f.settlementId),
    )
    .sort((a, b) => a.height - b.height || (a.id < b.id ? -1 : 1));
}

/** The payments of a fund, found through its journal (each payment is a movement there). */
function paymentsOfFund(kv: KVRead, fundId: string): Payment[] {
  const ids = new Set<string>();
  for (const m of journalOf(kv, fundId))
    if ((m.kind === 'payment' || m.kind === 'care_payment') && m.ref) ids.add(m.ref);
  return [...ids].map((id) => getPayment(kv, id)).filter((p): p is Payment => p !== undefined);
}

/** A payment request, with "expired" shown once its confirmation window has passed. */
export function paymentRequestView(
  kv: KVRead,
  id: string,
  now: string,
): (PaymentRequest & { effectiveState: string }) | undefined {
  const r = getPaymentRequest(kv, id);
  if (!r) return undefined;
  return { ...r, effectiveState: r.state === 'pending' && now >= r.expiresAt ? 'expired' : r.state };
}

/** The payment requests sent to a resident (the app shows the open ones to confirm). */
export function paymentRequestsOf(
  kv: KVRead,
  holder: string,
  now: string,
): Array<PaymentRequest & { effectiveState: string }> {
  const prefix = keys.paymentRequestsOfHolderPrefix(holder);
  return [...kv.iterate(prefix)]
    .map(([k]) => paymentRequestView(kv, k.slice(prefix.length), now))
    .filter((r): r is PaymentRequest & { effectiveState: string } => r !== undefined);
}

/** Money movements of one voucher (into and out of it), oldest first. */
export function voucherMovements(kv: KVRead, voucherId: string) {
  const v = getVoucher(kv, voucherId);
  if (!v) return [];
  return journalOf(kv, v.fundId).filter((m) => m.voucherId === voucherId || m.toVoucherId === voucherId);
}

export function listRequests(
  kv: KVRead,
  f: { fundId?: string | undefined; requester?: string | undefined; state?: string | undefined } = {},
): EligibilityRequest[] {
  const list =
    f.requester !== undefined
      ? [...indexed(kv, keys.requestsOfRequesterPrefix(f.requester), (id) => getRequest(kv, id))]
      : f.fundId !== undefined
        ? [...indexed(kv, keys.requestsOfFundPrefix(f.fundId), (id) => getRequest(kv, id))]
        : listAll<EligibilityRequest>(kv, keys.requestPrefix);
  return list.filter(
    (r) =>
      (f.fundId === undefined || r.fundId === f.fundId) &&
      (f.requester === undefined || r.requester === f.requester) &&
      (f.state === undefined || r.state === f.state),
  );
}

export function listReimbursements(
  kv: KVRead,
  f: { fundId?: string | undefined; holder?: string | undefined; state?: string | undefined } = {},
): Reimbursement[] {
  const list =
    f.holder !== undefined
      ? [...indexed(kv, keys.reimbursementsOfHolderPrefix(f.holder), (id) => getReimbursement(kv, id))]
      : f.fundId !== undefined
        ? [...indexed(kv, keys.reimbursementsOfFundPrefix(f.fundId), (id) => getReimbursement(kv, id))]
        : listAll<Reimbursement>(kv, keys.reimbursementPrefix);
  return list.filter(
    (r) =>
      (f.fundId === undefined || r.fundId === f.fundId) &&
      (f.holder === undefined || r.holder === f.holder) &&
      (f.state === undefined || r.state === f.state),
  );
}

/** The care contracts a provider is party to, in contract-id order. */
export function contractsOfProvider(kv: KVRead, provider: string): CareContract[] {
  return [...indexed(kv, keys.contractsOfProviderPrefix(provider), (id) => getContract(kv, id))];
}

export function contractsOfVoucher(kv: KVRead, voucherId: string): CareContract[] {
  return [...indexed(kv, keys.contractsOfVoucherPrefix(voucherId), (id) => getContract(kv, id))];
}

export function declarationsOfContract(kv: KVRead, contractId: string): CareDeclaration[] {
  return [...indexed(kv, keys.declarationsOfContractPrefix(contractId), (id) => getDeclaration(kv, id))];
}

export interface CareBudgetView {
  voucher: Voucher;
  fund: Fund;
  contracts: Array<CareContract & { declarations: CareDeclaration[] }>;
}

export function careBudgetView(kv: KVRead, voucherId: string): CareBudgetView | undefined {
  const voucher = getVoucher(kv, voucherId);
  const fund = voucher && getFund(kv, voucher.fundId);
  if (!voucher || !fund || fund.kind !== 'care') return undefined;
  const contracts = contractsOfVoucher(kv, voucherId).map((c) => ({
    ...c,
    declarations: declarationsOfContract(kv, c.id),
  }));
  return { voucher, fund, contracts };
}

export function careBudgetsOf(kv: KVRead, holder: string): CareBudgetView[] {
  return listVouchers(kv, { holder })
    .map((v) => careBudgetView(kv, v.id))
    .filter((v): v is CareBudgetView => v !== undefined);
}

/** Monthly statement of a holder's care budgets (PGB: what the payer sends the holder each month). */
export function careStatement(kv: KVRead, holder: string, period: string, voucherId?: string): CareStatement {
  const budgets = careBudgetsOf(kv, holder)
    .filter((b) => voucherId === undefined || b.voucher.id === voucherId)
    .map((b) =>
      careStatementLine(
        b.voucher,
        journalOf(kv, b.fund.id),
        b.contracts.flatMap((c) => c.declarations),
        period,
      ),
    );
  return { holder, period, budgets };
}

export function listSettlements(
  kv: KVRead,
  f: { sponsor?: string | undefined; state?: string | undefined } = {},
): Settlement[] {
  const list =
    f.sponsor !== undefined
      ? [...indexed(kv, keys.settlementsOfSponsorPrefix(f.sponsor), (id) => getSettlement(kv, id))]
      : listAll<Settlement>(kv, keys.settlementPrefix);
  return list.filter((s) => f.state === undefined || s.state === f.state);
}

export function fundReport(kv: KVRead, fundId: string, by: GroupBy, period: Period = {}) {
  const movements = journalOf(kv, fundId, period);
  return {
    fundId,
    groupBy: by,
    summary: fundSummary(movements, period),
    rows: spendingReport(movements, by),
  };
}

export function offerView(kv: KVRead, id: string): Offer | undefined {
  return getOffer(kv, id);
}
