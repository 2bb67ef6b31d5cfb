// Where the money of a scheme went: per category, per provider and per month, from the ledger's
// own report (every partner computes the same figures from the same journal).
import { budgets, type FundReport, type FundView } from '../../api/budgets.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { BarChart, ColumnChart } from '../../ui/charts.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { useCategoryLabel } from '../shared/states.tsx';

export function FundDashboard({ fund, version }: { fund: FundView; version: number }) {
  const { t, fmt, lang } = useI18n();
  const dir = useDirectory();
  const category = useCategoryLabel();
  const reports = useLoad(
    () =>
      Promise.all([
        budgets.report(fund.id, 'category'),
        budgets.report(fund.id, 'provider'),
        budgets.report(fund.id, 'month'),
      ]),
    [fund.id, version],
  );
  const euros = (cents: number) => fmt.money(cents);
  const points = (r: FundReport | undefined, label: (g: string) => string) =>
    (r?.rows ?? []).map((row) => ({ label: label(row.group), value: Number(row.spentCents) }));
  const monthLabel = (m: string) =>
    new Date(`${m}-15T12:00:00Z`).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
      month: 'short',
      year: 'numeric',
    });
  const [byCategory, byProvider, byMonth] = reports.data ?? [];
  // Reimbursements have no provider: the report groups them as "(resident)".
  const providerName = (oin: string) =>
    oin === '(resident)' ? t('sp.dash.residents') : (dir.byOin.get(oin)?.name ?? oin);
  return (
    <Section title={t('sp.dash')} id="fund-dashboard">
      <ErrorAlert error={reports.error} />
      <div className="kb-grid-2">
        <BarChart
          title={t('sp.dash.category')}
          points={points(byCategory, category)}
          format={euros}
          testId="chart-category"
        />
        <BarChart
          title={t('sp.dash.provider')}
          points={points(byProvider, providerName)}
          format={euros}
          testId="chart-provider"
        />
      </div>
      <ColumnChart
        title={t('sp.dash.month')}
        points={points(byMonth, monthLabel)}
        format={euros}
        testId="chart-month"
      />
      <details className="kb-details">
        <summary>{t('sp.dash.table')}</summary>
        <DataTable
          caption={t('sp.dash.category')}
          rows={byCategory?.rows ?? []}
          rowKey={(r) => r.group}
          columns={[
            { header: t('sp.dash.group'), cell: (r) => category(r.group) },
            { header: t('sp.dash.payments'), numeric: true, cell: (r) => r.payments },
            { header: t('sp.dash.spent'), numeric: true, cell: (r) => fmt.money(r.spentCents) },
          ]}
        />
        <DataTable
          caption={t('sp.dash.provider')}
          rows={byProvider?.rows ?? []}
          rowKey={(r) => r.group}
          columns={[
            { header: t('sp.dash.group'), cell: (r) => providerName(r.group) },
            { header: t('sp.dash.payments'), numeric: true, cell: (r) => r.payments },
            { header: t('sp.dash.spent'), numeric: true, cell: (r) => fmt.money(r.spentCents) },
          ]}
        />
      </details>
    </Section>
  );
}
