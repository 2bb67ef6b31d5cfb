// Message bodies of the budgets module. Shared by the state machine, the API (OpenAPI bodies),
// the client's types and the CLI's local checks, so a body is judged the same everywhere.
import { z } from 'zod';
import {
  centsSchema,
  dateSchema,
  idSchema,
  labelSchema,
  oinSchema,
  positiveCentsSchema,
  pubKeySchema,
  sha256Schema,
  timeSchema,
} from '../../core/schemas.ts';
import { isValidIban } from './iban.ts';

export const categorySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be 1-32 lowercase letters, digits or "_", starting with a letter')
  .describe('Spending category, e.g. "sport", "culture", "care"');

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03');

export const amountSpecSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('fixed'), cents: positiveCentsSchema })
    .describe('The same amount for everyone'),
  z
    .strictObject({ kind: z.literal('formula'), baseCents: centsSchema, perChildCents: centsSchema })
    .describe('A base amount plus an amount per child of the household'),
  z
    .strictObject({ kind: z.literal('custom'), minCents: positiveCentsSchema, maxCents: positiveCentsSchema })
    .describe('An amount set per person between a minimum and a maximum (e.g. a care budget)'),
]);

const hasControlCharacter = (s: string) =>
  [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

export const OPERATORS = ['<', '<=', '=', '>=', '>', '*'] as const;
export const criterionSchema = z.strictObject({
  record: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,47}$/, 'must be a record type like income_level or children_nth')
    .describe('The record type checked, e.g. income_level'),
  operator: z.enum(OPERATORS).describe('"*" means: the record is present, whatever its value'),
  value: z
    .string()
    .max(64)
    .refine((v) => !hasControlCharacter(v), 'must not contain control characters'),
});

export const createFundSchema = z.strictObject({
  fundId: idSchema,
  name: labelSchema,
  kind: z
    .enum(['regular', 'care'])
    .default('regular')
    .describe('"care": a PGB-style fund that pays only contracted care'),
  categories: z.array(categorySchema).min(1).max(32),
  startDate: dateSchema,
  endDate: dateSchema.describe('Last day of the fund (inclusive, UTC)'),
  amount: amountSpecSchema,
  limits: z
    .strictObject({
      perPaymentCents: positiveCentsSchema.optional(),
      perPersonCents: positiveCentsSchema.optional(),
      totalCents: positiveCentsSchema
        .optional()
        .describe('Cap on the total amount of vouchers the fund may issue'),
    })
    .default({}),
  switches: z
    .strictObject({ bearerVouchers: z.boolean().default(false), reimbursements: z.boolean().default(false) })
    .default({ bearerVouchers: false, reimbursements: false }),
  criteria: z.array(criterionSchema).max(16).default([]),
  validators: z
    .array(oinSchema)
    .max(16)
    .default([])
    .describe('OINs of the eligibility validators of this fund'),
  lowBalanceCents: positiveCentsSchema
    .optional()
    .describe('An event warns the sponsor when the balance drops below this'),
});

export const fundRefSchema = z.strictObject({ fundId: idSchema });
export const topUpFundSchema = z.strictObject({
  fundId: idSchema,
  amountCents: positiveCentsSchema,
  reference: labelSchema.max(64).optional().describe("The sponsor's own booking reference"),
});
export const closeFundSchema = z.strictObject({ fundId: idSchema, reason: labelSchema.optional() });

const iban = z
  .string()
  .regex(
    /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/,
    'must be an IBAN in capitals without spaces, e.g. NL91ABNA0417164300',
  )
  .refine(isValidIban, 'has a wrong check number (mod 97)');
export const bankAccountSchema = z.strictObject({
  iban,
  accountName: labelSchema.max(70),
  bic: z
    .string()
    .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'must be a BIC of 8 or 11 characters')
    .optional(),
});

export const applySchema = z.strictObject({ fundId: idSchema });
export const decideProviderSchema = z
  .strictObject({
    fundId: idSchema,
    provider: oinSchema,
    decision: z.enum(['accepted', 'rejected']),
    categories: z
      .array(categorySchema)
      .min(1)
      .max(32)
      .optional()
      .describe('Accepted only for these categories; left out = the whole budget'),
    reason: labelSchema.optional(),
  })
  .refine((d) => d.decision === 'accepted' || d.categories === undefined, {
    message: 'a rejection has no categories',
    path: ['categories'],
  });

