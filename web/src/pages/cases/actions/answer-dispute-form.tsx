// The owner of a disputed statement or data item answers: it is right (confirm), here is the
// correction (a new value or evidence reference), or it is withdrawn. Only then does the case move.
import { useState } from 'react';
import { client } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgSigner } from '../../../identity/org-keys.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextField } from '../../../ui/fields.tsx';
import { Section } from '../../../ui/section.tsx';
import { Paragraph } from '../../../ui/text.tsx';
import type { CaseDispute } from '../case-permissions.ts';
import type { ActionProps } from './action-props.ts';
import { FieldValueInput, toLedgerValue } from './field-value-input.tsx';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

const RESOLUTIONS = ['confirmed', 'corrected', 'withdrawn'] as const;
type Resolution = (typeof RESOLUTIONS)[number];

export function AnswerDisputeForm({
  c,
  def,
  org,
  labels,
  onDone,
  dispute,
}: ActionProps & { dispute: CaseDispute }) {
  const { t, tOr } = useI18n();
  const [resolution, setResolution] = useState<Resolution>('confirmed');
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const target = dispute.target;
  const field = target.kind === 'field' ? def.fields.find((f) => f.name === target.field) : undefined;
  const send = useCaseTx(
    (correction: { value?: string; evidence?: string }) =>
      client.cases.answerDispute(orgSigner(org.oin), {
        caseId: c.id,
        disputeId: dispute.id,
        resolution,
        ...correction,
      }),
    onDone,
  );
  const item =
    target.kind === 'field'
      ? t('c.itemField', { field: labels.field(target.field) })
      : t('c.itemAttestation', { kind: labels.attestation(target.attestation), org: labels.org(target.oin) });
  const submit = () => {
    if (resolution !== 'corrected') return void send.run({});
    if (target.kind === 'attestation') return void send.run({ evidence: typed.trim().toLowerCase() });
    const value = field && toLedgerValue(field, typed);
    setProblem(value ? undefined : t('ca.field.bad'));
    if (value) void send.run({ value });
  };
  return (
    <Section title={t('ca.answer.title', { id: dispute.id })} level={3} id={`ca-answer-${dispute.id}`}>
      <form
        className="kb-form"
        data-testid="answer-dispute-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Paragraph>
          {t('ca.answer.about', {
            org: labels.org(dispute.raisedBy),
            item,
            reason: tOr(`disputeReason.${dispute.reason}`, dispute.reason),
          })}
        </Paragraph>
        <SelectField
          label={t('ca.answer.resolution')}
          value={resolution}
          onChange={(v) => setResolution(v as Resolution)}
          name="resolution"
          options={RESOLUTIONS.map((r) => ({ value: r, label: t(`ca.answer.${r}`) }))}
        />
        {resolution === 'corrected' &&
          (field ? (
            <FieldValueInput
              field={field}
              label={t('ca.field.value')}
              value={typed}
              onChange={setTyped}
              error={problem}
              name="corrected-value"
            />
          ) : (
            <TextField
              label={t('ca.answer.newEvidence')}
              description={t('ca.hashRequiredHelp')}
              value={typed}
              onChange={setTyped}
              name="corrected-evidence"
              autoComplete="off"
              spellCheck={false}
            />
          ))}
        <Button type="submit" appearance="primary" busy={send.busy}>
          {t('ca.answer.submit')}
        </Button>
        <TxOutcome action={send} testId={`answer-${dispute.id}`} />
      </form>
    </Section>
  );
}
