// State layout of the budgets module. Every key starts with "budgets/"; amounts are euro cents as
// decimal strings. Residents appear only as public keys: no names, no BSN, no IBAN.
import type { KVRead, KVWrite } from '../../app/kv.ts';
import { getJson, getSharedJson, listJson, putJson } from '../../app/typed-kv.ts';
import type { CARE_UNITS, OPERATORS } from './schemas.ts';

export type FundState = 'waiting' | 'active' | 'paused' | 'closed';
export type AmountSpec =
  | { kind: 'fixed'; cents: string }
  | { kind: 'formula'; baseCents: string; perChildCents: string }
  | { kind: 'custom'; minCents: string; maxCents: string };

export interface Criterion {
  record: string;
  operator: (typeof OPERATORS)[number];
  value: string;
}

export interface Fund {
  id: string;
  /** OIN of the sponsor organisation. */
  sponsor: string;
  name: string;
  kind: 'regular' | 'care';
  categories: string[];
  startDate: string;
  endDate: string;
  /** Start of the first day after endDate (UTC): from then on the fund is over. */
  endsAt: string;
  amount: AmountSpec;
  limits: { perPaymentCents?: string; perPersonCents?: string; totalCents?: string };
  switches: { bearerVouchers: boolean; reimbursements: boolean };
  criteria: Criterion[];
  validators: string[];
  lowBalanceCents?: string;
  state: FundState;
  createdAt: string;
  activatedAt?: string;
  closedAt?: string;
  closeReason?: string;
}

/**
 * Where the money of a fund is. Conservation: funded = balance + held + paid + reimbursed + returned.
 * `paid` is net of refunds; `allocated` counts every voucher issued (for the fund-total limit).
 */
export interface FundTotals {
  funded: string;
  balance: string;
  held: string;
  paid: string;
  reimbursed: string;
  returned: string;
  allocated: string;
  /** Sequence number of the last movement in the fund's journal. */
  seq: number;
}

export const ZERO_TOTALS: FundTotals = {
  funded: '0',
  balance: '0',
  held: '0',
  paid: '0',
  reimbursed: '0',
  returned: '0',
  allocated: '0',
  seq: 0,
};

/** The pools money moves between; "sponsor" is outside the fund (top-ups come from it, returns go to it). */
export type Pool = 'sponsor' | 'fund' | 'voucher' | 'provider' | 'resident';
export type MovementKind =
  | 'top_up'
  | 'allocation'
  | 'reservation'
  | 'payment'
  | 'refund'
  | 'reimbursement'
  | 'care_payment'
  | 'return';

/** One entry of a fund's journal: the basis of reports, statements and the conservation check. */
export interface Movement {
  seq: number;
  time: string;
  height: number;
  kind: MovementKind;
  from: Pool;
  to: Pool;
  amountCents: string;
  voucherId?: string;
  /** The other voucher of a reservation (the product voucher that received the money). */
  toVoucherId?: string;
  provider?: string;
  category?: string;
  /** Payment, reimbursement or other record the movement belongs to. */
  ref?: string;
  holder?: string;
}

export type ApplicationState = 'pending' | 'accepted' | 'rejected';
export interface FundProvider {
  fundId: string;
  provider: string;
  state: ApplicationState;
  /** Accepted categories; null = the whole budget. */
  categories: string[] | null;
  appliedAt: string;
  decidedAt?: string;
  reason?: string;
}

export interface BankAccount {
  oin: string;
  iban: string;
  accountName: string;
  bic?: string;
  setAt: string;
}

export type OfferState = 'pending' | 'approved' | 'withdrawn';
export interface Offer {
  id: string;
  fundId: string;
  provider: string;
  title: string;
  category: string;
  priceCents: string;
  paymentType: 'budget' | 'subsidy';
  /** subsidy: paid by the sponsor from the fund. */
  sponsorPartCents?: string;
  /** subsidy: paid by the resident at the counter (off the ledger, recorded for the books). */
  residentPartCents?: string;
  stock: number | null;
  perPersonLimit: number | null;
  totalLimit: number | null;
  /** Units sold or reserved (net of refunds and expired reservations). */
  sold: number;
  expiresAt: string | null;
  state: OfferState;
  createdAt: string;
  approvedAt?: string;
}

export interface CriterionResult extends Criterion {
  met: boolean;
}

export interface EligibilityRequest {
  id: string;
  fundId: string;
  requester: string;
  state: 'pending' | 'approved' | 'declined';
  submittedAt: string;
  decision?: {
    validator: string;
    criteria: CriterionResult[];
    evidenceHash: string;
    decidedAt: string;
    children?: number;
    amountCents?: string;
    voucherId?: string;
  };
}

