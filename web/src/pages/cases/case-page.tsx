// One case: where it stands, who takes part in which role, and everything that happened, in order.
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading } from '../../ui/text.tsx';
import { StateBadge } from '../shared/states.tsx';
import { useWaitingText } from './cases-page.tsx';

export function CasePage({ id }: { id: string }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const waiting = useWaitingText(dir);
  const data = useLoad(() => Promise.all([client.cases(id), client.cases.timeline(id)]), [id]);
  const [c, timeline] = data.data ?? [];
  const name = (oin: string) => (oin === 'subject' ? t('c.resident') : (dir.byOin.get(oin)?.name ?? oin));
  return (
    <>
      <Heading level={1}>
        {t('c.case')} {id}
      </Heading>
      <ErrorAlert error={data.error} />
      {c && (
        <DataList
          testId="case-facts"
          items={[
            [t('c.process'), c.processTitle],
            [t('common.status'), <StateBadge key="s" kind="caseState" state={c.status} />],
            [t('c.step'), c.stepTitle],
            [t('c.due'), fmt.dateTime(c.dueAt)],
            [t('c.waitingOn'), c.progress.waitingOn.map(waiting).join('; ') || '—'],
            [t('c.partners'), c.partners.map((p) => `${name(p.oin)} (${p.roles.join(', ')})`).join('; ')],
            c.progress.openDisputes.length > 0 && [t('c.disputes'), c.progress.openDisputes.join(', ')],
          ]}
        />
      )}
      <DataTable
        caption={t('c.timeline')}
        testId="case-timeline"
        rows={timeline?.items ?? []}
        rowKey={(e) => String(e.seq)}
        columns={[
          {
            header: t('ex.col.when'),
            cell: (e) => <Link to={`/verkenner/transacties/${e.txHash}`}>{fmt.dateTime(e.at)}</Link>,
          },
          { header: t('c.who'), cell: (e) => name(e.by) },
          { header: t('c.what'), cell: (e) => e.action },
          {
            header: t('c.details'),
            cell: (e) =>
              Object.entries(e.details)
                .map(([k, v]) => `${k}: ${v}`)
                .join(', '),
          },
        ]}
      />
    </>
  );
}
