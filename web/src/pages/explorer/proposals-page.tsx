import { client, type Proposal } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { type BadgeTone, StatusBadge } from '../../ui/badge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';

const TONE: Record<Proposal['status'], BadgeTone> = {
  open: 'active',
  passed: 'success',
  rejected: 'danger',
  expired: 'inactive',
};

function actionText(p: Proposal): string {
  const a = p.action;
  switch (a.kind) {
    case 'add_organisation':
      return `+ ${a.name}`;
    case 'grant_role':
    case 'revoke_role':
      return `${a.kind === 'grant_role' ? '+' : '−'} ${a.role} (${a.oin})`;
    case 'set_register_class':
      return `register: ${a.registerClass.name}`;
    case 'publish_process':
      return `process: ${(a.process as { name?: string; id?: string }).name ?? (a.process as { id?: string }).id ?? ''}`;
    default:
      return a.kind;
  }
}

export function ProposalsPage() {
  const { t, tOr, fmt } = useI18n();
  const dir = useDirectory();
  const props = useLoad(() => client.proposals(), []);
  return (
    <>
      <Heading level={1}>{t('prop.title')}</Heading>
      <Paragraph lead>{t('prop.intro')}</Paragraph>
      <ErrorAlert error={props.error} />
      <DataTable
        caption={t('prop.title')}
        hideCaption
        rows={props.data?.items ?? []}
        rowKey={(p) => p.id}
        columns={[
          { header: t('prop.id'), numeric: true, cell: (p) => p.id },
          { header: t('prop.subject'), cell: (p) => p.title },
          { header: t('prop.action'), cell: (p) => actionText(p) },
          { header: t('prop.proposer'), cell: (p) => dir.byOin.get(p.proposer)?.name ?? p.proposer },
          {
            header: t('prop.votes'),
            numeric: true,
            cell: (p) => `${p.approvals.length} / ${p.rejections.length}`,
          },
          { header: t('prop.deadline'), cell: (p) => fmt.dateTime(p.deadline) },
          {
            header: t('common.status'),
            cell: (p) => (
              <StatusBadge tone={TONE[p.status]}>{tOr(`prop.status.${p.status}`, p.status)}</StatusBadge>
            ),
          },
        ]}
      />
    </>
  );
}
