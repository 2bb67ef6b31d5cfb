// The resident signs their own statements (consent, accepting a payment plan) with the pseudonymous
// key the case was opened for. Offered only when that key is in this browser's wallet, e.g. at the
// counter on the resident's own device; the organisation cannot sign these.
import { client } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useIdentities } from '../../../identity/identity-store.ts';
import { walletSigner } from '../../../identity/resident-wallet.ts';
import { Button, ButtonGroup } from '../../../ui/button.tsx';
import { Section } from '../../../ui/section.tsx';
import { Paragraph } from '../../../ui/text.tsx';
import type { ActionProps } from './action-props.ts';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

export function SubjectAttestForm({ c, def, labels, onDone }: Omit<ActionProps, 'org'>) {
  const { t } = useI18n();
  const { wallet } = useIdentities();
  const subject = c.subject;
  const key = subject?.kind === 'pseudonym' ? wallet.find((k) => k.publicKey === subject.pubKey) : undefined;
  const kinds = def.attestations.filter((a) => a.by === 'subject').map((a) => a.kind);
  const send = useCaseTx(
    (kind: string) => client.cases.attest(walletSigner(key!), { caseId: c.id, kind }),
    onDone,
  );
  if (!key || kinds.length === 0 || c.status !== 'open') return null;
  return (
    <Section title={t('ca.subject.title')} level={3} id="ca-subject">
      <div data-testid="subject-attest">
        <Paragraph>{t('ca.subject.intro')}</Paragraph>
        <ButtonGroup>
          {kinds.map((k) => (
            <Button key={k} busy={send.busy} disabled={send.busy} onClick={() => void send.run(k)}>
              {t('ca.subject.submit', { kind: labels.attestation(k) })}
            </Button>
          ))}
        </ButtonGroup>
        <TxOutcome action={send} testId="subject-attest" />
      </div>
    </Section>
  );
}
