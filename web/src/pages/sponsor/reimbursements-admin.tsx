import { budgets, type FundView, type Reimbursement } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Hex } from '../../ui/text.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';

export function ReimbursementsAdmin({
  fund,
  org,
  version,
  onChange,
}: {
  fund: FundView;
  org: OrgIdentity;
  version: number;
  onChange(): void;
}) {
  const { t, fmt } = useI18n();
  const category = useCategoryLabel();
  const claims = useLoad(() => budgets.reimbursements({ fundId: fund.id }), [fund.id, version]);
  const decide = useAction(async (r: Reimbursement, decision: 'approved' | 'declined') => {
    await budgets.send(orgSigner(org.oin), 'decide_reimbursement', { reimbursementId: r.id, decision });
    onChange();
  });
  return (
    <Section title={t('sp.reimb')} id="reimbursements">
      <ErrorAlert error={claims.error ?? decide.error} />
      <DataTable
        caption={t('sp.reimb')}
        hideCaption
        testId="reimbursements"
        rows={[...(claims.data ?? [])].reverse()}
        rowKey={(r) => r.id}
        empty={t('sp.reimb.none')}
        columns={[
          { header: t('common.date'), cell: (r) => fmt.date(r.submittedAt) },
          { header: t('common.category'), cell: (r) => category(r.category) },
          { header: t('common.amount'), numeric: true, cell: (r) => fmt.money(r.amountCents) },
          { header: t('sp.reimb.receipt'), cell: (r) => <Hex value={r.receiptHash} /> },
          { header: t('common.status'), cell: (r) => <StateBadge kind="reimbState" state={r.state} /> },
          {
            header: '',
            cell: (r) =>
              r.state === 'pending' ? (
                <ButtonGroup>
                  <Button appearance="primary" busy={decide.busy} onClick={() => decide.run(r, 'approved')}>
                    {t('sp.reimb.approve')}
                  </Button>
                  <Button busy={decide.busy} onClick={() => decide.run(r, 'declined')}>
                    {t('sp.reimb.decline')}
                  </Button>
                </ButtonGroup>
              ) : null,
          },
        ]}
      />
    </Section>
  );
}