export const createOfferSchema = z
  .strictObject({
    offerId: idSchema,
    fundId: idSchema,
    title: labelSchema,
    category: categorySchema,
    priceCents: positiveCentsSchema,
    paymentType: z.enum(['budget', 'subsidy']),
    sponsorPartCents: positiveCentsSchema.optional().describe('subsidy: the part the sponsor pays'),
    stock: z.number().int().min(0).max(1_000_000_000).optional().describe('Left out = unlimited'),
    perPersonLimit: z.number().int().min(1).max(1_000_000).optional(),
    totalLimit: z.number().int().min(1).max(1_000_000_000).optional(),
    expiresAt: timeSchema.optional(),
  })
  .refine((o) => (o.paymentType === 'subsidy') === (o.sponsorPartCents !== undefined), {
    message: 'sponsorPartCents is required for a subsidy offer and not allowed for a budget offer',
    path: ['sponsorPartCents'],
  })
  .refine((o) => o.sponsorPartCents === undefined || BigInt(o.sponsorPartCents) <= BigInt(o.priceCents), {
    message: 'the sponsor part cannot be more than the price',
    path: ['sponsorPartCents'],
  });
export const offerRefSchema = z.strictObject({ offerId: idSchema });
export const updateOfferSchema = z.strictObject({
  offerId: idSchema,
  stock: z.number().int().min(0).max(1_000_000_000).nullable().optional().describe('null = unlimited'),
  perPersonLimit: z.number().int().min(1).max(1_000_000).nullable().optional(),
  totalLimit: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
  expiresAt: timeSchema.nullable().optional(),
});

export const requestEligibilitySchema = z.strictObject({ requestId: idSchema, fundId: idSchema });
export const criterionResultSchema = criterionSchema.extend({ met: z.boolean() });
export const decideEligibilitySchema = z.strictObject({
  requestId: idSchema,
  decision: z.enum(['approved', 'declined']),
  criteria: z.array(criterionResultSchema).max(16).describe('Every criterion of the fund, with its outcome'),
  evidenceHash: sha256Schema.describe(
    'Salted SHA-256 of the evidence; the evidence itself stays with the validator',
  ),
  children: z.number().int().min(0).max(20).optional().describe('For formula funds: the number of children'),
  amountCents: positiveCentsSchema.optional().describe('For custom-amount funds: the amount granted'),
  voucherId: idSchema.optional().describe('Id of the voucher an approval issues (default: the request id)'),
});
const codeHashEntry = z.strictObject({
  codeHash: sha256Schema.describe('activationCodeHash(code): the code itself never reaches the ledger'),
  children: z.number().int().min(0).max(20).optional(),
  amountCents: positiveCentsSchema.optional(),
});
export const addPrevalidationsSchema = z.strictObject({
  fundId: idSchema,
  entries: z.array(codeHashEntry).min(1).max(100),
});
export const activationCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]{4}(-?[A-Z0-9]{4}){1,7}$/, 'must be an activation code like ABCD-EFGH-JKLM');
export const redeemPrevalidationSchema = z.strictObject({
  fundId: idSchema,
  code: activationCodeSchema,
  voucherId: idSchema,
});

export const issueVoucherSchema = z
  .strictObject({
    voucherId: idSchema,
    fundId: idSchema,
    holder: pubKeySchema.optional().describe("The resident's key"),
    activationCodeHash: sha256Schema
      .optional()
      .describe('Bearer voucher: activationCodeHash(code) of its QR/activation code'),
    children: z.number().int().min(0).max(20).optional(),
    amountCents: positiveCentsSchema.optional(),
    expiresAt: timeSchema.optional().describe('Default: the end of the fund'),
  })
  .refine((v) => (v.holder === undefined) !== (v.activationCodeHash === undefined), {
    message: 'give exactly one of holder and activationCodeHash',
    path: ['holder'],
  });
export const claimVoucherSchema = z.strictObject({ code: activationCodeSchema });
export const voucherRefSchema = z.strictObject({ voucherId: idSchema, reason: labelSchema.optional() });
export const createProductVoucherSchema = z
  .strictObject({
    voucherId: idSchema,
    offerId: idSchema,
    parentVoucherId: idSchema.optional().describe("Resident's reservation: paid from this budget voucher"),
    holder: pubKeySchema.optional().describe('Sponsor: issue to this resident, paid from the fund'),
    activationCodeHash: sha256Schema.optional().describe('Sponsor: issue as a bearer product voucher'),
    expiresAt: timeSchema.optional(),
  })
  .refine(
    (v) => [v.parentVoucherId, v.holder, v.activationCodeHash].filter((x) => x !== undefined).length === 1,
    {
      message: 'give exactly one of parentVoucherId, holder and activationCodeHash',
      path: ['parentVoucherId'],
    },
  );

