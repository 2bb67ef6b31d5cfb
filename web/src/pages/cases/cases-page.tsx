// A chain partner's open cases: step, deadline, and who the case waits on (highlighting the
// partner's own turn).
import type { PartnerCasesPage } from '../../../../src/client/modules/cases.ts';
import { client } from '../../api/client.ts';
import { type Directory, useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrgGate } from '../../identity/org-gate.tsx';
import type { OrgIdentity } from '../../identity/org-keys.ts';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { StatusBadge } from '../../ui/badge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';

type Waiting = PartnerCasesPage['cases'][number]['waitingOn'][number];

export function useWaitingText(dir: Directory): (w: Waiting) => string {
  const { t, tOr } = useI18n();
  return (w) => {
    const who =
      w.role === 'subject'
        ? t('c.resident')
        : w.oin
          ? (dir.byOin.get(w.oin)?.name ?? w.oin)
          : t('c.nobodyYet', { role: w.role });
    return `${who}: ${tOr(`c.reason.${w.reason}`, w.reason, { item: w.item })}`;
  };
}

export function CasesPage() {
  const { t } = useI18n();
  return (
    <>
      <Heading level={1}>{t('c.title')}</Heading>
      <Paragraph lead>{t('c.intro')}</Paragraph>
      <OrgGate portal="cases" requiredRole="case_partner">
        {(org) => <PartnerCases org={org} />}
      </OrgGate>
    </>
  );
}

function PartnerCases({ org }: { org: OrgIdentity }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const waiting = useWaitingText(dir);
  const overview = useLoad(() => client.cases.partnerCases(org.oin, { limit: 100 }), [org.oin]);
  return (
    <>
      <ErrorAlert error={overview.error} />
      <DataTable
        caption={t('c.open')}
        testId="partner-cases"
        rows={overview.data?.cases ?? []}
        rowKey={(c) => c.id}
        empty={t('c.none')}
        columns={[
          { header: t('c.case'), cell: (c) => <Link to={`/zaken/${c.id}`}>{c.id}</Link> },
          { header: t('c.process'), cell: (c) => c.process },
          { header: t('c.step'), cell: (c) => c.stepTitle },
          {
            header: t('c.due'),
            cell: (c) => (
              <>
                {fmt.date(c.dueAt)}{' '}
                {c.dueAt && (
                  <StatusBadge tone={c.overdue ? 'danger' : 'success'}>
                    {c.overdue ? t('c.overdue') : t('c.onTime')}
                  </StatusBadge>
                )}
              </>
            ),
          },
          {
            header: t('c.waitingOn'),
            cell: (c) => (
              <ul className="utrecht-unordered-list kb-compact-list">
                {c.waitingOnYou.map((w) => (
                  <li key={`you-${w.reason}-${w.item}`} className="utrecht-unordered-list__item">
                    <StatusBadge tone="warning">{t('c.youToAct')}</StatusBadge> {waiting(w)}
                  </li>
                ))}
                {c.waitingOn
                  .filter(
                    (w) =>
                      !c.waitingOnYou.some(
                        (y) => y.reason === w.reason && y.item === w.item && y.oin === w.oin,
                      ),
                  )
                  .map((w) => (
                    <li key={`${w.oin}-${w.reason}-${w.item}`} className="utrecht-unordered-list__item">
                      {waiting(w)}
                    </li>
                  ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
