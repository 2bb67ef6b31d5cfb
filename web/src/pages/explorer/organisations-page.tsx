import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../identity/org-gate.tsx';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading } from '../../ui/text.tsx';

export function OrganisationsPage() {
  const { t, tOr } = useI18n();
  const orgs = useLoad(() => client.organisations(), []);
  return (
    <>
      <Heading level={1}>{t('org.title')}</Heading>
      <ErrorAlert error={orgs.error} />
      <DataTable
        caption={t('org.title')}
        hideCaption
        rows={orgs.data?.items ?? []}
        rowKey={(o) => o.oin}
        columns={[
          { header: t('org.name'), cell: (o) => <Link to={`/verkenner/accounts/${o.oin}`}>{o.name}</Link> },
          { header: t('org.oin'), cell: (o) => <span className="kb-mono">{o.oin}</span> },
          { header: t('org.roles'), cell: (o) => o.roles.map((r) => roleLabel(tOr, r)).join(', ') },
          { header: t('org.member'), cell: (o) => (o.member ? t('common.yes') : t('common.no')) },
          { header: t('org.validator'), cell: (o) => (o.validator ? t('common.yes') : t('common.no')) },
          {
            header: t('org.keys'),
            numeric: true,
            cell: (o) => o.keys.filter((k) => k.revokedAtHeight === undefined).length,
          },
        ]}
      />
    </>
  );
}
