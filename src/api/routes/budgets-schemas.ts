// Response shapes of the budgets API (documented in OpenAPI and checked against real answers in
// the tests). Amounts are euro cents as decimal strings; residents appear only as public keys.
import { z } from 'zod';
import { CARE_UNITS, OPERATORS } from '../../modules/budgets/schemas.ts';

const cents = () => z.string().describe('Euro cents, as a decimal string');
const time = () => z.string().describe('RFC 3339 UTC');

export const criterionSchema = z.object({
  record: z.string(),
  operator: z.enum(OPERATORS),
  value: z.string(),
});

export const fundTotalsSchema = z
  .object({
    funded: cents(),
    balance: cents().describe('Not yet given out in vouchers'),
    held: cents().describe('In vouchers'),
    paid: cents().describe('Paid to providers, net of refunds'),
    reimbursed: cents().describe('Paid out on approved reimbursement claims'),
    returned: cents().describe('Returned to the sponsor'),
    allocated: cents().describe('Issued in vouchers over the life of the fund'),
    seq: z.number().int().describe('Number of movements in the journal'),
  })
  .describe('funded = balance + held + paid + reimbursed + returned');

export const fundSchema = z.object({
  id: z.string(),
  sponsor: z.string().describe('OIN'),
  name: z.string(),
  kind: z.enum(['regular', 'care']),
  categories: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  endsAt: time(),
  amount: z.union([
    z.object({ kind: z.literal('fixed'), cents: cents() }),
    z.object({ kind: z.literal('formula'), baseCents: cents(), perChildCents: cents() }),
    z.object({ kind: z.literal('custom'), minCents: cents(), maxCents: cents() }),
  ]),
  limits: z.object({
    perPaymentCents: cents().optional(),
    perPersonCents: cents().optional(),
    totalCents: cents().optional(),
  }),
  switches: z.object({ bearerVouchers: z.boolean(), reimbursements: z.boolean() }),
  criteria: z.array(criterionSchema),
  validators: z.array(z.string()),
  lowBalanceCents: cents().optional(),
  state: z.enum(['waiting', 'active', 'paused', 'closed']),
  createdAt: time(),
  activatedAt: time().optional(),
  closedAt: time().optional(),
  closeReason: z.string().optional(),
  totals: fundTotalsSchema,
});

export const applicationSchema = z.object({
  fundId: z.string(),
  provider: z.string().describe('OIN'),
  state: z.enum(['pending', 'accepted', 'rejected']),
  categories: z.array(z.string()).nullable().describe('null: accepted for the whole budget'),
  appliedAt: time(),
  decidedAt: time().optional(),
  reason: z.string().optional(),
});

export const bankAccountSchema = z.object({
  oin: z.string(),
  iban: z.string(),
  accountName: z.string(),
  bic: z.string().optional(),
  setAt: time(),
});

export const offerSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  provider: z.string(),
  title: z.string(),
  category: z.string(),
  priceCents: cents(),
  paymentType: z.enum(['budget', 'subsidy']),
  sponsorPartCents: cents().optional(),
  residentPartCents: cents().optional(),
  stock: z.number().int().nullable(),
  perPersonLimit: z.number().int().nullable(),
  totalLimit: z.number().int().nullable(),
  sold: z.number().int(),
  expiresAt: time().nullable(),
  state: z.enum(['pending', 'approved', 'withdrawn']),
  createdAt: time(),
  approvedAt: time().optional(),
});

export const eligibilityRequestSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  requester: z.string().describe('Public key of the resident'),
  state: z.enum(['pending', 'approved', 'declined']),
  submittedAt: time(),
  decision: z
    .object({
      validator: z.string(),
      criteria: z.array(criterionSchema.extend({ met: z.boolean() })),
      evidenceHash: z
        .string()
        .describe('Salted SHA-256 of the evidence; the evidence stays with the validator'),
      decidedAt: time(),
      children: z.number().int().optional(),
      amountCents: cents().optional(),
      voucherId: z.string().optional(),
    })
    .optional(),
});

export const voucherSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  sponsor: z.string(),
  kind: z.enum(['budget', 'product']),
  holder: z.string().optional().describe('Public key; absent while a bearer voucher is unclaimed'),
  amountCents: cents(),
  balanceCents: cents(),
  offerId: z.string().optional(),
  parentVoucherId: z.string().optional(),
  state: z.enum(['active', 'deactivated', 'expired', 'used']),
  expiresAt: time(),
  issuedAt: time(),
  origin: z.enum(['sponsor', 'request', 'prevalidation', 'reservation']),
  validatedBy: z.string().optional().describe('OIN of the organisation that vouched for the holder'),
  requestId: z.string().optional(),
  children: z.number().int().optional(),
  claimedAt: time().optional(),
  deactivatedAt: time().optional(),
  deactivationReason: z.string().optional(),
  endedAt: time().optional(),
  returnedCents: cents().optional(),
  lastPaymentId: z
    .string()
    .optional()
    .describe('The newest payment made with this voucher (its payments link back from there)'),
});

export const paymentSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  sponsor: z.string(),
  voucherId: z.string(),
  holder: z.string(),
  provider: z.string(),
  category: z.string(),
  kind: z.enum(['budget', 'subsidy', 'product', 'care']),
  amountCents: cents().describe('Paid to the provider on the ledger'),
  residentPartCents: cents().optional().describe('Subsidy: paid by the resident at the counter'),
  offerId: z.string().optional(),
  quantity: z.number().int().optional(),
  requestId: z.string().optional(),
  declarationId: z.string().optional(),
  initiatedBy: z.enum(['resident', 'provider']),
  refundedCents: cents(),
  settlementId: z.string().optional(),
  time: time(),
  height: z.number().int(),
  txHash: z.string(),
  prevOfVoucher: z.string().optional().describe('The previous payment made with the same voucher'),
  prevOfProvider: z.string().optional().describe('The previous payment to the same provider'),
});

