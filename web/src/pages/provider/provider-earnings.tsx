// What the provider received through passes, and which of it the municipality already settled.
import { budgets, type Payment, type Settlement } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { OrgIdentity } from '../../identity/org-keys.ts';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';

const net = (p: Payment) => BigInt(p.amountCents) - BigInt(p.refundedCents);

export function ProviderEarnings({ org }: { org: OrgIdentity }) {
  const { t, fmt } = useI18n();
  const category = useCategoryLabel();
  const data = useLoad(async () => {
    const payments = await budgets.payments({ provider: org.oin });
    const ids = [...new Set(payments.flatMap((p) => (p.settlementId ? [p.settlementId] : [])))];
    const settlements = await Promise.all(
      ids.map((id) => client.get<Settlement>(`/settlements/${encodeURIComponent(id)}`)),
    );
    return { payments, settlements };
  }, [org.oin]);
  const payments = [...(data.data?.payments ?? [])].reverse();
  const total = payments.reduce((s, p) => s + net(p), 0n);
  const settled = payments.filter((p) => p.settlementId).reduce((s, p) => s + net(p), 0n);
  const mine = (s: Settlement) => s.lines.find((l) => l.provider === org.oin);
  return (
    <>
      <ErrorAlert error={data.error} />
      <div className="kb-kpis" data-testid="earnings">
        <div className="kb-kpi">
          <span className="kb-kpi__label">{t('pv.earn.total')}</span>
          <span className="kb-kpi__value">{fmt.money(total)}</span>
        </div>
        <div className="kb-kpi">
          <span className="kb-kpi__label">{t('pv.earn.settled')}</span>
          <span className="kb-kpi__value">{fmt.money(settled)}</span>
        </div>
        <div className="kb-kpi">
          <span className="kb-kpi__label">{t('pv.earn.open')}</span>
          <span className="kb-kpi__value">{fmt.money(total - settled)}</span>
        </div>
      </div>
      <DataTable
        caption={t('pv.earn.payments')}
        testId="provider-payments"
        rows={payments}
        rowKey={(p) => p.id}
        empty={t('pv.earn.none')}
        columns={[
          {
            header: t('ex.col.when'),
            cell: (p) => <Link to={`/verkenner/transacties/${p.txHash}`}>{fmt.dateTime(p.time)}</Link>,
          },
          { header: t('common.category'), cell: (p) => category(p.category) },
          { header: t('common.amount'), numeric: true, cell: (p) => fmt.money(p.amountCents) },
          { header: t('pv.earn.refunded'), numeric: true, cell: (p) => fmt.money(p.refundedCents) },
          { header: t('pv.earn.settlement'), cell: (p) => p.settlementId ?? t('pv.earn.notSettled') },
        ]}
      />
      <DataTable
        caption={t('pv.earn.settlements')}
        rows={data.data?.settlements ?? []}
        rowKey={(s) => s.id}
        empty="—"
        columns={[
          { header: t('set.col.id'), cell: (s) => s.id },
          { header: t('set.col.date'), cell: (s) => fmt.date(s.executionDate) },
          { header: t('common.amount'), numeric: true, cell: (s) => fmt.money(mine(s)?.amountCents) },
          { header: t('common.status'), cell: (s) => <StateBadge kind="setState" state={s.state} /> },
        ]}
      />
    </>
  );
}
