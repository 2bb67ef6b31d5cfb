// The resident's requests with the decision as the ledger records it: an approval names the pass
// it issued; a refusal names the criteria the validator found not met (the ledger keeps no free
// text, so that list is the reason). The list comes from the ledger's index of requests per key,
// so requests made in another browser with the same key show too.
import { budgets, type EligibilityRequest } from '../../api/budgets.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MyRequest } from '../../identity/eligibility-store.ts';
import { useLoad } from '../../lib/use-async.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { StateBadge } from '../shared/states.tsx';

interface Row {
  onLedger: EligibilityRequest;
  fundName: string;
}

export function MyEligibilityRequests({
  holder,
  requests,
  version,
}: {
  holder: string;
  /** Requests sent from this browser: a new one shows at once, before its block is committed. */
  requests: MyRequest[];
  version: number;
}) {
  const { t, fmt } = useI18n();
  const ids = requests.map((r) => r.requestId).join(',');
  const rows = useLoad(async (): Promise<Row[]> => {
    const onLedger = (await client.budgets.eligibilityRequestsOf(holder)).items;
    const names = new Map(
      await Promise.all(
        [...new Set(onLedger.map((r) => r.fundId))].map(
          async (fundId) =>
            [fundId, (await budgets.fund(fundId).catch(() => undefined))?.name ?? fundId] as const,
        ),
      ),
    );
    return [...onLedger]
      .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0))
      .map((r) => ({ onLedger: r, fundName: names.get(r.fundId) ?? r.fundId }));
  }, [holder, ids, version]);
  if ((rows.data ?? []).length === 0 && !rows.error) return null;
  return (
    <>
      <ErrorAlert error={rows.error} />
      <DataTable
        caption={t('w.elig.mine')}
        testId="my-eligibility-requests"
        rows={[...(rows.data ?? [])].reverse()}
        rowKey={(r) => r.onLedger.id}
        columns={[
          { header: t('common.date'), cell: (r) => fmt.date(r.onLedger.submittedAt) },
          { header: t('common.fund'), cell: (r) => r.fundName },
          {
            header: t('common.status'),
            cell: (r) => <StateBadge kind="reqState" state={r.onLedger.state} />,
          },
          { header: t('w.elig.outcome'), cell: (r) => <Outcome request={r.onLedger} /> },
        ]}
      />
    </>
  );
}

function Outcome({ request }: { request: EligibilityRequest | undefined }) {
  const { t } = useI18n();
  const dir = useDirectory();
  const d = request?.decision;
  if (!request || !d) return <span>{t('w.elig.waiting')}</span>;
  const by = dir.byOin.get(d.validator)?.name ?? d.validator;
  if (request.state === 'approved')
    return (
      <span data-testid="eligibility-outcome">
        {t('w.elig.approved', { voucher: d.voucherId ?? '', by })}
      </span>
    );
  const unmet = d.criteria.filter((c) => !c.met).map((c) => `${c.record} ${c.operator} ${c.value}`);
  return (
    <span data-testid="eligibility-outcome">
      {unmet.length > 0
        ? t('w.elig.declinedUnmet', { criteria: unmet.join(', '), by })
        : t('w.elig.declined', { by })}
    </span>
  );
}
