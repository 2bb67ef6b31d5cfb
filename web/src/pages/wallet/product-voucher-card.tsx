// A product voucher: one unit of one offer, already paid for from a budget (or by the municipality).
// It looks different from a pass on purpose: it is not spent by amount, the provider of that offer
// redeems it as a whole.
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { StatusBadge } from '../../ui/badge.tsx';
import { QrCode } from '../../ui/qr-code.tsx';
import { Heading } from '../../ui/text.tsx';
import { StateBadge } from '../shared/states.tsx';
import type { MyVoucher } from './use-my-vouchers.ts';

export function ProductVoucherCard({ item: { voucher: v, fund } }: { item: MyVoucher }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const offer = useLoad(
    () => (v.offerId ? client.budgets.offer(v.offerId) : Promise.resolve(undefined)),
    [v.offerId],
  );
  const provider = offer.data ? (dir.byOin.get(offer.data.provider)?.name ?? offer.data.provider) : '';
  return (
    <article
      className="kb-card kb-card--product"
      data-testid={`product-voucher-${v.id}`}
      aria-labelledby={`voucher-${v.id}-title`}
    >
      <p className="utrecht-paragraph">
        <StatusBadge tone="active">{t('w.product.badge')}</StatusBadge>
      </p>
      <Heading level={3} id={`voucher-${v.id}-title`}>
        {offer.data?.title ?? v.offerId ?? v.id}
      </Heading>
      <p className="utrecht-paragraph">
        {t('w.product.at', { provider, fund: fund?.name ?? v.fundId })}
        <br />
        {t('w.product.value')}:{' '}
        <strong data-testid="product-voucher-value">{fmt.money(v.amountCents)}</strong>
      </p>
      <p className="utrecht-paragraph">
        <StateBadge kind="voucherState" state={v.state} /> {t('w.validUntil')} {fmt.date(v.expiresAt)}
      </p>
      {v.state === 'active' && (
        <>
          <QrCode text={`ketenboek:pas:${v.id}`} label={t('w.qrLabel', { id: v.id })} />
          <p className="utrecht-paragraph">
            {t('w.product.code')}:{' '}
            <strong className="kb-mono" data-testid="product-voucher-code">
              {v.id}
            </strong>
          </p>
          <p className="utrecht-paragraph kb-muted">{t('w.product.hint')}</p>
        </>
      )}
    </article>
  );
}
