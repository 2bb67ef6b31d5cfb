// Offers whose price the municipality partly pays (subsidy) wait for its approval.
import { budgets, type FundView, type Offer } from '../../api/budgets.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';

export function OffersAdmin({
  fund,
  org,
  version,
  onChange,
}: {
  fund: FundView;
  org: OrgIdentity;
  version: number;
  onChange(): void;
}) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const offers = useLoad(() => budgets.offers({ fundId: fund.id, state: 'pending' }), [fund.id, version]);
  const approve = useAction(async (o: Offer) => {
    await budgets.send(orgSigner(org.oin), 'approve_offer', { offerId: o.id });
    onChange();
  });
  if ((offers.data ?? []).length === 0 && !offers.error) return null;
  return (
    <Section title={t('sp.offers')} id="offers-admin">
      <ErrorAlert error={offers.error ?? approve.error} />
      <DataTable
        caption={t('sp.offers')}
        hideCaption
        rows={offers.data ?? []}
        rowKey={(o) => o.id}
        empty={t('sp.offers.none')}
        columns={[
          { header: t('common.provider'), cell: (o) => dir.byOin.get(o.provider)?.name ?? o.provider },
          { header: t('pv.offer.title'), cell: (o) => o.title },
          { header: t('pv.offer.price'), numeric: true, cell: (o) => fmt.money(o.priceCents) },
          { header: t('pv.offer.sponsorPart'), numeric: true, cell: (o) => fmt.money(o.sponsorPartCents) },
          {
            header: '',
            cell: (o) => (
              <Button appearance="primary" busy={approve.busy} onClick={() => approve.run(o)}>
                {t('sp.offers.approve')}
              </Button>
            ),
          },
        ]}
      />
    </Section>
  );
}
