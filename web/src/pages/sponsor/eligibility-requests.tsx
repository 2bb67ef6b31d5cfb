// Deciding eligibility requests. The check itself happens at the source (income data stays with
// the municipality); the ledger gets the decision per criterion and a salted hash of the evidence.
import { sha256Hex } from '../../../../src/core/hash.ts';
import { budgets, type EligibilityRequest, type FundView } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Hex, Paragraph } from '../../ui/text.tsx';

export function EligibilityRequests({
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
  const isValidator = fund.validators.includes(org.oin);
  const reqs = useLoad(() => budgets.eligibilityRequests(fund.id), [fund.id, version]);
  const decide = useAction(async (r: EligibilityRequest, approve: boolean) => {
    const salt = [...crypto.getRandomValues(new Uint8Array(16))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    await budgets.send(orgSigner(org.oin), 'decide_eligibility', {
      requestId: r.id,
      decision: approve ? 'approved' : 'declined',
      criteria: fund.criteria.map((c) => ({ ...c, met: approve })),
      evidenceHash: sha256Hex(`${salt}|${org.oin}|${r.id}`),
    });
    onChange();
  });
  const pending = (reqs.data ?? []).filter((r) => r.state === 'pending');
  if (!isValidator && pending.length === 0) return null;
  return (
    <Section title={t('sp.requests')} id="eligibility-requests">
      <Paragraph>{t('sp.requests.note')}</Paragraph>
      <ErrorAlert error={reqs.error ?? decide.error} />
      <DataTable
        caption={t('sp.requests')}
        hideCaption
        rows={pending}
        rowKey={(r) => r.id}
        empty={t('sp.requests.none')}
        columns={[
          { header: 'Nr.', cell: (r) => r.id },
          { header: t('ex.resident'), cell: (r) => <Hex value={r.requester} /> },
          { header: t('common.date'), cell: (r) => fmt.date(r.submittedAt) },
          {
            header: '',
            cell: (r) =>
              isValidator ? (
                <ButtonGroup>
                  <Button appearance="primary" busy={decide.busy} onClick={() => decide.run(r, true)}>
                    {t('sp.requests.approve')}
                  </Button>
                  <Button busy={decide.busy} onClick={() => decide.run(r, false)}>
                    {t('sp.requests.decline')}
                  </Button>
                </ButtonGroup>
              ) : null,
          },
        ]}
      />
    </Section>
  );
}
