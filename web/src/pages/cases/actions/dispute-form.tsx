// Joint quality: a partner disputes another partner's statement or data item. The case then waits
// for the owner's answer, so the form says so before anyone presses the button.
import { useState } from 'react';
import { client } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgSigner } from '../../../identity/org-keys.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextField } from '../../../ui/fields.tsx';
import { Section } from '../../../ui/section.tsx';
import { Paragraph } from '../../../ui/text.tsx';
import { type DisputableItem, targetKey } from '../case-permissions.ts';
import type { ActionProps } from './action-props.ts';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

const REASONS = ['incorrect', 'incomplete', 'outdated', 'not_verifiable'] as const;
type Reason = (typeof REASONS)[number];

export function DisputeForm({ c, org, labels, onDone, items }: ActionProps & { items: DisputableItem[] }) {
  const { t, tOr } = useI18n();
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState<Reason>('incorrect');
  const [evidence, setEvidence] = useState('');
  const item = items.find((i) => targetKey(i.target) === chosen) ?? items[0];
  const describe = (i: DisputableItem) =>
    i.target.kind === 'field'
      ? `${t('c.itemField', { field: labels.field(i.target.field) })} (${labels.org(i.owner)})`
      : t('c.itemAttestation', { kind: labels.attestation(i.target.attestation), org: labels.org(i.owner) });
  const send = useCaseTx(
    () =>
      client.cases.dispute(orgSigner(org.oin), {
        caseId: c.id,
        target: item!.target,
        reason,
        ...(evidence.trim() ? { evidence: evidence.trim().toLowerCase() } : {}),
      }),
    () => {
      setEvidence('');
      onDone();
    },
  );
  return (
    <Section title={t('ca.dispute.title')} level={3} id="ca-dispute">
      <form
        className="kb-form"
        data-testid="dispute-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (item) void send.run();
        }}
      >
        <Paragraph>{t('ca.dispute.intro')}</Paragraph>
        <SelectField
          label={t('ca.dispute.item')}
          value={item ? targetKey(item.target) : ''}
          onChange={setChosen}
          name="dispute-item"
          options={items.map((i) => ({ value: targetKey(i.target), label: describe(i) }))}
        />
        <SelectField
          label={t('ca.dispute.reason')}
          value={reason}
          onChange={(v) => setReason(v as Reason)}
          name="dispute-reason"
          options={REASONS.map((r) => ({ value: r, label: tOr(`disputeReason.${r}`, r) }))}
        />
        <TextField
          label={t('c.evidence')}
          description={t('ca.hashHelp')}
          value={evidence}
          onChange={setEvidence}
          name="dispute-evidence"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" appearance="primary" busy={send.busy} disabled={!item}>
          {t('ca.dispute.submit')}
        </Button>
        <TxOutcome action={send} testId="dispute" />
      </form>
    </Section>
  );
}
