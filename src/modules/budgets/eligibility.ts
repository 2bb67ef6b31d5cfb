// Eligibility: a resident asks; a validator organisation of the fund decides. The ledger keeps only
// the decision, the criteria checked with their outcome and a salted hash of the evidence - never the
// evidence, a BSN or any other personal data. Pre-validations (activation codes, stored as hashes)
// let a resident claim a voucher without a request; the voucher records who vouched for them.

import type { TxContext } from '../../app/module.ts';
import { defineMessage } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { requireSignerRole } from '../identity/index.ts';
import { FundBook } from './book.ts';
import { activationCodeHash } from './codes.ts';
import { BudgetErrors as E } from './errors.ts';
import { createVoucher, grantAmount, requireNoBudgetVoucher } from './lifecycle.ts';
import { mustFund, requireOpen, voucherExpiry } from './rules.ts';
import {
  addPrevalidationsSchema,
  decideEligibilitySchema,
  redeemPrevalidationSchema,
  requestEligibilitySchema,
} from './schemas.ts';
import {
  type ActivationCode,
  type Criterion,
  type CriterionResult,
  type EligibilityRequest,
  type Fund,
  getCode,
  getRequest,
  keys,
} from './state.ts';

function requireValidator(ctx: TxContext, fund: Fund): string {
  const org = requireSignerRole(ctx, 'eligibility_validator');
  if (!fund.validators.includes(org.oin)) {
    fail(
      E.not_fund_validator,
      `Organisation ${org.oin} is not an eligibility validator of fund "${fund.id}".`,
    );
  }
  return org.oin;
}

const sameCriterion = (a: Criterion, b: Criterion) =>
  a.record === b.record && a.operator === b.operator && a.value === b.value;

/** The decision lists exactly the fund's criteria, in the fund's order. */
function checkCriteria(fund: Fund, results: CriterionResult[]): void {
  const matches =
    results.length === fund.criteria.length && fund.criteria.every((c, i) => sameCriterion(c, results[i]!));
  if (!matches) {
    const expected = fund.criteria.map((c) => `${c.record} ${c.operator} ${c.value}`).join(', ') || 'none';
    fail(
      E.criteria_mismatch,
      `The decision must list the criteria of fund "${fund.id}" in order: ${expected}.`,
    );
  }
}

export const requestEligibility = defineMessage({
  type: 'budgets.request_eligibility',
  summary: 'A resident asks for a budget; the evidence goes to the validator off the ledger.',
  schema: requestEligibilitySchema,
  handle(ctx, b) {
    const fund = mustFund(ctx.kv, b.fundId);
    requireOpen(fund, ctx.time);
    if (fund.validators.length === 0) {
      fail(
        E.bad_fund_state,
        `Fund "${fund.id}" takes no requests: its sponsor issues vouchers directly or by activation code.`,
      );
    }
    if (getRequest(ctx.kv, b.requestId))
      fail(E.request_exists, `A request with id "${b.requestId}" already exists; choose another id.`);
    requireNoBudgetVoucher(ctx, fund, ctx.signer);
    const req: EligibilityRequest = {
      id: b.requestId,
      fundId: fund.id,
      requester: ctx.signer,
      state: 'pending',
      submittedAt: ctx.time,
    };
    putJson(ctx.kv, keys.request(req.id), req);
    ctx.kv.set(keys.requestsOfFund(fund.id, req.id), '1');
    ctx.kv.set(keys.requestsOfRequester(ctx.signer, req.id), '1');
    ctx.involve(...fund.validators);
    ctx.emit('budgets.eligibility_requested', { request: req.id, fund: fund.id });
  },
});

