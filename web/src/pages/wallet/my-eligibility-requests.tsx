// The resident's requests with the decision as the ledger records it: an approval names the pass
// it issued; a refusal names the criteria the validator found not met (the ledger keeps no free
// text, so that list is the reason).
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
  mine: MyRequest;
  onLedger: EligibilityRequest | undefined;
  fundName: string;
}

export function MyEligibilityRequests({ requests, version }: { requests: MyRequest[]; version: number }) {
  const { t, fmt } = useI18n();
  const ids = requests.map((r) => r.requestId).join(',');
  const rows = useLoad(
    async (): Promise<Row[]> =>
      Promise.all(
        requests.map(async (mine) => ({
          mine,
          onLedger: await client.budgets.eligibilityRequest(mine.requestId).catch(() => undefined),
          fundName: (await budgets.fund(mine.fundId).catch(() => undefined))?.name ?? mine.fundId,
        })),
      ),
    [ids, version],
  );
  if (requests.length === 0) return null;
  return (
    <>
      <ErrorAlert error={rows.error} />
      <DataTable
        caption={t('w.elig.mine')}
        testId="my-eligibility-requests"
        rows={[...(rows.data ?? [])].reverse()}
        rowKey={(r) => r.mine.requestId}
        columns={[
          { header: t('common.date'), cell: (r) => fmt.date(r.mine.createdAt) },
          { header: t('common.fund'), cell: (r) => r.fundName },
          {
            header: t('common.status'),
            cell: (r) => <StateBadge kind="reqState" state={r.onLedger?.state ?? 'pending'} />,
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
