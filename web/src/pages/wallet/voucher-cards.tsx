// One card per pass: balance, validity, the QR code the cashier scans, and what happened with it.
// Product vouchers get a card of their own kind; care budgets are shown in the care section, since
// they pay only contracted care and have no QR code for a counter.
import { budgets } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { WalletKey } from '../../identity/resident-wallet.ts';
import { useLoad } from '../../lib/use-async.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { QrCode } from '../../ui/qr-code.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { StateBadge } from '../shared/states.tsx';
import { ProductVoucherCard } from './product-voucher-card.tsx';
import { type MyVoucher, useMyVouchers } from './use-my-vouchers.ts';

export function VoucherCards({ walletKey, version }: { walletKey: WalletKey; version: number }) {
  const { t } = useI18n();
  const mine = useMyVouchers(walletKey.publicKey, version);
  const passes = (mine.data ?? []).filter((m) => m.fund?.kind !== 'care');
  return (
    <Section title={t('w.passes')}>
      <ErrorAlert error={mine.error} />
      {mine.data && passes.length === 0 && <Paragraph>{t('w.noPasses')}</Paragraph>}
      <div className="kb-cards">
        {passes.map((m) =>
          m.voucher.kind === 'product' ? (
            <ProductVoucherCard key={m.voucher.id} item={m} />
          ) : (
            <VoucherCard key={m.voucher.id} item={m} version={version} />
          ),
        )}
      </div>
    </Section>
  );
}

function VoucherCard({ item: { voucher: v, fund }, version }: { item: MyVoucher; version: number }) {
  const { t, fmt } = useI18n();
  const usable = v.state === 'active';
  return (
    <article
      className="kb-card kb-card--accent"
      data-testid={`voucher-${v.id}`}
      aria-labelledby={`voucher-${v.id}-title`}
    >
      <Heading level={3} id={`voucher-${v.id}-title`}>
        {fund?.name ?? v.fundId}
      </Heading>
      <p className="utrecht-paragraph">
        <span className="kb-muted">{t('w.balance')}</span>
        <br />
        <span className="kb-balance" data-testid="voucher-balance">
          {fmt.money(v.balanceCents)}
        </span>
      </p>
      <p className="utrecht-paragraph">
        <StateBadge kind="voucherState" state={v.state} /> {t('w.validUntil')} {fmt.date(v.expiresAt)}
      </p>
      {usable && (
        <>
          <QrCode text={`ketenboek:pas:${v.id}`} label={t('w.qrLabel', { id: v.id })} />
          <p className="utrecht-paragraph">
            {t('w.passCode')}:{' '}
            <strong className="kb-mono" data-testid="voucher-code">
              {v.id}
            </strong>
          </p>
          <p className="utrecht-paragraph kb-muted">{t('w.qrHint')}</p>
        </>
      )}
      <details className="kb-details">
        <summary>{t('w.history')}</summary>
        <VoucherHistory voucherId={v.id} version={version} label={t('w.history')} />
      </details>
    </article>
  );
}

function VoucherHistory({
  voucherId,
  version,
  label,
}: {
  voucherId: string;
  version: number;
  label: string;
}) {
  const { t, tOr, fmt } = useI18n();
  const moves = useLoad(() => budgets.voucherMovements(voucherId), [voucherId, version]);
  return (
    <DataTable
      caption={label}
      rows={[...(moves.data ?? [])].reverse()}
      rowKey={(m) => `${m.seq}`}
      empty={t('w.history.none')}
      columns={[
        { header: t('common.date'), cell: (m) => fmt.dateTime(m.time) },
        { header: t('ex.col.what'), cell: (m) => tOr(`move.${m.kind}`, m.kind) },
        {
          header: t('common.amount'),
          numeric: true,
          cell: (m) => `${m.from === 'voucher' ? '−' : '+'} ${fmt.money(m.amountCents)}`,
        },
      ]}
    />
  );
}