/** A pre-validation or the code of a bearer voucher; stored under the hash of the code. */
export interface ActivationCode {
  codeHash: string;
  fundId: string;
  kind: 'prevalidation' | 'bearer';
  /** Bearer: the voucher the code claims. */
  voucherId?: string;
  /** Pre-validation: who vouched for the person behind the code. */
  validatedBy?: string;
  children?: number;
  amountCents?: string;
  addedAt: string;
  usedAt?: string;
  usedBy?: string;
}

export type VoucherState = 'active' | 'deactivated' | 'expired' | 'used';
export interface Voucher {
  id: string;
  fundId: string;
  sponsor: string;
  kind: 'budget' | 'product';
  /** The resident's key; absent while a bearer voucher is unclaimed. */
  holder?: string;
  codeHash?: string;
  amountCents: string;
  balanceCents: string;
  offerId?: string;
  parentVoucherId?: string;
  state: VoucherState;
  expiresAt: string;
  issuedAt: string;
  origin: 'sponsor' | 'request' | 'prevalidation' | 'reservation';
  /** Organisation that vouched for the holder's eligibility (validator of a request or pre-validation). */
  validatedBy?: string;
  requestId?: string;
  children?: number;
  claimedAt?: string;
  deactivatedAt?: string;
  deactivationReason?: string;
  endedAt?: string;
  /** Returned to the sponsor when it expired or its fund closed. */
  returnedCents?: string;
  /** The newest payment made with this voucher: the head of its chain (see payment-chains.ts). */
  lastPaymentId?: string;
}

/** Per resident and fund: the one budget voucher, and what was spent (for the per-person limit). */
export interface Person {
  budgetVoucherId?: string;
  spentCents: string;
  /** Money waiting in unredeemed product vouchers (counts against the per-person limit). */
  reservedCents: string;
}

export type PaymentKind = 'budget' | 'subsidy' | 'product' | 'care';
export interface Payment {
  id: string;
  fundId: string;
  sponsor: string;
  voucherId: string;
  holder: string;
  provider: string;
  category: string;
  kind: PaymentKind;
  /** Paid to the provider on the ledger: from the voucher, or (subsidy) the sponsor part from the fund. */
  amountCents: string;
  /** subsidy: what the resident paid at the counter. */
  residentPartCents?: string;
  offerId?: string;
  quantity?: number;
  requestId?: string;
  declarationId?: string;
  initiatedBy: 'resident' | 'provider';
  refundedCents: string;
  settlementId?: string;
  time: string;
  height: number;
  txHash: string;
  /** The voucher's previous payment: its payments are a chain from `Voucher.lastPaymentId`. */
  prevOfVoucher?: string;
  /** The provider's previous payment: its payments are a chain from `lastPaymentOfProvider`. */
  prevOfProvider?: string;
}

export interface PaymentRequest {
  id: string;
  voucherId: string;
  provider: string;
  holder: string;
  fundId: string;
  offerId?: string;
  quantity?: number;
  amountCents: string;
  category: string;
  state: 'pending' | 'confirmed' | 'declined' | 'canceled';
  createdAt: string;
  expiresAt: string;
  paymentId?: string;
  closedAt?: string;
}

export interface Reimbursement {
  id: string;
  voucherId: string;
  fundId: string;
  sponsor: string;
  holder: string;
  amountCents: string;
  category: string;
  receiptHash: string;
  state: 'pending' | 'approved' | 'declined';
  submittedAt: string;
  decidedAt?: string;
  reason?: string;
}

export interface CareMonth {
  declaredUnits: number;
  approvedUnits: number;
  approvedCents: string;
}
export interface CareContract {
  id: string;
  voucherId: string;
  fundId: string;
  holder: string;
  provider: string;
  category: string;
  unit: (typeof CARE_UNITS)[number];
  rateCents: string;
  maxUnitsPerMonth: number | null;
  startDate: string;
  endDate: string;
  state: 'proposed' | 'active' | 'ended';
  proposedAt: string;
  acceptedAt?: string;
  endedAt?: string;
  /** Units declared (pending + approved) and approved, per month "YYYY-MM". */
  months: Record<string, CareMonth>;
}

export interface CareDeclaration {
  id: string;
  contractId: string;
  voucherId: string;
  fundId: string;
  holder: string;
  provider: string;
  period: string;
  units: number;
  amountCents: string;
  careLogHash?: string;
  state: 'submitted' | 'approved' | 'rejected';
  submittedAt: string;
  decidedAt?: string;
  paymentId?: string;
  reason?: string;
}