export const paymentRequestSchema = z.object({
  id: z.string(),
  voucherId: z.string(),
  provider: z.string(),
  holder: z.string(),
  fundId: z.string(),
  offerId: z.string().optional(),
  quantity: z.number().int().optional(),
  amountCents: cents(),
  category: z.string(),
  state: z.enum(['pending', 'confirmed', 'declined', 'canceled']),
  effectiveState: z.enum(['pending', 'confirmed', 'declined', 'canceled', 'expired']),
  createdAt: time(),
  expiresAt: time(),
  paymentId: z.string().optional(),
  closedAt: time().optional(),
});

export const movementSchema = z.object({
  seq: z.number().int(),
  fundId: z.string(),
  time: time(),
  height: z.number().int(),
  kind: z.enum([
    'top_up',
    'allocation',
    'reservation',
    'payment',
    'refund',
    'reimbursement',
    'care_payment',
    'return',
  ]),
  from: z.enum(['sponsor', 'fund', 'voucher', 'provider', 'resident']),
  to: z.enum(['sponsor', 'fund', 'voucher', 'provider', 'resident']),
  amountCents: cents(),
  voucherId: z.string().optional(),
  toVoucherId: z.string().optional(),
  provider: z.string().optional(),
  category: z.string().optional(),
  ref: z.string().optional(),
  holder: z.string().optional(),
});

export const reimbursementSchema = z.object({
  id: z.string(),
  voucherId: z.string(),
  fundId: z.string(),
  sponsor: z.string(),
  holder: z.string(),
  amountCents: cents(),
  category: z.string(),
  receiptHash: z
    .string()
    .describe('SHA-256 of the receipt; the receipt itself goes to the sponsor off the ledger'),
  state: z.enum(['pending', 'approved', 'declined']),
  submittedAt: time(),
  decidedAt: time().optional(),
  reason: z.string().optional(),
});

export const careDeclarationSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  voucherId: z.string(),
  fundId: z.string(),
  holder: z.string(),
  provider: z.string(),
  period: z.string().describe('YYYY-MM'),
  units: z.number().int(),
  amountCents: cents(),
  careLogHash: z.string().optional(),
  state: z.enum(['submitted', 'approved', 'rejected']),
  submittedAt: time(),
  decidedAt: time().optional(),
  paymentId: z.string().optional(),
  reason: z.string().optional(),
});

export const careContractSchema = z.object({
  id: z.string(),
  voucherId: z.string(),
  fundId: z.string(),
  holder: z.string(),
  provider: z.string(),
  category: z.string(),
  unit: z.enum(CARE_UNITS),
  rateCents: cents(),
  maxUnitsPerMonth: z.number().int().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  state: z.enum(['proposed', 'active', 'ended']),
  proposedAt: time(),
  acceptedAt: time().optional(),
  endedAt: time().optional(),
  months: z.record(
    z.string(),
    z.object({ declaredUnits: z.number().int(), approvedUnits: z.number().int(), approvedCents: cents() }),
  ),
  declarations: z.array(careDeclarationSchema),
});

export const careBudgetSchema = z.object({
  voucher: voucherSchema,
  fund: fundSchema.omit({ totals: true }),
  contracts: z.array(careContractSchema),
});

export const careStatementSchema = z.object({
  holder: z.string(),
  period: z.string(),
  budgets: z.array(
    z.object({
      voucherId: z.string(),
      fundId: z.string(),
      openingCents: cents(),
      allocatedCents: cents(),
      carePaidCents: cents(),
      refundedCents: cents(),
      returnedCents: cents(),
      closingCents: cents(),
      declarations: z.array(
        careDeclarationSchema.pick({
          id: true,
          contractId: true,
          provider: true,
          units: true,
          amountCents: true,
          state: true,
        }),
      ),
    }),
  ),
});

export const settlementSchema = z.object({
  id: z.string(),
  sponsor: z.string(),
  fundId: z.string().optional(),
  state: z.enum(['draft', 'approved', 'paid', 'canceled']),
  executionDate: z.string(),
  totalCents: cents(),
  lines: z.array(
    z.object({
      provider: z.string(),
      amountCents: cents(),
      payments: z.number().int(),
      iban: z.string().optional(),
      accountName: z.string().optional(),
      bic: z.string().optional(),
    }),
  ),
  paymentIds: z.array(z.string()),
  createdAt: time(),
  createdBy: z.string(),
  approvedAt: time().optional(),
  approvedBy: z.string().optional(),
  debtor: z.object({ iban: z.string(), accountName: z.string(), bic: z.string().optional() }).optional(),
  paidAt: time().optional(),
  bankReference: z.string().optional(),
  canceledAt: time().optional(),
});

export const reportRowSchema = z.object({
  group: z.string(),
  payments: z.number().int(),
  paidCents: cents(),
  refundedCents: cents(),
  reimbursedCents: cents(),
  spentCents: cents().describe('paid - refunded + reimbursed'),
});

export const reportSchema = z.object({
  fundId: z.string(),
  groupBy: z.enum(['category', 'provider', 'month', 'fund']),
  summary: z.object({
    period: z.object({ from: z.string().optional(), to: z.string().optional() }),
    toppedUpCents: cents(),
    allocatedCents: cents(),
    paidCents: cents(),
    refundedCents: cents(),
    reimbursedCents: cents(),
    returnedCents: cents(),
    payments: z.number().int(),
  }),
  rows: z.array(reportRowSchema),
});

/** One page holding every match (the budgets lists are bounded by their filters). */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.null() });
