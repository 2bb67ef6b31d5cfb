// A partner records the salted reference of a case document it keeps itself: the document stays at
// the source, the ledger proves which version existed when.
import { useState } from 'react';
import { client } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgSigner } from '../../../identity/org-keys.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField, TextField } from '../../../ui/fields.tsx';
import { Section } from '../../../ui/section.tsx';
import { Paragraph } from '../../../ui/text.tsx';
import type { ActionProps } from './action-props.ts';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

export function DocumentForm({ c, def, org, labels, onDone }: ActionProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState(def.documentKinds[0] ?? '');
  const [hash, setHash] = useState('');
  const send = useCaseTx(
    () =>
      client.cases.attachDocument(orgSigner(org.oin), {
        caseId: c.id,
        hash: hash.trim().toLowerCase(),
        kind,
      }),
    () => {
      setHash('');
      onDone();
    },
  );
  return (
    <Section title={t('ca.doc.title')} level={3} id="ca-document">
      <form
        className="kb-form"
        data-testid="document-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send.run();
        }}
      >
        <Paragraph>{t('ca.doc.intro')}</Paragraph>
        <SelectField
          label={t('ca.doc.kind')}
          value={kind}
          onChange={setKind}
          name="document-kind"
          options={def.documentKinds.map((k) => ({ value: k, label: labels.documentKind(k) }))}
        />
        <TextField
          label={t('c.hash')}
          description={t('ca.hashRequiredHelp')}
          value={hash}
          onChange={setHash}
          name="document-hash"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" appearance="primary" busy={send.busy} disabled={!hash.trim() || !kind}>
          {t('ca.doc.submit')}
        </Button>
        <TxOutcome action={send} testId="document" />
      </form>
    </Section>
  );
}
