import { voting } from '../../api/voting.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { StateBadge } from '../shared/states.tsx';

export function VotesPage() {
  const { t, fmt } = useI18n();
  const list = useLoad(() => voting.elections({ limit: 50 }), []);
  return (
    <>
      <Heading level={1}>{t('v.title')}</Heading>
      <Paragraph lead>{t('v.intro')}</Paragraph>
      <Alert type="info">{t('v.limits')}</Alert>
      <ErrorAlert error={list.error} />
      <DataTable
        caption={t('v.elections')}
        testId="elections"
        rows={list.data?.items ?? []}
        rowKey={(e) => e.id}
        empty={t('v.none')}
        columns={[
          { header: t('v.col.title'), cell: (e) => <Link to={`/stemmen/${e.id}`}>{e.title}</Link> },
          { header: t('v.col.closes'), cell: (e) => fmt.dateTime(e.votingClosesAt) },
          { header: t('v.col.cast'), numeric: true, cell: (e) => e.ballotsCast },
          { header: t('common.status'), cell: (e) => <StateBadge kind="electionState" state={e.status} /> },
        ]}
      />
      <p className="utrecht-paragraph">
        <Link to="/stemmen/nieuw">{t('v.new')}</Link>
      </p>
    </>
  );
}
