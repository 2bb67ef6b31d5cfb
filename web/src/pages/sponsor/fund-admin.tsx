// One scheme as its municipality manages it: figures, dashboard, providers, passes, requests,
// claims and discounted offers. Every change is a tx signed with the municipality's key.
import { useState } from 'react';
import { budgets, eurosToCents, type FundView } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';
import { EligibilityRequests } from './eligibility-requests.tsx';
import { FundDashboard } from './fund-dashboard.tsx';
import { FundProviders } from './fund-providers.tsx';
import { IssueVoucher } from './issue-voucher.tsx';
import { OffersAdmin } from './offers-admin.tsx';
import { ReimbursementsAdmin } from './reimbursements-admin.tsx';

export function FundAdmin({ org, fundId }: { org: OrgIdentity; fundId: string }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const fund = useLoad(() => budgets.fund(fundId), [fundId, version]);
  if (fund.loading && !fund.data) return <Paragraph>{t('common.loading')}</Paragraph>;
  if (!fund.data) return <ErrorAlert error={fund.error} />;
  const f = fund.data;
  return (
    <>
      <Heading level={2}>{f.name}</Heading>
      <FundOverview fund={f} org={org} onChange={changed} />
      <FundDashboard fund={f} version={version} />
      <FundProviders fund={f} org={org} version={version} onChange={changed} />
      <IssueVoucher fund={f} org={org} onChange={changed} />
      <EligibilityRequests fund={f} org={org} version={version} onChange={changed} />
      {f.switches.reimbursements && (
        <ReimbursementsAdmin fund={f} org={org} version={version} onChange={changed} />
      )}
      <OffersAdmin fund={f} org={org} version={version} onChange={changed} />
    </>
  );
}

function FundOverview({ fund: f, org, onChange }: { fund: FundView; org: OrgIdentity; onChange(): void }) {
  const { t, fmt } = useI18n();
  const category = useCategoryLabel();
  const [topUp, setTopUp] = useState('');
  const act = useAction(async (message: string, body: Record<string, unknown>) => {
    await budgets.send(orgSigner(org.oin), message, body);
    onChange();
  });
  return (
    <Section title={t('sp.fund.overview')} id="fund-overview">
      <div className="kb-kpis" data-testid="fund-kpis">
        <Kpi label={t('sp.fund.funded')} value={fmt.money(f.totals.funded)} />
        <Kpi label={t('sp.col.balance')} value={fmt.money(f.totals.balance)} />
        <Kpi label={t('sp.fund.allocated')} value={fmt.money(f.totals.allocated)} />
        <Kpi label={t('sp.col.paid')} value={fmt.money(f.totals.paid)} />
        <Kpi label={t('sp.fund.reimbursed')} value={fmt.money(f.totals.reimbursed)} />
      </div>
      <DataList
        items={[
          [t('common.status'), <StateBadge key="s" kind="fundState" state={f.state} />],
          [t('sp.col.period'), t('sp.periodText', { from: fmt.date(f.startDate), to: fmt.date(f.endDate) })],
          [t('sp.fund.categories'), f.categories.map(category).join(', ')],
          f.amount.kind === 'fixed' && [t('sp.fund.perPass'), fmt.money(f.amount.cents)],
          f.limits.perPaymentCents !== undefined && [
            t('sp.fund.perPayment'),
            fmt.money(f.limits.perPaymentCents),
          ],
        ]}
      />
      <ButtonGroup>
        {(f.state === 'waiting' || f.state === 'paused') && (
          <Button
            appearance="primary"
            busy={act.busy}
            onClick={() => act.run('activate_fund', { fundId: f.id })}
          >
            {t('sp.fund.activate')}
          </Button>
        )}
        {f.state === 'active' && (
          <Button busy={act.busy} onClick={() => act.run('pause_fund', { fundId: f.id })}>
            {t('sp.fund.pause')}
          </Button>
        )}
      </ButtonGroup>
      {f.state !== 'closed' && (
        <form
          className="kb-search"
          onSubmit={(e) => {
            e.preventDefault();
            const cents = eurosToCents(topUp);
            if (cents)
              void act.run('top_up_fund', { fundId: f.id, amountCents: cents }).then(() => setTopUp(''));
          }}
        >
          <TextField
            label={t('sp.fund.topUp')}
            inputMode="decimal"
            value={topUp}
            onChange={setTopUp}
            name="topUp"
          />
          <Button type="submit" busy={act.busy}>
            {t('sp.fund.topUpButton')}
          </Button>
        </form>
      )}
      <ErrorAlert error={act.error} />
    </Section>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kb-kpi">
      <span className="kb-kpi__label">{label}</span>
      <span className="kb-kpi__value">{value}</span>
    </div>
  );
}
