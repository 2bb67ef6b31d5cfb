// Zorgbudget (PGB-style): the holder contracts care providers at an agreed rate, approves what they
// declare (approval pays the provider from the budget) and gets a statement per month. Care details
// stay with holder and provider; the ledger sees units, rates, amounts and at most a hash of the
// time sheet.
import type { CareBudgetView } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { WalletKey } from '../../identity/resident-wallet.ts';
import { useLoad } from '../../lib/use-async.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';
import { CareContractForm } from './care-contract-form.tsx';
import { CareDeclarationsToDecide } from './care-declarations.tsx';
import { CareStatement } from './care-statement.tsx';

export function CareBudgets({ walletKey, version }: { walletKey: WalletKey; version: number }) {
  const { t } = useI18n();
  const list = useLoad(
    async () => (await client.budgets.careBudgets(walletKey.publicKey)).items,
    [walletKey.publicKey, version],
  );
  if (!list.error && (list.data ?? []).length === 0) return null;
  return (
    <Section title={t('care.title')} id="care-budget">
      <Paragraph>{t('care.intro')}</Paragraph>
      <ErrorAlert error={list.error} />
      {(list.data ?? []).map((b) => (
        <CareBudget
          key={b.voucher.id}
          view={b}
          walletKey={walletKey}
          version={version}
          onChange={list.reload}
        />
      ))}
    </Section>
  );
}

function CareBudget({
  view,
  walletKey,
  version,
  onChange,
}: {
  view: CareBudgetView;
  walletKey: WalletKey;
  version: number;
  onChange(): void;
}) {
  const { t, tOr, fmt } = useI18n();
  const dir = useDirectory();
  const category = useCategoryLabel();
  const { voucher: v, fund } = view;
  return (
    <article
      className="kb-card kb-card--accent"
      data-testid={`care-budget-${v.id}`}
      aria-labelledby={`care-${v.id}`}
    >
      <Heading level={3} id={`care-${v.id}`}>
        {fund.name}
      </Heading>
      <p className="utrecht-paragraph">
        <span className="kb-muted">{t('care.balance')}</span>
        <br />
        <span className="kb-balance" data-testid="care-balance">
          {fmt.money(v.balanceCents)}
        </span>
      </p>
      <p className="utrecht-paragraph">
        <StateBadge kind="voucherState" state={v.state} /> {t('w.validUntil')} {fmt.date(v.expiresAt)}
      </p>
      <DataTable
        caption={t('care.contracts')}
        testId="care-contracts"
        rows={view.contracts}
        rowKey={(c) => c.id}
        empty={t('care.contracts.none')}
        columns={[
          { header: t('common.provider'), cell: (c) => dir.byOin.get(c.provider)?.name ?? c.provider },
          { header: t('care.kind'), cell: (c) => category(c.category) },
          {
            header: t('care.rate'),
            numeric: true,
            cell: (c) => `${fmt.money(c.rateCents)} / ${tOr(`careUnit.${c.unit}`, c.unit)}`,
          },
          {
            header: t('care.maxPerMonth'),
            numeric: true,
            cell: (c) => (c.maxUnitsPerMonth === null ? t('pv.offers.unlimited') : c.maxUnitsPerMonth),
          },
          {
            header: t('sp.col.period'),
            cell: (c) => t('sp.periodText', { from: fmt.date(c.startDate), to: fmt.date(c.endDate) }),
          },
          { header: t('common.status'), cell: (c) => <StateBadge kind="contractState" state={c.state} /> },
        ]}
      />
      <CareDeclarationsToDecide view={view} walletKey={walletKey} onChange={onChange} />
      {v.state === 'active' && <CareContractForm view={view} walletKey={walletKey} onCreated={onChange} />}
      <CareStatement view={view} version={version} />
    </article>
  );
}