export interface SettlementLine {
  provider: string;
  amountCents: string;
  payments: number;
  /** Snapshots taken at approval, so the SEPA file follows from the batch alone. */
  iban?: string;
  accountName?: string;
  bic?: string;
}
export interface Settlement {
  id: string;
  sponsor: string;
  fundId?: string;
  state: 'draft' | 'approved' | 'paid' | 'canceled';
  executionDate: string;
  totalCents: string;
  lines: SettlementLine[];
  paymentIds: string[];
  createdAt: string;
  createdBy: string;
  approvedAt?: string;
  approvedBy?: string;
  debtor?: { iban: string; accountName: string; bic?: string };
  paidAt?: string;
  bankReference?: string;
  canceledAt?: string;
}

const P = 'budgets/';
export const keys = {
  fund: (id: string) => `${P}fund/${id}`,
  fundPrefix: `${P}fund/`,
  fundsOfSponsor: (sponsor: string, id: string) => `${P}sf/${sponsor}/${id}`,
  fundsOfSponsorPrefix: (sponsor: string) => `${P}sf/${sponsor}/`,
  totals: (fundId: string) => `${P}ftot/${fundId}`,
  journal: (fundId: string, seq: number) => `${P}j/${fundId}/${String(seq).padStart(12, '0')}`,
  journalPrefix: (fundId: string) => `${P}j/${fundId}/`,
  fundEnd: (endsAt: string, fundId: string) => `${P}fend/${endsAt}/${fundId}`,
  fundEndPrefix: `${P}fend/`,
  application: (fundId: string, provider: string) => `${P}fp/${fundId}/${provider}`,
  applicationPrefix: (fundId: string) => `${P}fp/${fundId}/`,
  applicationsOfProvider: (provider: string, fundId: string) => `${P}pf/${provider}/${fundId}`,
  applicationsOfProviderPrefix: (provider: string) => `${P}pf/${provider}/`,
  bank: (oin: string) => `${P}bank/${oin}`,
  offer: (id: string) => `${P}offer/${id}`,
  offerPrefix: `${P}offer/`,
  offersOfFund: (fundId: string, id: string) => `${P}fo/${fundId}/${id}`,
  offersOfFundPrefix: (fundId: string) => `${P}fo/${fundId}/`,
  offersOfProvider: (provider: string, id: string) => `${P}po/${provider}/${id}`,
  offersOfProviderPrefix: (provider: string) => `${P}po/${provider}/`,
  offerUse: (offerId: string, holder: string) => `${P}ouse/${offerId}/${holder}`,
  request: (id: string) => `${P}req/${id}`,
  requestPrefix: `${P}req/`,
  requestsOfFund: (fundId: string, id: string) => `${P}freq/${fundId}/${id}`,
  requestsOfFundPrefix: (fundId: string) => `${P}freq/${fundId}/`,
  requestsOfRequester: (requester: string, id: string) => `${P}rreq/${requester}/${id}`,
  requestsOfRequesterPrefix: (requester: string) => `${P}rreq/${requester}/`,
  code: (codeHash: string) => `${P}code/${codeHash}`,
  voucher: (id: string) => `${P}v/${id}`,
  voucherPrefix: `${P}v/`,
  vouchersOfHolder: (holder: string, id: string) => `${P}vh/${holder}/${id}`,
  vouchersOfHolderPrefix: (holder: string) => `${P}vh/${holder}/`,
  vouchersOfFund: (fundId: string, id: string) => `${P}fv/${fundId}/${id}`,
  vouchersOfFundPrefix: (fundId: string) => `${P}fv/${fundId}/`,
  expiry: (expiresAt: string, id: string) => `${P}exp/${expiresAt}/${id}`,
  expiryPrefix: `${P}exp/`,
  person: (fundId: string, holder: string) => `${P}person/${fundId}/${holder}`,
  payment: (id: string) => `${P}pay/${id}`,
  paymentPrefix: `${P}pay/`,
  lastPaymentOfProvider: (provider: string) => `${P}plast/${provider}`,
  settledThrough: (fundId: string) => `${P}fsettled/${fundId}`,
  reopened: (sponsor: string, id: string) => `${P}reopened/${sponsor}/${id}`,
  reopenedPrefix: (sponsor: string) => `${P}reopened/${sponsor}/`,
  paymentRequest: (id: string) => `${P}preq/${id}`,
  paymentRequestsOfHolder: (holder: string, id: string) => `${P}hpreq/${holder}/${id}`,
  paymentRequestsOfHolderPrefix: (holder: string) => `${P}hpreq/${holder}/`,
  reimbursement: (id: string) => `${P}reimb/${id}`,
  reimbursementPrefix: `${P}reimb/`,
  reimbursementsOfFund: (fundId: string, id: string) => `${P}freimb/${fundId}/${id}`,
  reimbursementsOfFundPrefix: (fundId: string) => `${P}freimb/${fundId}/`,
  reimbursementsOfHolder: (holder: string, id: string) => `${P}hreimb/${holder}/${id}`,
  reimbursementsOfHolderPrefix: (holder: string) => `${P}hreimb/${holder}/`,
  contract: (id: string) => `${P}cc/${id}`,
  contractsOfVoucher: (voucherId: string, id: string) => `${P}vcc/${voucherId}/${id}`,
  contractsOfVoucherPrefix: (voucherId: string) => `${P}vcc/${voucherId}/`,
  contractsOfProvider: (provider: string, id: string) => `${P}pcc/${provider}/${id}`,
  contractsOfProviderPrefix: (provider: string) => `${P}pcc/${provider}/`,
  declaration: (id: string) => `${P}cd/${id}`,
  declarationsOfContract: (contractId: string, id: string) => `${P}ccd/${contractId}/${id}`,
  declarationsOfContractPrefix: (contractId: string) => `${P}ccd/${contractId}/`,
  settlement: (id: string) => `${P}set/${id}`,
  settlementPrefix: `${P}set/`,
  settlementsOfSponsor: (sponsor: string, id: string) => `${P}sset/${sponsor}/${id}`,
  settlementsOfSponsorPrefix: (sponsor: string) => `${P}sset/${sponsor}/`,
};

