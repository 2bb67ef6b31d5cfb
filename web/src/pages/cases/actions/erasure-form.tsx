// The opener of a case (its controller under the GDPR) records that the case's off-ledger data is
// erased. It cannot be undone, so the button waits for an explicit confirmation.
import { useState } from 'react';
import { client } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgSigner } from '../../../identity/org-keys.ts';
import { Button } from '../../../ui/button.tsx';
import { CheckboxField, SelectField } from '../../../ui/fields.tsx';
import { Section } from '../../../ui/section.tsx';
import { Paragraph } from '../../../ui/text.tsx';
import type { ActionProps } from './action-props.ts';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

const REASONS = ['subject_request', 'retention_expired', 'unlawful_processing', 'case_withdrawn'] as const;
type Reason = (typeof REASONS)[number];

export function ErasureForm({ c, org, onDone }: ActionProps) {
  const { t, tOr } = useI18n();
  const [reason, setReason] = useState<Reason>('subject_request');
  const [sure, setSure] = useState(false);
  const send = useCaseTx(
    () => client.cases.recordErasure(orgSigner(org.oin), { caseId: c.id, reason }),
    onDone,
  );
  return (
    <Section title={t('ca.erase.title')} level={3} id="ca-erase">
      <form
        className="kb-form"
        data-testid="erasure-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (sure) void send.run();
        }}
      >
        <Paragraph>{t('ca.erase.intro')}</Paragraph>
        <SelectField
          label={t('ca.erase.reason')}
          value={reason}
          onChange={(v) => setReason(v as Reason)}
          name="erasure-reason"
          options={REASONS.map((r) => ({ value: r, label: tOr(`erasureReason.${r}`, r) }))}
        />
        <CheckboxField
          label={t('ca.erase.confirm')}
          checked={sure}
          onChange={setSure}
          name="erasure-confirm"
        />
        <Button type="submit" busy={send.busy} disabled={!sure}>
          {t('ca.erase.submit')}
        </Button>
        <TxOutcome action={send} testId="erasure" />
      </form>
    </Section>
  );
}