const spendFields = {
  voucherId: idSchema,
  offerId: idSchema.optional().describe('Pay for this offer: price and category come from it'),
  quantity: z.number().int().min(1).max(1000).optional().describe('With offerId; default 1'),
  amountCents: positiveCentsSchema.optional().describe('Without offerId: the amount'),
  category: categorySchema.optional().describe('Without offerId: what is bought'),
};
const spendRule = <
  T extends { offerId?: string; amountCents?: string; category?: string; quantity?: number },
>(
  s: T,
) =>
  s.offerId !== undefined
    ? s.amountCents === undefined && s.category === undefined
    : s.amountCents !== undefined && s.category !== undefined && s.quantity === undefined;
const spendMessage = {
  message: 'give either offerId (and optionally quantity), or amountCents and category',
  path: ['offerId'],
};
export const paySchema = z
  .strictObject({ paymentId: idSchema, provider: oinSchema, ...spendFields })
  .refine(spendRule, spendMessage);
export const requestPaymentSchema = z
  .strictObject({ requestId: idSchema, ...spendFields })
  .refine(spendRule, spendMessage);
export const confirmPaymentRequestSchema = z.strictObject({ requestId: idSchema, paymentId: idSchema });
export const declinePaymentRequestSchema = z.strictObject({ requestId: idSchema });
export const redeemProductVoucherSchema = z.strictObject({ voucherId: idSchema, paymentId: idSchema });
export const refundSchema = z.strictObject({
  paymentId: idSchema,
  amountCents: positiveCentsSchema.optional().describe('Left out = everything not yet refunded'),
  reason: labelSchema.optional(),
});

export const submitReimbursementSchema = z.strictObject({
  reimbursementId: idSchema,
  voucherId: idSchema,
  amountCents: positiveCentsSchema,
  category: categorySchema,
  receiptHash: sha256Schema.describe(
    'SHA-256 of the receipt; the receipt itself goes to the sponsor off the ledger',
  ),
});
export const decideReimbursementSchema = z.strictObject({
  reimbursementId: idSchema,
  decision: z.enum(['approved', 'declined']),
  reason: labelSchema.optional(),
});

export const CARE_UNITS = ['hour', 'quarter_hour', 'day', 'part_of_day', 'visit', 'week'] as const;
export const createCareContractSchema = z.strictObject({
  contractId: idSchema,
  voucherId: idSchema,
  provider: oinSchema,
  category: categorySchema.describe('Kind of care, one of the fund categories'),
  unit: z.enum(CARE_UNITS),
  rateCents: positiveCentsSchema.describe('Agreed rate per unit'),
  maxUnitsPerMonth: z.number().int().min(1).max(100_000).optional(),
  startDate: dateSchema,
  endDate: dateSchema,
});
export const contractRefSchema = z.strictObject({ contractId: idSchema });
export const declareCareSchema = z.strictObject({
  declarationId: idSchema,
  contractId: idSchema,
  period: monthSchema.describe('The month in which the care was delivered'),
  units: z.number().int().min(1).max(100_000),
  careLogHash: sha256Schema
    .optional()
    .describe('SHA-256 of the time sheet; the care details stay off the ledger'),
});
export const decideCareDeclarationSchema = z.strictObject({
  declarationId: idSchema,
  decision: z.enum(['approved', 'rejected']),
  paymentId: idSchema
    .optional()
    .describe('Id of the payment an approval makes (default: the declaration id)'),
  reason: labelSchema.optional(),
});

export const createSettlementSchema = z.strictObject({
  settlementId: idSchema,
  fundId: idSchema.optional().describe('Only payments of this fund; left out = all funds of the sponsor'),
  executionDate: dateSchema.optional().describe('Requested execution date for the bank (default: today)'),
});
export const settlementRefSchema = z.strictObject({ settlementId: idSchema });
export const markSettlementPaidSchema = z.strictObject({
  settlementId: idSchema,
  bankReference: labelSchema.max(64).optional().describe("The bank's reference of the executed batch"),
});
