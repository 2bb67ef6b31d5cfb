// Every refusal of the budgets module, with its stable code. Payment refusals are deliberately
// fine-grained: a cashier and a resident must see *why* a scan failed (expired, not accepted for
// this category, sold out, limit reached, not enough budget), not a generic "payment refused".
import { defineErrors } from '../../core/errors.ts';

export const BudgetErrors = defineErrors('budgets', {
  // funds
  unknown_fund: [1, 404, 'Unknown fund'],
  fund_exists: [2, 409, 'Fund already exists'],
  bad_fund_state: [3, 409, 'Fund state does not allow this'],
  fund_not_started: [4, 409, 'Fund has not started yet'],
  fund_not_active: [5, 409, 'Fund not active'],
  fund_closed: [6, 409, 'Fund closed'],
  not_fund_sponsor: [7, 403, 'Not the sponsor of this fund'],
  fund_insufficient: [8, 409, 'Fund balance too low'],
  fund_total_limit: [9, 409, 'Fund total limit reached'],
  invalid_fund: [10, 400, 'Invalid fund settings'],
  // providers
  unknown_application: [11, 404, 'Unknown provider application'],
  application_exists: [12, 409, 'Provider already applied'],
  provider_not_accepted: [13, 403, 'Provider not accepted for this fund'],
  provider_category_not_allowed: [14, 403, 'Provider not accepted for this category'],
  unknown_category: [15, 400, 'Category not in this fund'],
  // offers
  unknown_offer: [16, 404, 'Unknown offer'],
  offer_exists: [17, 409, 'Offer already exists'],
  offer_not_available: [18, 409, 'Offer not available'],
  offer_sold_out: [19, 409, 'Offer sold out'],
  offer_person_limit: [20, 409, 'Offer limit per person reached'],
  not_offer_provider: [21, 403, 'Not the provider of this offer'],
  // eligibility
  unknown_request: [22, 404, 'Unknown eligibility request'],
  request_exists: [23, 409, 'Eligibility request already exists'],
  request_decided: [24, 409, 'Eligibility request already decided'],
  not_fund_validator: [25, 403, 'Not an eligibility validator of this fund'],
  criteria_mismatch: [26, 400, 'Criteria do not match the fund'],
  criteria_not_met: [27, 409, 'Criteria not met'],
  unknown_code: [28, 404, 'Unknown activation code'],
  code_used: [29, 409, 'Activation code already used'],
  code_exists: [30, 409, 'Activation code already registered'],
  // vouchers
  unknown_voucher: [31, 404, 'Unknown voucher'],
  voucher_exists: [32, 409, 'Voucher already exists'],
  not_voucher_holder: [33, 403, 'Not the holder of this voucher'],
  voucher_expired: [34, 409, 'Voucher expired'],
  voucher_deactivated: [35, 409, 'Voucher deactivated'],
  voucher_not_claimed: [36, 409, 'Voucher not claimed yet'],
  holder_has_voucher: [37, 409, 'Resident already has a voucher of this fund'],
  bearer_not_allowed: [38, 409, 'Bearer vouchers not allowed in this fund'],
  amount_not_allowed: [39, 400, 'Amount does not fit the fund'],
  wrong_voucher_kind: [40, 409, 'Wrong kind of voucher'],
  // payments
  payment_limit: [41, 409, 'Limit per payment exceeded'],
  person_limit: [42, 409, 'Limit per person reached'],
  insufficient_budget: [43, 409, 'Insufficient budget'],
  unknown_payment: [44, 404, 'Unknown payment'],
  payment_exists: [45, 409, 'Payment already exists'],
  payment_in_settlement: [46, 409, 'Payment already in a settlement batch'],
  refund_too_large: [47, 409, 'Refund larger than what is left of the payment'],
  unknown_payment_request: [48, 404, 'Unknown payment request'],
  payment_request_closed: [49, 409, 'Payment request no longer open'],
  payment_request_expired: [50, 409, 'Payment request expired'],
  // reimbursements
  reimbursements_not_allowed: [51, 409, 'Reimbursements not allowed in this fund'],
  unknown_reimbursement: [52, 404, 'Unknown reimbursement'],
  reimbursement_exists: [53, 409, 'Reimbursement already exists'],
  reimbursement_decided: [54, 409, 'Reimbursement already decided'],
  // care budgets
  unknown_contract: [55, 404, 'Unknown care contract'],
  contract_exists: [56, 409, 'Care contract already exists'],
  contract_not_active: [57, 409, 'Care contract not active'],
  outside_contract: [58, 409, 'Outside the care contract'],
  contract_units_exceeded: [59, 409, 'More care declared than the contract allows'],
  not_a_care_budget: [60, 409, 'Not a care budget'],
  care_budget_contract_only: [61, 409, 'A care budget pays only contracted care'],
  unknown_declaration: [62, 404, 'Unknown care declaration'],
  declaration_exists: [63, 409, 'Care declaration already exists'],
  declaration_decided: [64, 409, 'Care declaration already decided'],
  // settlement
  unknown_settlement: [65, 404, 'Unknown settlement batch'],
  settlement_exists: [66, 409, 'Settlement batch already exists'],
  nothing_to_settle: [67, 409, 'Nothing to settle'],
  bad_settlement_state: [68, 409, 'Settlement batch state does not allow this'],
  missing_bank_account: [69, 409, 'Bank account missing'],
  four_eyes: [70, 403, 'Needs a second person'],
  not_party: [72, 403, 'Not a party to this'],
  wrong_payment_type: [73, 409, 'Wrong payment type for this offer'],
  voucher_used: [74, 409, 'Voucher already used'],
  bad_expiry: [75, 400, 'Expiry outside the fund period'],
  bad_execution_date: [76, 400, 'Execution date in the past'],
  voucher_not_deactivated: [77, 409, 'Voucher is not deactivated'],
});

export type BudgetErrorName = Exclude<keyof typeof BudgetErrors, 'codespace'>;
