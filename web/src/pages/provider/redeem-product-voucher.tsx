// Redeeming a product voucher: it was paid for when the resident reserved the offer, so the
// provider of that offer only confirms delivery and is paid the voucher's value. No confirmation by
// the resident is needed: the voucher is for exactly this one offer.
import { type FundView, newId, type Voucher } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { StateBadge } from '../shared/states.tsx';

export function RedeemProductVoucher({
  org,
  voucher,
  fund,
}: {
  org: OrgIdentity;
  voucher: Voucher;
  fund: FundView;
}) {
  const { t, fmt } = useI18n();
  const offer = useLoad(
    () => (voucher.offerId ? client.budgets.offer(voucher.offerId) : Promise.resolve(undefined)),
    [voucher.offerId],
  );
  const redeem = useAction(async () => {
    const paymentId = newId('inwisseling');
    await client.budgets.redeemProductVoucher(orgSigner(org.oin), { voucherId: voucher.id, paymentId });
    return client.budgets.payment(paymentId);
  });
  return (
    <>
      <DataList
        testId="product-voucher-details"
        items={[
          [t('w.product.badge'), offer.data?.title ?? voucher.offerId],
          [t('common.fund'), fund.name],
          [t('w.product.value'), fmt.money(voucher.amountCents)],
          [t('common.status'), <StateBadge key="s" kind="voucherState" state={voucher.state} />],
          [t('pv.charge.validUntil'), fmt.date(voucher.expiresAt)],
        ]}
      />
      {redeem.result ? (
        <Alert type="ok" testId="product-voucher-redeemed">
          {t('pv.redeem.done', { amount: fmt.money(redeem.result.amountCents) })}
        </Alert>
      ) : (
        voucher.state === 'active' && (
          <Button appearance="primary" busy={redeem.busy} onClick={() => redeem.run()}>
            {t('pv.redeem.button')}
          </Button>
        )
      )}
      <ErrorAlert error={redeem.error} testId="redeem-error" />
    </>
  );
}
