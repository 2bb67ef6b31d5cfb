// Client helpers of the budgets module: funds, providers, offers, eligibility, vouchers, payments
// (and QR payment requests), reimbursements, care budgets and settlements. Reads are GETs of
// /v1/funds, /v1/offers, /v1/vouchers, ...; writes are the module's signed budgets.* messages.
//   await client.budgets.fund('stadspas')                                       GET /v1/funds/{id}
//   await client.budgets.pay(residentKey, { paymentId, voucherId, provider, offerId })  budgets.pay
// Downloads (CSV with format=csv, the SEPA file at /v1/settlements/{id}/sepa-file) are plain GETs
// of those URLs.
import type { z } from 'zod';
import type { CareBudgetView, FundView } from '../../modules/budgets/queries.ts';
import type { FundSummary, GroupBy, ReportRow } from '../../modules/budgets/reports.ts';
import type * as S from '../../modules/budgets/schemas.ts';
import type {
  CareContract,
  CareDeclaration,
  EligibilityRequest,
  FundProvider,
  Movement,
  Offer,
  Payment,
  PaymentRequest,
  Reimbursement,
  Settlement,
  Voucher,
} from '../../modules/budgets/state.ts';
import { type MessageSender, type ModuleClientContext, messageSender } from '../message-sender.ts';

export type {
  CareBudgetView,
  CareContract,
  CareDeclaration,
  EligibilityRequest,
  FundProvider,
  FundView,
  Movement,
  Offer,
  Payment,
  PaymentRequest,
  Reimbursement,
  Settlement,
  Voucher,
};

type In<T extends z.ZodType> = z.input<T>;
/** Every list of the budgets API: all matches in one page. */
export interface List<T> {
  items: T[];
  next: null;
}
export interface FundReport {
  fundId: string;
  groupBy: GroupBy;
  summary: FundSummary;
  rows: ReportRow[];
}
export interface CareStatementView {
  holder: string;
  period: string;
  budgets: Array<{
    voucherId: string;
    fundId: string;
    openingCents: string;
    allocatedCents: string;
    carePaidCents: string;
    refundedCents: string;
    returnedCents: string;
    closingCents: string;
    declarations: Array<
      Pick<CareDeclaration, 'id' | 'contractId' | 'provider' | 'units' | 'amountCents' | 'state'>
    >;
  }>;
}
export type Period = { from?: string; to?: string };