export const getFund = (kv: KVRead, id: string) => getSharedJson<Fund>(kv, keys.fund(id));
export const putFund = (kv: KVWrite, f: Fund) => putJson(kv, keys.fund(f.id), f);
export const getTotals = (kv: KVRead, fundId: string) =>
  getJson<FundTotals>(kv, keys.totals(fundId)) ?? { ...ZERO_TOTALS };
export const getApplication = (kv: KVRead, fundId: string, provider: string) =>
  getSharedJson<FundProvider>(kv, keys.application(fundId, provider));
export const getBank = (kv: KVRead, oin: string) => getJson<BankAccount>(kv, keys.bank(oin));
export const getOffer = (kv: KVRead, id: string) => getSharedJson<Offer>(kv, keys.offer(id));
export const putOffer = (kv: KVWrite, o: Offer) => putJson(kv, keys.offer(o.id), o);
export const getRequest = (kv: KVRead, id: string) => getJson<EligibilityRequest>(kv, keys.request(id));
export const getCode = (kv: KVRead, hash: string) => getJson<ActivationCode>(kv, keys.code(hash));
export const getVoucher = (kv: KVRead, id: string) => getSharedJson<Voucher>(kv, keys.voucher(id));
export const putVoucher = (kv: KVWrite, v: Voucher) => putJson(kv, keys.voucher(v.id), v);
export const getPerson = (kv: KVRead, fundId: string, holder: string): Person =>
  getSharedJson<Person>(kv, keys.person(fundId, holder)) ?? { spentCents: '0', reservedCents: '0' };
export const putPerson = (kv: KVWrite, fundId: string, holder: string, p: Person) =>
  putJson(kv, keys.person(fundId, holder), p);
export const getPayment = (kv: KVRead, id: string) => getJson<Payment>(kv, keys.payment(id));
export const putPayment = (kv: KVWrite, p: Payment) => putJson(kv, keys.payment(p.id), p);
export const getPaymentRequest = (kv: KVRead, id: string) =>
  getJson<PaymentRequest>(kv, keys.paymentRequest(id));
export const getReimbursement = (kv: KVRead, id: string) =>
  getJson<Reimbursement>(kv, keys.reimbursement(id));
export const getContract = (kv: KVRead, id: string) => getJson<CareContract>(kv, keys.contract(id));
export const getDeclaration = (kv: KVRead, id: string) => getJson<CareDeclaration>(kv, keys.declaration(id));
export const getSettlement = (kv: KVRead, id: string) => getJson<Settlement>(kv, keys.settlement(id));

/** Values of an index whose keys end in an id: the records themselves, in key order. */
export function* indexed<T>(kv: KVRead, prefix: string, load: (id: string) => T | undefined): Iterable<T> {
  for (const [k] of kv.iterate(prefix)) {
    const rec = load(k.slice(prefix.length));
    if (rec !== undefined) yield rec;
  }
}

export function listAll<T>(kv: KVRead, prefix: string): T[] {
  return [...listJson<T>(kv, prefix)].map(([, v]) => v);
}
