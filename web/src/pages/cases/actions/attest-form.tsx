// A partner gives a statement in its case role (e.g. "care offer made"), optionally with the salted
// reference of its evidence; the statements the current step waits for come first.
import { useState } from 'react';
import { client } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgSigner } from '../../../identity/org-keys.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextField } from '../../../ui/fields.tsx';
import { Section } from '../../../ui/section.tsx';
import type { ActionProps } from './action-props.ts';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

export function AttestForm({
  c,
  org,
  labels,
  onDone,
  kinds,
  awaited,
}: ActionProps & { kinds: string[]; awaited: string[] }) {
  const { t } = useI18n();
  const [kind, setKind] = useState(kinds[0] ?? '');
  const [evidence, setEvidence] = useState('');
  const send = useCaseTx(
    () =>
      client.cases.attest(orgSigner(org.oin), {
        caseId: c.id,
        kind,
        ...(evidence.trim() ? { evidence: evidence.trim().toLowerCase() } : {}),
      }),
    () => {
      setEvidence('');
      onDone();
    },
  );
  return (
    <Section title={t('ca.attest.title')} level={3} id="ca-attest">
      <form
        className="kb-form"
        data-testid="attest-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send.run();
        }}
      >
        <SelectField
          label={t('ca.attest.kind')}
          value={kind}
          onChange={setKind}
          name="attestation"
          options={kinds.map((k) => ({
            value: k,
            label: awaited.includes(k)
              ? t('ca.attest.awaited', { kind: labels.attestation(k) })
              : labels.attestation(k),
          }))}
        />
        <TextField
          label={t('c.evidence')}
          description={t('ca.hashHelp')}
          value={evidence}
          onChange={setEvidence}
          name="evidence"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" appearance="primary" busy={send.busy} disabled={!kind}>
          {t('ca.attest.submit')}
        </Button>
        <TxOutcome action={send} testId="attest" />
      </form>
    </Section>
  );
}