export interface BudgetsClient {
  // reads
  funds(q?: {
    sponsor?: string;
    provider?: string;
    state?: string;
  }): Promise<List<FundView & { application?: FundProvider }>>;
  fund(id: string): Promise<FundView>;
  fundProviders(fundId: string, state?: string): Promise<List<FundProvider>>;
  fundProvider(fundId: string, oin: string): Promise<FundProvider>;
  fundReport(fundId: string, q?: Period & { groupBy?: GroupBy }): Promise<FundReport>;
  fundMovements(fundId: string, q?: Period): Promise<List<Movement & { fundId: string }>>;
  eligibilityRequests(fundId: string, state?: string): Promise<List<EligibilityRequest>>;
  eligibilityRequest(id: string): Promise<EligibilityRequest>;
  /** The requests one resident's key submitted, with their decisions. */
  eligibilityRequestsOf(requester: string, state?: string): Promise<List<EligibilityRequest>>;
  offers(q?: { fundId?: string; provider?: string; category?: string; state?: string }): Promise<List<Offer>>;
  offer(id: string): Promise<Offer>;
  vouchers(q: { holder?: string; fundId?: string }): Promise<List<Voucher>>;
  voucher(id: string): Promise<Voucher>;
  voucherMovements(id: string): Promise<List<Movement & { fundId: string }>>;
  payments(q: {
    voucherId?: string;
    provider?: string;
    fundId?: string;
    settlementId?: string;
  }): Promise<List<Payment>>;
  payment(id: string): Promise<Payment>;
  paymentRequests(holder: string, state?: string): Promise<List<PaymentRequest & { effectiveState: string }>>;
  paymentRequest(id: string): Promise<PaymentRequest & { effectiveState: string }>;
  reimbursements(q?: { fundId?: string; holder?: string; state?: string }): Promise<List<Reimbursement>>;
  reimbursement(id: string): Promise<Reimbursement>;
  careBudgets(holder: string): Promise<List<CareBudgetView>>;
  careBudget(id: string): Promise<CareBudgetView>;
  careStatement(id: string, period: string): Promise<CareStatementView>;
  careContract(id: string): Promise<CareContract & { declarations: CareDeclaration[] }>;
  /** The care contracts a care provider (OIN) is party to, with their declarations. */
  careContractsOf(provider: string): Promise<List<CareContract & { declarations: CareDeclaration[] }>>;
  careDeclaration(id: string): Promise<CareDeclaration>;
  settlements(q?: { sponsor?: string; state?: string }): Promise<List<Settlement>>;
  settlement(id: string): Promise<Settlement>;
  settlementPayments(id: string): Promise<List<Payment>>;
  bankAccount(
    oin: string,
  ): Promise<{ oin: string; iban: string; accountName: string; bic?: string; setAt: string }>;
  // writes
  createFund: MessageSender<In<typeof S.createFundSchema>>;
  topUpFund: MessageSender<In<typeof S.topUpFundSchema>>;
  activateFund: MessageSender<In<typeof S.fundRefSchema>>;
  pauseFund: MessageSender<In<typeof S.fundRefSchema>>;
  closeFund: MessageSender<In<typeof S.closeFundSchema>>;
  setBankAccount: MessageSender<In<typeof S.bankAccountSchema>>;
  applyToFund: MessageSender<In<typeof S.applySchema>>;
  decideProvider: MessageSender<In<typeof S.decideProviderSchema>>;
  createOffer: MessageSender<In<typeof S.createOfferSchema>>;
  approveOffer: MessageSender<In<typeof S.offerRefSchema>>;
  updateOffer: MessageSender<In<typeof S.updateOfferSchema>>;
  withdrawOffer: MessageSender<In<typeof S.offerRefSchema>>;
  requestEligibility: MessageSender<In<typeof S.requestEligibilitySchema>>;
  decideEligibility: MessageSender<In<typeof S.decideEligibilitySchema>>;
  addPrevalidations: MessageSender<In<typeof S.addPrevalidationsSchema>>;
  redeemPrevalidation: MessageSender<In<typeof S.redeemPrevalidationSchema>>;
  issueVoucher: MessageSender<In<typeof S.issueVoucherSchema>>;
  claimVoucher: MessageSender<In<typeof S.claimVoucherSchema>>;
  deactivateVoucher: MessageSender<In<typeof S.voucherRefSchema>>;
  reactivateVoucher: MessageSender<In<typeof S.voucherRefSchema>>;
  createProductVoucher: MessageSender<In<typeof S.createProductVoucherSchema>>;
  pay: MessageSender<In<typeof S.paySchema>>;
  requestPayment: MessageSender<In<typeof S.requestPaymentSchema>>;
  confirmPaymentRequest: MessageSender<In<typeof S.confirmPaymentRequestSchema>>;
  declinePaymentRequest: MessageSender<In<typeof S.declinePaymentRequestSchema>>;
  redeemProductVoucher: MessageSender<In<typeof S.redeemProductVoucherSchema>>;
  refundPayment: MessageSender<In<typeof S.refundSchema>>;
  submitReimbursement: MessageSender<In<typeof S.submitReimbursementSchema>>;
  decideReimbursement: MessageSender<In<typeof S.decideReimbursementSchema>>;
  createCareContract: MessageSender<In<typeof S.createCareContractSchema>>;
  acceptCareContract: MessageSender<In<typeof S.contractRefSchema>>;
  endCareContract: MessageSender<In<typeof S.contractRefSchema>>;
  declareCare: MessageSender<In<typeof S.declareCareSchema>>;
  decideCareDeclaration: MessageSender<In<typeof S.decideCareDeclarationSchema>>;
  createSettlement: MessageSender<In<typeof S.createSettlementSchema>>;
  approveSettlement: MessageSender<In<typeof S.settlementRefSchema>>;
  cancelSettlement: MessageSender<In<typeof S.settlementRefSchema>>;
  markSettlementPaid: MessageSender<In<typeof S.markSettlementPaidSchema>>;
}