export const decideEligibility = defineMessage({
  type: 'budgets.decide_eligibility',
  summary: 'An eligibility validator of the fund approves (a voucher is issued) or declines a request.',
  schema: decideEligibilitySchema,
  handle(ctx, b) {
    const req = getRequest(ctx.kv, b.requestId);
    if (!req) fail(E.unknown_request, `There is no eligibility request "${b.requestId}".`);
    const fund = mustFund(ctx.kv, req.fundId);
    const validator = requireValidator(ctx, fund);
    if (req.state !== 'pending') fail(E.request_decided, `Request "${req.id}" was already ${req.state}.`);
    checkCriteria(fund, b.criteria);
    const unmet = b.criteria.filter((c) => !c.met);
    if (b.decision === 'approved' && unmet.length > 0) {
      fail(
        E.criteria_not_met,
        `An approval needs every criterion met; not met: ${unmet.map((c) => c.record).join(', ')}.`,
      );
    }
    const voucherId = b.voucherId ?? req.id;
    const decided: EligibilityRequest = {
      ...req,
      state: b.decision,
      decision: {
        validator,
        criteria: b.criteria,
        evidenceHash: b.evidenceHash,
        decidedAt: ctx.time,
        ...(b.children !== undefined ? { children: b.children } : {}),
        ...(b.amountCents !== undefined ? { amountCents: b.amountCents } : {}),
        ...(b.decision === 'approved' ? { voucherId } : {}),
      },
    };
    putJson(ctx.kv, keys.request(req.id), decided);
    ctx.involve(req.requester, fund.sponsor);
    ctx.emit('budgets.eligibility_decided', {
      request: req.id,
      fund: fund.id,
      decision: b.decision,
      validator,
    });
    if (b.decision === 'declined') return;
    requireOpen(fund, ctx.time);
    requireNoBudgetVoucher(ctx, fund, req.requester);
    const book = new FundBook(ctx, fund);
    createVoucher(ctx, book, {
      id: voucherId,
      kind: 'budget',
      holder: req.requester,
      amount: grantAmount(fund, b),
      expiresAt: voucherExpiry(fund, ctx.time, undefined),
      origin: 'request',
      validatedBy: validator,
      requestId: req.id,
      children: b.children,
    });
    book.save();
  },
});

export const addPrevalidations = defineMessage({
  type: 'budgets.add_prevalidations',
  summary: 'An eligibility validator registers pre-validated people as hashes of their activation codes.',
  schema: addPrevalidationsSchema,
  handle(ctx, b) {
    const fund = mustFund(ctx.kv, b.fundId);
    const validator = requireValidator(ctx, fund);
    requireOpen(fund, ctx.time);
    const seen = new Set<string>();
    for (const e of b.entries) {
      if (seen.has(e.codeHash) || getCode(ctx.kv, e.codeHash)) {
        fail(
          E.code_exists,
          `Activation code hash ${e.codeHash.slice(0, 12)}… is already registered; generate another code.`,
        );
      }
      seen.add(e.codeHash);
      grantAmount(fund, e); // refuse now, not when the resident claims
      const code: ActivationCode = {
        codeHash: e.codeHash,
        fundId: fund.id,
        kind: 'prevalidation',
        validatedBy: validator,
        addedAt: ctx.time,
        ...(e.children !== undefined ? { children: e.children } : {}),
        ...(e.amountCents !== undefined ? { amountCents: e.amountCents } : {}),
      };
      putJson(ctx.kv, keys.code(e.codeHash), code);
    }
    ctx.involve(fund.sponsor);
    ctx.emit('budgets.prevalidations_added', { fund: fund.id, count: b.entries.length, validator });
  },
});

export const redeemPrevalidation = defineMessage({
  type: 'budgets.redeem_prevalidation',
  summary: 'A pre-validated resident claims their voucher with their activation code.',
  schema: redeemPrevalidationSchema,
  handle(ctx, b) {
    const hash = activationCodeHash(b.code);
    const code = getCode(ctx.kv, hash);
    if (code?.kind !== 'prevalidation' || code.fundId !== b.fundId) {
      fail(
        E.unknown_code,
        `This code is not a pre-validation of fund "${b.fundId}". Check it for typing errors.`,
      );
    }
    if (code.usedAt !== undefined)
      fail(E.code_used, `This code was already used on ${code.usedAt.slice(0, 10)}.`);
    const fund = mustFund(ctx.kv, code.fundId);
    requireOpen(fund, ctx.time);
    requireNoBudgetVoucher(ctx, fund, ctx.signer);
    const book = new FundBook(ctx, fund);
    createVoucher(ctx, book, {
      id: b.voucherId,
      kind: 'budget',
      holder: ctx.signer,
      amount: grantAmount(fund, code),
      expiresAt: voucherExpiry(fund, ctx.time, undefined),
      origin: 'prevalidation',
      validatedBy: code.validatedBy!,
      children: code.children,
    });
    book.save();
    putJson(ctx.kv, keys.code(hash), { ...code, usedAt: ctx.time, usedBy: ctx.signer });
    ctx.involve(fund.sponsor);
  },
});
