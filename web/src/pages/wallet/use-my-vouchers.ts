// The resident's vouchers with the scheme each belongs to.
import { budgets, type FundView, type Voucher } from '../../api/budgets.ts';
import { useLoad } from '../../lib/use-async.ts';

export interface MyVoucher {
  voucher: Voucher;
  fund: FundView | undefined;
}

export function useMyVouchers(holder: string, version: number) {
  return useLoad(async (): Promise<MyVoucher[]> => {
    const vouchers = await budgets.vouchers({ holder });
    const fundIds = [...new Set(vouchers.map((v) => v.fundId))];
    const funds = await Promise.all(fundIds.map((id) => budgets.fund(id).catch(() => undefined)));
    const byId = new Map(funds.flatMap((f) => (f ? [[f.id, f] as const] : [])));
    return vouchers.map((voucher) => ({ voucher, fund: byId.get(voucher.fundId) }));
  }, [holder, version]);
}