/** Helper name → message type; the names follow the messages (create_fund → createFund). */
export const BUDGET_MESSAGE_TYPES = {
  createFund: 'budgets.create_fund',
  topUpFund: 'budgets.top_up_fund',
  activateFund: 'budgets.activate_fund',
  pauseFund: 'budgets.pause_fund',
  closeFund: 'budgets.close_fund',
  setBankAccount: 'budgets.set_bank_account',
  applyToFund: 'budgets.apply_to_fund',
  decideProvider: 'budgets.decide_provider',
  createOffer: 'budgets.create_offer',
  approveOffer: 'budgets.approve_offer',
  updateOffer: 'budgets.update_offer',
  withdrawOffer: 'budgets.withdraw_offer',
  requestEligibility: 'budgets.request_eligibility',
  decideEligibility: 'budgets.decide_eligibility',
  addPrevalidations: 'budgets.add_prevalidations',
  redeemPrevalidation: 'budgets.redeem_prevalidation',
  issueVoucher: 'budgets.issue_voucher',
  claimVoucher: 'budgets.claim_voucher',
  deactivateVoucher: 'budgets.deactivate_voucher',
  reactivateVoucher: 'budgets.reactivate_voucher',
  createProductVoucher: 'budgets.create_product_voucher',
  pay: 'budgets.pay',
  requestPayment: 'budgets.request_payment',
  confirmPaymentRequest: 'budgets.confirm_payment_request',
  declinePaymentRequest: 'budgets.decline_payment_request',
  redeemProductVoucher: 'budgets.redeem_product_voucher',
  refundPayment: 'budgets.refund_payment',
  submitReimbursement: 'budgets.submit_reimbursement',
  decideReimbursement: 'budgets.decide_reimbursement',
  createCareContract: 'budgets.create_care_contract',
  acceptCareContract: 'budgets.accept_care_contract',
  endCareContract: 'budgets.end_care_contract',
  declareCare: 'budgets.declare_care',
  decideCareDeclaration: 'budgets.decide_care_declaration',
  createSettlement: 'budgets.create_settlement',
  approveSettlement: 'budgets.approve_settlement',
  cancelSettlement: 'budgets.cancel_settlement',
  markSettlementPaid: 'budgets.mark_settlement_paid',
} as const;

const e = encodeURIComponent;

export function budgetsClient(ctx: ModuleClientContext): BudgetsClient {
  const senders = Object.fromEntries(
    Object.entries(BUDGET_MESSAGE_TYPES).map(([name, type]) => [name, messageSender(ctx, type)]),
  ) as { [K in keyof typeof BUDGET_MESSAGE_TYPES]: BudgetsClient[K] };
  return {
    funds: (q = {}) => ctx.get('/funds', q),
    fund: (id) => ctx.get(`/funds/${e(id)}`),
    fundProviders: (fundId, state) => ctx.get(`/funds/${e(fundId)}/providers`, { state }),
    fundProvider: (fundId, oin) => ctx.get(`/funds/${e(fundId)}/providers/${e(oin)}`),
    fundReport: (fundId, q = {}) => ctx.get(`/funds/${e(fundId)}/report`, q),
    fundMovements: (fundId, q = {}) => ctx.get(`/funds/${e(fundId)}/movements`, q),
    eligibilityRequests: (fundId, state) => ctx.get(`/funds/${e(fundId)}/eligibility-requests`, { state }),
    eligibilityRequest: (id) => ctx.get(`/eligibility-requests/${e(id)}`),
    eligibilityRequestsOf: (requester, state) => ctx.get('/eligibility-requests', { requester, state }),
    offers: (q = {}) => ctx.get('/offers', q),
    offer: (id) => ctx.get(`/offers/${e(id)}`),
    vouchers: (q) => ctx.get('/vouchers', q),
    voucher: (id) => ctx.get(`/vouchers/${e(id)}`),
    voucherMovements: (id) => ctx.get(`/vouchers/${e(id)}/movements`),
    payments: (q) => ctx.get('/payments', q),
    payment: (id) => ctx.get(`/payments/${e(id)}`),
    paymentRequests: (holder, state) => ctx.get('/payment-requests', { holder, state }),
    paymentRequest: (id) => ctx.get(`/payment-requests/${e(id)}`),
    reimbursements: (q = {}) => ctx.get('/reimbursements', q),
    reimbursement: (id) => ctx.get(`/reimbursements/${e(id)}`),
    careBudgets: (holder) => ctx.get('/care-budgets', { holder }),
    careBudget: (id) => ctx.get(`/care-budgets/${e(id)}`),
    careStatement: (id, period) => ctx.get(`/care-budgets/${e(id)}/statements/${e(period)}`),
    careContract: (id) => ctx.get(`/care-contracts/${e(id)}`),
    careContractsOf: (provider) => ctx.get('/care-contracts', { provider }),
    careDeclaration: (id) => ctx.get(`/care-declarations/${e(id)}`),
    settlements: (q = {}) => ctx.get('/settlements', q),
    settlement: (id) => ctx.get(`/settlements/${e(id)}`),
    settlementPayments: (id) => ctx.get(`/settlements/${e(id)}/payments`),
    bankAccount: (oin) => ctx.get(`/bank-accounts/${e(oin)}`),
    ...senders,
  };
}
