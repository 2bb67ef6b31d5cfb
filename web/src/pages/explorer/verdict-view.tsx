// The clear valid/invalid verdict of a proof checked in this browser, with every check listed.

import { useI18n } from '../../i18n/i18n.tsx';
import type { ReceiptVerdict } from '../../lib/verify.ts';
import { Alert } from '../../ui/alert.tsx';
import { StatusBadge } from '../../ui/badge.tsx';
import { DataTable } from '../../ui/table.tsx';

export function VerdictView({
  verdict,
  trustedFromLedger,
}: {
  verdict: ReceiptVerdict;
  trustedFromLedger: boolean;
}) {
  const { t, tOr } = useI18n();
  return (
    <div className="kb-verdict" data-testid="verdict" data-valid={verdict.valid ? 'true' : 'false'}>
      <Alert
        type={verdict.valid ? 'ok' : 'error'}
        testId={verdict.valid ? 'verdict-valid' : 'verdict-invalid'}
      >
        <p className="utrecht-paragraph kb-verdict__headline">
          <strong>{verdict.valid ? t('verdict.valid') : t('verdict.invalid')}</strong>
        </p>
        <p className="utrecht-paragraph">
          {t('verdict.trusted', {
            source: trustedFromLedger ? t('verdict.trustedLedger') : t('verdict.trustedProof'),
          })}
        </p>
      </Alert>
      <DataTable
        caption={t('verdict.checks')}
        rows={verdict.checks}
        rowKey={(c) => c.name}
        columns={[
          { header: t('verdict.check'), cell: (c) => tOr(`check.${c.name}`, c.name) },
          {
            header: t('verdict.outcome'),
            cell: (c) =>
              c.ok ? (
                <StatusBadge tone="success">{t('verdict.passed')}</StatusBadge>
              ) : (
                <span>
                  <StatusBadge tone="danger">{t('verdict.failed')}</StatusBadge> {c.detail}
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}
