// The provider's offers. A budget offer is paid in full from the pass; a subsidy offer splits the
// price: the municipality pays a fixed part from the scheme (after approving the offer) and the
// resident pays the rest at the counter.
import { useState } from 'react';
import { budgets, eurosToCents, newId, type Offer } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
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
    await client.budgets.withdrawOffer(orgSigner(org.oin), { offerId: o.id });
    setVersion((v) => v + 1);
  });
  const fundName = (id: string) => funds.data?.find((f) => f.id === id)?.name ?? id;
  return (
    <>
      <ErrorAlert error={offers.error ?? withdraw.error} />
      <DataTable
        caption={t('pv.offers.title')}
        testId="provider-offers"
        rows={offers.data ?? []}
        rowKey={(o) => o.id}
        empty={t('pv.offers.none')}
        columns={[
          { header: t('pv.offer.title'), cell: (o) => o.title },
          { header: t('common.fund'), cell: (o) => fundName(o.fundId) },
          { header: t('common.category'), cell: (o) => category(o.category) },
          { header: t('pv.offer.type'), cell: (o) => t(`pv.offer.type.${o.paymentType}`) },
          { header: t('pv.offer.price'), numeric: true, cell: (o) => fmt.money(o.priceCents) },
          { header: t('pv.offer.sponsorPart'), numeric: true, cell: (o) => fmt.money(o.sponsorPartCents) },
          { header: t('pv.offer.residentPart'), numeric: true, cell: (o) => fmt.money(o.residentPartCents) },
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
  const { t, fmt } = useI18n();
  const category = useCategoryLabel();
  const [fundId, setFundId] = useState(funds[0]!.id);
  const fund = funds.find((f) => f.id === fundId) ?? funds[0]!;
  const [title, setTitle] = useState('');
  const [cat, setCat] = useState('');
  const [price, setPrice] = useState('');
  const [stock, setStock] = useState('');
  const [paymentType, setPaymentType] = useState<'budget' | 'subsidy'>('budget');
  const [sponsorPart, setSponsorPart] = useState('');
  const [problems, setProblems] = useState<{ price?: string; sponsorPart?: string }>({});
  const create = useAction(async () => {
    await client.budgets.createOffer(orgSigner(org.oin), {
      offerId: newId('aanbod'),
      fundId: fund.id,
      title,
      category: cat || fund.categories[0]!,
      priceCents: eurosToCents(price)!,
      paymentType,
      ...(paymentType === 'subsidy' ? { sponsorPartCents: eurosToCents(sponsorPart)! } : {}),
      ...(stock.trim() ? { stock: Number(stock) } : {}),
    });
    setTitle('');
    setPrice('');
    setSponsorPart('');
    onCreated();
  });
  const priceCents = eurosToCents(price);
  const sponsorCents = eurosToCents(sponsorPart);
  /** Checks the form says what the ledger would refuse, before anything is signed. */
  const check = () => {
    const p: typeof problems = {};
    if (!priceCents || priceCents === '0') p.price = t('sp.f.badAmount');
    if (paymentType === 'subsidy') {
      if (!sponsorCents || sponsorCents === '0') p.sponsorPart = t('sp.f.badAmount');
      else if (priceCents && Number(sponsorCents) > Number(priceCents))
        p.sponsorPart = t('pv.offers.partTooHigh');
    }
    setProblems(p);
    return Object.keys(p).length === 0;
  };
  return (
    <Section title={t('pv.offers.new')}>
      <form
        className="kb-form"
        data-testid="new-offer-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (check()) void create.run();
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
            error={problems.price}
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
        <SelectField
          label={t('pv.offer.type')}
          description={t('pv.offers.typeHint')}
          value={paymentType}
          onChange={(v) => setPaymentType(v === 'subsidy' ? 'subsidy' : 'budget')}
          name="paymentType"
          options={[
            { value: 'budget', label: t('pv.offer.type.budget') },
            { value: 'subsidy', label: t('pv.offer.type.subsidy') },
          ]}
        />
        {paymentType === 'subsidy' && (
          <>
            <TextField
              label={t('pv.offers.sponsorPartLabel')}
              inputMode="decimal"
              value={sponsorPart}
              onChange={setSponsorPart}
              error={problems.sponsorPart}
              name="sponsorPart"
            />
            {priceCents && sponsorCents && Number(sponsorCents) <= Number(priceCents) && (
              <p className="utrecht-paragraph" data-testid="offer-parts-preview">
                {t('pv.offers.partsPreview', {
                  sponsor: fmt.money(sponsorCents),
                  resident: fmt.money(Number(priceCents) - Number(sponsorCents)),
                })}
              </p>
            )}
          </>
        )}
        <Button type="submit" appearance="primary" busy={create.busy}>
          {t('pv.offers.create')}
        </Button>
        <ErrorAlert error={create.error} />
      </form>
    </Section>
  );
}
