import { budgets } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { OrgIdentity } from '../../identity/org-keys.ts';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { StateBadge } from '../shared/states.tsx';
import { CreateFundForm } from './create-fund-form.tsx';

export function FundList({ org }: { org: OrgIdentity }) {
  const { t, fmt } = useI18n();
  const funds = useLoad(() => budgets.funds({ sponsor: org.oin }), [org.oin]);
  return (
    <>
      <ErrorAlert error={funds.error} />
      <DataTable
        caption={t('sp.funds')}
        testId="sponsor-funds"
        rows={funds.data ?? []}
        rowKey={(f) => f.id}
        empty={t('sp.noFunds')}
        columns={[
          {
            header: t('sp.col.name'),
            cell: (f) => <Link to={`/gemeente/regelingen/${f.id}`}>{f.name}</Link>,
          },
          {
            header: t('sp.col.period'),
            cell: (f) => t('sp.periodText', { from: fmt.date(f.startDate), to: fmt.date(f.endDate) }),
          },
          { header: t('common.status'), cell: (f) => <StateBadge kind="fundState" state={f.state} /> },
          { header: t('sp.col.budget'), numeric: true, cell: (f) => fmt.money(f.totals.funded) },
          { header: t('sp.col.balance'), numeric: true, cell: (f) => fmt.money(f.totals.balance) },
          { header: t('sp.col.paid'), numeric: true, cell: (f) => fmt.money(f.totals.paid) },
        ]}
      />
      <Section title={t('sp.new')}>
        <CreateFundForm org={org} onCreated={funds.reload} />
      </Section>
    </>
  );
}
