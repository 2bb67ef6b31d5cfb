// Reserving an offer from a pass: the price moves from the pass into a product voucher for that one
// offer, which the provider redeems later. Only budget offers can be reserved; a subsidy offer is
// paid partly by the municipality at the counter instead.
import { newId, type Offer } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type WalletKey, walletSigner } from '../../identity/resident-wallet.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Paragraph } from '../../ui/text.tsx';
import { type MyVoucher, useMyVouchers } from './use-my-vouchers.ts';

interface Reservable {
  offer: Offer;
  pass: MyVoucher;
}

export function ReserveOffer({ walletKey, version }: { walletKey: WalletKey; version: number }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const mine = useMyVouchers(walletKey.publicKey, version);
  const passes = (mine.data ?? []).filter(
    (m) => m.voucher.kind === 'budget' && m.voucher.state === 'active' && m.fund?.kind === 'regular',
  );
  const passIds = passes.map((p) => p.voucher.id).join(',');
  const offers = useLoad(async (): Promise<Reservable[]> => {
    const lists = await Promise.all(
      passes.map(async (pass) => {
        const page = await client.budgets.offers({ fundId: pass.voucher.fundId, state: 'approved' });
        return page.items.filter((o) => o.paymentType === 'budget').map((offer) => ({ offer, pass }));
      }),
    );
    return lists.flat();
  }, [passIds, version]);
  const reserve = useAction(async (r: Reservable) => {
    await client.budgets.createProductVoucher(walletSigner(walletKey), {
      voucherId: newId('productbon'),
      offerId: r.offer.id,
      parentVoucherId: r.pass.voucher.id,
    });
    return r.offer.title;
  });
  const rows = offers.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Section title={t('w.reserve')} id="reserve-offer">
      <Paragraph>{t('w.reserve.intro')}</Paragraph>
      <DataTable
        caption={t('w.reserve')}
        hideCaption
        testId="reservable-offers"
        rows={rows}
        rowKey={(r) => `${r.pass.voucher.id}/${r.offer.id}`}
        columns={[
          { header: t('pv.offer.title'), cell: (r) => r.offer.title },
          {
            header: t('common.provider'),
            cell: (r) => dir.byOin.get(r.offer.provider)?.name ?? r.offer.provider,
          },
          { header: t('w.reimb.pass'), cell: (r) => r.pass.fund?.name ?? r.pass.voucher.fundId },
          { header: t('pv.offer.price'), numeric: true, cell: (r) => fmt.money(r.offer.priceCents) },
          {
            header: '',
            cell: (r) => (
              <Button
                busy={reserve.busy}
                onClick={() => reserve.run(r)}
                aria-label={`${t('w.reserve.button')}: ${r.offer.title}`}
              >
                {t('w.reserve.button')}
              </Button>
            ),
          },
        ]}
      />
      {reserve.result && (
        <Alert type="ok" testId="reserve-done">
          {t('w.reserve.done', { title: reserve.result })}
        </Alert>
      )}
      <ErrorAlert error={reserve.error} testId="reserve-error" />
    </Section>
  );
}
