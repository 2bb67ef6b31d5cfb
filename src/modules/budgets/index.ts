// Earmarked budgets: funds of a sponsor, providers accepted per category, offers, eligibility
// decisions and pre-validations, vouchers, payments, reimbursements, care budgets, settlement
// batches with SEPA export, reports - and money that is conserved at every height.
import type { KVRead } from '../../app/kv.ts';
import type { Module } from '../../app/module.ts';
import {
  acceptCareContract,
  createCareContract,
  decideCareDeclaration,
  declareCare,
  endCareContract,
} from './care.ts';
import {
  addPrevalidations,
  decideEligibility,
  redeemPrevalidation,
  requestEligibility,
} from './eligibility.ts';
import { BudgetErrors } from './errors.ts';
import { activateFund, closeFund, createFund, expireDue, pauseFund, topUpFund } from './funds.ts';
import { approveOffer, createOffer, updateOffer, withdrawOffer } from './offers.ts';
import {
  confirmPaymentRequest,
  declinePaymentRequest,
  pay,
  redeemProductVoucher,
  refundPayment,
  requestPayment,
} from './payments.ts';
import { applyToFund, decideProvider, setBankAccount } from './providers.ts';
import {
  careBudgetView,
  careStatement,
  fundProviders,
  fundReport,
  fundView,
  listFunds,
  listOffers,
  listPayments,
  listSettlements,
  listVouchers,
} from './queries.ts';
import { decideReimbursement, submitReimbursement } from './reimbursements.ts';
import { GROUP_BY, type GroupBy } from './reports.ts';
import { approveSettlement, cancelSettlement, createSettlement, markSettlementPaid } from './settlements.ts';
import { getPayment, getReimbursement, getSettlement, getVoucher } from './state.ts';
import {
  claimVoucher,
  createProductVoucher,
  deactivateVoucher,
  issueVoucher,
  reactivateVoucher,
} from './vouchers.ts';

export const BUDGET_MESSAGES = [
  createFund,
  topUpFund,
  activateFund,
  pauseFund,
  closeFund,
  setBankAccount,
  applyToFund,
  decideProvider,
  createOffer,
  approveOffer,
  updateOffer,
  withdrawOffer,
  requestEligibility,
  decideEligibility,
  addPrevalidations,
  redeemPrevalidation,
  issueVoucher,
  claimVoucher,
  deactivateVoucher,
  reactivateVoucher,
  createProductVoucher,
  pay,
  requestPayment,
  confirmPaymentRequest,
  declinePaymentRequest,
  redeemProductVoucher,
  refundPayment,
  submitReimbursement,
  decideReimbursement,
  createCareContract,
  acceptCareContract,
  endCareContract,
  declareCare,
  decideCareDeclaration,
  createSettlement,
  approveSettlement,
  cancelSettlement,
  markSettlementPaid,
];

const orNull = <T>(v: T | undefined) => v ?? null;
const groupOf = (s: string | undefined): GroupBy =>
  (GROUP_BY as readonly string[]).includes(s ?? '') ? (s as GroupBy) : 'category';

export const budgetsModule: Module = {
  name: 'budgets',
  messages: BUDGET_MESSAGES,
  errors: [BudgetErrors],
  endBlock: expireDue,
  queries: {
    funds: (kv: KVRead, p) => listFunds(kv, { sponsor: p.sponsor, state: p.state }),
    fund: (kv, p) => orNull(fundView(kv, p.id ?? '')),
    providers: (kv, p) => fundProviders(kv, p.fundId ?? '', p.state),
    offers: (kv, p) => listOffers(kv, { fundId: p.fundId, provider: p.provider, category: p.category }),
    vouchers: (kv, p) => listVouchers(kv, { holder: p.holder, fundId: p.fundId }),
    voucher: (kv, p) => orNull(getVoucher(kv, p.id ?? '')),
    payments: (kv, p) => listPayments(kv, { voucherId: p.voucherId, provider: p.provider, fundId: p.fundId }),
    payment: (kv, p) => orNull(getPayment(kv, p.id ?? '')),
    reimbursement: (kv, p) => orNull(getReimbursement(kv, p.id ?? '')),
    care_budget: (kv, p) => orNull(careBudgetView(kv, p.id ?? '')),
    care_statement: (kv, p) => careStatement(kv, p.holder ?? '', p.period ?? '', p.voucherId),
    settlements: (kv, p) => listSettlements(kv, { sponsor: p.sponsor, state: p.state }),
    settlement: (kv, p) => orNull(getSettlement(kv, p.id ?? '')),
    report: (kv, p) => fundReport(kv, p.fundId ?? '', groupOf(p.groupBy), { from: p.from, to: p.to }),
  },
};

export { activationCodeHash, normaliseCode, randomActivationCode } from './codes.ts';
export { BudgetErrors } from './errors.ts';
export { ibanWithCheck, isValidIban } from './iban.ts';
export * from './queries.ts';
export * from './reports.ts';
export { sepaCreditTransferXml } from './sepa.ts';
export type * from './state.ts';
