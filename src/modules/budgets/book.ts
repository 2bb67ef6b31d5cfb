// The only place money moves. Every movement updates the fund's totals and appends a journal
// entry in the same tx, so funded = balance + held + paid + reimbursed + returned holds after
// every tx and every block, and reports and statements are folds over the journal.
import type { BlockContext } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { type Cents, cents, euroText, str } from './money.ts';
import { type Fund, type FundTotals, getTotals, keys, type Movement, type Pool } from './state.ts';

type TotalsField = 'funded' | 'balance' | 'held' | 'paid' | 'reimbursed' | 'returned';

// Which total a pool is counted in, as a source and as a destination.
const OUT_OF: Record<Pool, TotalsField> = {
  sponsor: 'funded', // money coming from the sponsor increases what was funded
  fund: 'balance',
  voucher: 'held',
  provider: 'paid',
  resident: 'reimbursed',
};
const INTO: Record<Pool, TotalsField> = {
  sponsor: 'returned',
  fund: 'balance',
  voucher: 'held',
  provider: 'paid',
  resident: 'reimbursed',
};

export type MovementInput = Omit<Movement, 'seq' | 'time' | 'height' | 'amountCents'> & { amount: Cents };

export class FundBook {
  readonly totals: FundTotals;
  private readonly startBalance: Cents;

  constructor(
    private readonly ctx: BlockContext,
    readonly fund: Fund,
  ) {
    this.totals = getTotals(ctx.kv, fund.id);
    this.startBalance = cents(this.totals.balance);
  }

  get balance(): Cents {
    return cents(this.totals.balance);
  }

  move(m: MovementInput): void {
    if (m.amount <= 0n) return;
    const t = this.totals;
    if (m.from === 'sponsor') t.funded = str(cents(t.funded) + m.amount);
    else this.add(OUT_OF[m.from], -m.amount);
    this.add(INTO[m.to], m.amount);
    if (m.kind === 'allocation') t.allocated = str(cents(t.allocated) + m.amount);
    t.seq += 1;
    const { amount, ...rest } = m;
    const entry: Movement = {
      seq: t.seq,
      time: this.ctx.time,
      height: this.ctx.height,
      ...rest,
      amountCents: str(amount),
    };
    putJson(this.ctx.kv, keys.journal(this.fund.id, t.seq), entry);
  }

  /** Writes the totals; warns the sponsor once when the balance drops below its threshold. */
  save(): void {
    putJson(this.ctx.kv, keys.totals(this.fund.id), this.totals);
    const low = this.fund.lowBalanceCents;
    if (low !== undefined && this.balance < cents(low) && this.startBalance >= cents(low)) {
      this.ctx.emit('budgets.fund_low_balance', {
        fund: this.fund.id,
        sponsor: this.fund.sponsor,
        balanceCents: this.totals.balance,
        thresholdCents: low,
      });
    }
  }

  private add(field: TotalsField, delta: Cents): void {
    const next = cents(this.totals[field]) + delta;
    // The handlers check every amount before moving it; a negative pool is a bug, never a refusal.
    if (next < 0n) throw new Error(`fund ${this.fund.id}: ${field} would become ${euroText(next)}`);
    this.totals[field] = str(next);
  }
}
