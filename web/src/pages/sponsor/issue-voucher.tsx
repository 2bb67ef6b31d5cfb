// Issuing a pass: to a resident's public key, or as a bearer pass whose activation code the
// municipality hands out (only the code's hash goes on the ledger).
import { useState } from 'react';
import { activationCodeHash, randomActivationCode } from '../../../../src/modules/budgets/codes.ts';
import { budgets, type FundView, newId } from '../../api/budgets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';

export function IssueVoucher({
  fund,
  org,
  onChange,
}: {
  fund: FundView;
  org: OrgIdentity;
  onChange(): void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'bearer' | 'holder'>(fund.switches.bearerVouchers ? 'bearer' : 'holder');
  const [holder, setHolder] = useState('');
  const action = useAction(async () => {
    const voucherId = newId('pas');
    const code =
      kind === 'bearer' ? randomActivationCode((n) => crypto.getRandomValues(new Uint8Array(n))) : undefined;
    await budgets.send(orgSigner(org.oin), 'issue_voucher', {
      voucherId,
      fundId: fund.id,
      ...(code ? { activationCodeHash: activationCodeHash(code) } : { holder: holder.trim().toLowerCase() }),
    });
    onChange();
    return { voucherId, code };
  });
  if (fund.state === 'closed') return null;
  return (
    <Section title={t('sp.issue')} id="issue-voucher">
      <form
        className="kb-form"
        data-testid="issue-voucher-form"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run();
        }}
      >
        <SelectField
          label={t('sp.issue.kind')}
          value={kind}
          onChange={(v) => setKind(v as 'bearer' | 'holder')}
          name="kind"
          options={[
            ...(fund.switches.bearerVouchers ? [{ value: 'bearer', label: t('sp.issue.bearer') }] : []),
            { value: 'holder', label: t('sp.issue.holder') },
          ]}
        />
        {kind === 'holder' && (
          <TextField
            label={t('sp.issue.key')}
            value={holder}
            onChange={setHolder}
            name="holder"
            className="kb-mono"
            spellCheck={false}
            required
          />
        )}
        <Button type="submit" appearance="primary" busy={action.busy}>
          {t('sp.issue.button')}
        </Button>
      </form>
      {action.result && (
        <Alert type="ok" testId="voucher-issued">
          <p className="utrecht-paragraph">{t('sp.issue.done', { id: action.result.voucherId })}</p>
          {action.result.code && (
            <>
              <p className="utrecht-paragraph">
                {t('sp.issue.code')}:{' '}
                <strong className="kb-code-box" data-testid="activation-code">
                  {action.result.code}
                </strong>
              </p>
              <p className="utrecht-paragraph">{t('sp.issue.codeNote')}</p>
            </>
          )}
        </Alert>
      )}
      <ErrorAlert error={action.error} />
    </Section>
  );
}
