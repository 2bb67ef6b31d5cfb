// The plain-Dutch refusal texts a cashier reads, and the completeness of the text tables.
import { describe, expect, it } from 'vitest';
import { BudgetErrors } from '../../src/modules/budgets/errors.ts';
import { CasesErrors } from '../../src/modules/cases/errors.ts';
import { MESSAGES } from '../src/i18n/messages.ts';
import { invalidParamInDutch, REFUSALS_NL, refusalInDutch } from '../src/i18n/refusals.ts';

describe('refusals in plain Dutch', () => {
  it('fills in the amounts from the node’s own sentence', () => {
    expect(
      refusalInDutch('budgets.insufficient_budget', 'Voucher "pas-1" has € 12,50 left; € 60,00 is needed.'),
    ).toBe('Het tegoed op deze pas is niet genoeg. Er staat nog € 12,50 op, en er is € 60,00 nodig.');
  });

  it('falls back to the short form when the amounts are missing', () => {
    expect(refusalInDutch('budgets.insufficient_budget', '')).toBe(
      'Het tegoed op deze pas is niet genoeg voor dit bedrag.',
    );
  });

  it('knows nothing about codes it has no text for', () => {
    expect(refusalInDutch('budgets.no_such_code', 'whatever')).toBeUndefined();
  });

  it('has a text for every refusal a payment can meet at the counter', () => {
    const atTheCounter = [
      'voucher_expired',
      'voucher_deactivated',
      'voucher_not_claimed',
      'unknown_voucher',
      'provider_not_accepted',
      'provider_category_not_allowed',
      'fund_not_active',
      'offer_sold_out',
      'offer_person_limit',
      'payment_limit',
      'person_limit',
      'insufficient_budget',
    ] as const;
    for (const name of atTheCounter) {
      expect(BudgetErrors[name].code in REFUSALS_NL, BudgetErrors[name].code).toBe(true);
    }
  });

  it('has a text for every refusal of a case action', () => {
    // The registry also carries its codespace name as a plain string.
    for (const e of Object.values(CasesErrors)) {
      if (typeof e !== 'string') expect(e.code in REFUSALS_NL, e.code).toBe(true);
    }
  });

  it('explains a BSN or free text refused by the cases module as personal data', () => {
    const bsn = invalidParamInDutch(
      'looks like a BSN: a BSN must never be written to the ledger. Keep it at the source and send a salted hash',
    );
    expect(bsn?.personalData).toBe(true);
    expect(bsn?.text).toMatch(/^Dit lijkt op een BSN\./);
    expect(
      invalidParamInDutch(
        'must be a salted reference hash (64 lowercase hex characters), not free text: names and other personal data stay off the ledger',
      )?.personalData,
    ).toBe(true);
    expect(invalidParamInDutch('is not a known field')).toBeUndefined();
  });

  it('has every text in Dutch and English', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(m.nl.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
    }
  });
});
