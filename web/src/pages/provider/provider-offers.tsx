import { useState } from 'react';
import { budgets, eurosToCents, newId, type Offer } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';

export function ProviderOffers({ org }: { org: OrgIdentity }) {
  const { t, fmt } = useI18n();
  const category = useCategoryLabel();
  const [version, setVersion] = useState(0);
  const offers = useLoad(() => budgets.offers({ provider: org.oin }), [org.oin, version]);
  const funds = useLoad(() => budgets.funds({ provider: org.oin }), [org.oin]);
  const accepted = (funds.data ?? []).filter((f) => f.application?.state === 'accepted');
  const withdraw = useAction(async (o: Offer) => {
    await budgets.send(orgSigner(org.oin), 'withdraw_offer', { offerId: o.id });
    setVersion((v) => v + 1);
  });
  const fundName = (id: string) => funds.data?.find((f) => f.id === id)?.name ?? id;
  return (
    <>
      <ErrorAlert error={offers.error ?? withdraw.error} />
      <DataTable
        caption={t('pv.offers.title')}
        rows={offers.data ?? []}
        rowKey={(o) => o.id}
        empty={t('pv.offers.none')}
        columns={[
          { header: t('pv.offer.title'), cell: (o) => o.title },
          { header: t('common.fund'), cell: (o) => fundName(o.fundId) },
          { header: t('common.category'), cell: (o) => category(o.category) },
          { header: t('pv.offer.price'), numeric: true, cell: (o) => fmt.money(o.priceCents) },
          {
            header: t('pv.offer.stock'),
            numeric: true,
            cell: (o) => (o.stock === null ? t('pv.offers.unlimited') : o.stock),
          },
          { header: t('pv.offer.sold'), numeric: true, cell: (o) => o.sold },
          { header: t('common.status'), cell: (o) => <StateBadge kind="offerState" state={o.state} /> },
          {
            header: '',
            cell: (o) =>
              o.state !== 'withdrawn' ? (
                <Button
                  busy={withdraw.busy}
                  onClick={() => withdraw.run(o)}
                  aria-label={`${t('pv.offers.withdraw')}: ${o.title}`}
                >
                  {t('pv.offers.withdraw')}
                </Button>
              ) : null,
          },
        ]}
      />
      {accepted.length > 0 && (
        <NewOffer
          org={org}
          funds={accepted.map((f) => ({
            id: f.id,
            name: f.name,
            categories: f.application?.categories ?? f.categories,
          }))}
          onCreated={() => setVersion((v) => v + 1)}
        />
      )}
    </>
  );
}

function NewOffer({
  org,
  funds,
  onCreated,
}: {
  org: OrgIdentity;
  funds: Array<{ id: string; name: string; categories: string[] }>;
  onCreated(): void;
}) {
  const { t } = useI18n();
  const category = useCategoryLabel();
  const [fundId, setFundId] = useState(funds[0]!.id);
  const fund = funds.find((f) => f.id === fundId) ?? funds[0]!;
  const [title, setTitle] = useState('');
  const [cat, setCat] = useState('');
  const [price, setPrice] = useState('');
  const [stock, setStock] = useState('');
  const [priceError, setPriceError] = useState<string>();
  const create = useAction(async () => {
    await budgets.send(orgSigner(org.oin), 'create_offer', {
      offerId: newId('aanbod'),
      fundId: fund.id,
      title,
      category: cat || fund.categories[0],
      priceCents: eurosToCents(price),
      paymentType: 'budget',
      ...(stock.trim() ? { stock: Number(stock) } : {}),
    });
    setTitle('');
    setPrice('');
    onCreated();
  });
  return (
    <Section title={t('pv.offers.new')}>
      <form
        className="kb-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!eurosToCents(price)) return setPriceError(t('sp.f.badAmount'));
          setPriceError(undefined);
          void create.run();
        }}
      >
        <SelectField
          label={t('pv.offers.fund')}
          value={fundId}
          onChange={setFundId}
          options={funds.map((f) => ({ value: f.id, label: f.name }))}
        />
        <TextField label={t('pv.offer.title')} value={title} onChange={setTitle} name="title" required />
        <SelectField
          label={t('common.category')}
          value={cat || fund.categories[0] || ''}
          onChange={setCat}
          options={fund.categories.map((c) => ({ value: c, label: category(c) }))}
        />
        <div className="kb-grid-2">
          <TextField
            label={t('pv.charge.amount')}
            inputMode="decimal"
            value={price}
            onChange={setPrice}
            error={priceError}
            name="price"
          />
          <TextField
            label={t('pv.offer.stock')}
            description={t('pv.offers.stockHint')}
            inputMode="numeric"
            value={stock}
            onChange={setStock}
            name="stock"
          />
        </div>
        <Button type="submit" appearance="primary" busy={create.busy}>
          {t('pv.offers.create')}
        </Button>
        <ErrorAlert error={create.error} />
      </form>
    </Section>
  );
}
