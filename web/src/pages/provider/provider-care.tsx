// Zorg: the care contracts budget holders proposed to this provider. The provider signs a proposed
// contract, then declares the care it delivered per month within it; the holder approves, and the
// approval pays the provider from the care budget.
import { useState } from 'react';
import { client } from '../../api/client.ts';
import { useLedgerChanges } from '../../api/ledger-changes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction } from '../../lib/use-async.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Hex, Paragraph } from '../../ui/text.tsx';
import { monthLabel } from '../shared/care-units.ts';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';
import { DeclareCareForm } from './declare-care-form.tsx';
import { type ContractWithDeclarations, useProviderContracts } from './use-provider-contracts.ts';

export function ProviderCare({ org }: { org: OrgIdentity }) {
  const { t } = useI18n();
  const [local, setLocal] = useState(0);
  // A holder's proposal or decision concerns this OIN, so the list reloads when one is committed.
  const version = useLedgerChanges(org.oin) + local;
  const contracts = useProviderContracts(org.oin, version);
  const changed = () => setLocal((v) => v + 1);
  return (
    <Section title={t('care.pv.title')} id="provider-care">
      <Paragraph>{t('care.pv.intro')}</Paragraph>
      <ErrorAlert error={contracts.error} />
      {contracts.data?.length === 0 && <Paragraph>{t('care.pv.none')}</Paragraph>}
      {(contracts.data ?? []).map((c) => (
        <ContractCard key={c.id} contract={c} org={org} onChange={changed} />
      ))}
    </Section>
  );
}

function ContractCard({
  contract: c,
  org,
  onChange,
}: {
  contract: ContractWithDeclarations;
  org: OrgIdentity;
  onChange(): void;
}) {
  const { t, tOr, lang, fmt } = useI18n();
  const category = useCategoryLabel();
  const accept = useAction(async () => {
    await client.budgets.acceptCareContract(orgSigner(org.oin), { contractId: c.id });
    onChange();
  });
  const unit = tOr(`careUnit.${c.unit}`, c.unit);
  return (
    <article
      className="kb-card kb-card--accent"
      data-testid={`care-contract-${c.id}`}
      aria-labelledby={`cc-${c.id}`}
    >
      <Heading level={3} id={`cc-${c.id}`}>
        {t('care.pv.contract', { kind: category(c.category), id: c.id })}
      </Heading>
      <p className="utrecht-paragraph">
        <StateBadge kind="contractState" state={c.state} />{' '}
        {t('care.pv.terms', {
          rate: fmt.money(c.rateCents),
          unit,
          max: c.maxUnitsPerMonth ?? t('pv.offers.unlimited'),
          from: fmt.date(c.startDate),
          to: fmt.date(c.endDate),
        })}
      </p>
      <p className="utrecht-paragraph">
        {t('care.pv.holder')}: <Hex value={c.holder} />
      </p>
      {c.state === 'proposed' && (
        <Button appearance="primary" busy={accept.busy} onClick={() => accept.run()}>
          {t('care.pv.accept')}
        </Button>
      )}
      <ErrorAlert error={accept.error} />
      {c.state === 'active' && <DeclareCareForm contract={c} org={org} onDeclared={onChange} />}
      <DataTable
        caption={t('care.decl.all')}
        testId="provider-care-declarations"
        rows={[...c.declarations].reverse()}
        rowKey={(d) => d.id}
        empty={t('care.decl.none')}
        columns={[
          { header: t('care.month'), cell: (d) => monthLabel(lang, d.period) },
          { header: t('care.units'), numeric: true, cell: (d) => `${d.units} ${unit}` },
          { header: t('common.amount'), numeric: true, cell: (d) => fmt.money(d.amountCents) },
          { header: t('common.status'), cell: (d) => <StateBadge kind="declState" state={d.state} /> },
          { header: t('care.decl.reason'), cell: (d) => d.reason ?? '' },
        ]}
      />
    </article>
  );
}
