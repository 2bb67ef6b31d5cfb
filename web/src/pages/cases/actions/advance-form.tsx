// The performer of the current step moves the case along one of the process's transitions. Every
// allowed step is offered; one that needs a complete step says what is still missing, and if it is
// chosen anyway the ledger refuses it with that reason.
import { client } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgSigner } from '../../../identity/org-keys.ts';
import { Button, ButtonGroup } from '../../../ui/button.tsx';
import { Section } from '../../../ui/section.tsx';
import { Paragraph } from '../../../ui/text.tsx';
import type { ActionProps } from './action-props.ts';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

export function AdvanceForm({ c, org, labels, onDone }: ActionProps) {
  const { t } = useI18n();
  const send = useCaseTx(
    (to: string) => client.cases.advance(orgSigner(org.oin), { caseId: c.id, to }),
    onDone,
  );
  const missing = c.progress.missing
    .map((m) => (m.kind === 'field' ? labels.field(m.field) : labels.attestation(m.attestation)))
    .join(', ');
  return (
    <Section title={t('ca.advance.title')} level={3} id="ca-advance">
      <div data-testid="advance-form">
        <Paragraph>{t('ca.advance.intro', { step: c.stepTitle })}</Paragraph>
        {!c.progress.complete && <Paragraph>{t('ca.advance.incomplete', { missing })}</Paragraph>}
        <ButtonGroup>
          {c.next.map((n) => (
            <Button
              key={n.to}
              appearance={n.requiresComplete ? 'primary' : 'secondary'}
              busy={send.busy}
              disabled={send.busy}
              onClick={() => void send.run(n.to)}
            >
              {t('ca.advance.to', { step: labels.step(n.to) })}
              {!n.requiresComplete && ` ${t('ca.advance.exit')}`}
            </Button>
          ))}
        </ButtonGroup>
        <TxOutcome action={send} testId="advance" />
      </div>
    </Section>
  );
}
