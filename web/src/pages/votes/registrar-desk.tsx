// The registrar's desk (DEMO: in the municipality's browser tab; in production its HSM behind a
// DigiD-protected registration service): publish the blind-signing key, sign blinded requests of
// eligible residents, and record issued tokens in batches.
import { useState } from 'react';
import { client } from '../../api/client.ts';
import { blindSign, type Election, generateRegistrarKey, voting } from '../../api/voting.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { loadRegistrarKey, storeRegistrarKey } from '../../identity/ballot-store.ts';
import { OrgGate } from '../../identity/org-gate.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';

export function RegistrarDesk({ id }: { id: string }) {
  const { t } = useI18n();
  const election = useLoad(() => voting.election(id), [id]);
  return (
    <>
      <Heading level={1}>{t('v.registrarDesk')}</Heading>
      <ErrorAlert error={election.error} />
      {election.data && (
        <OrgGate portal="registrar" requiredRole="registrar">
          {(org) => <Desk org={org} election={election.data!} onChange={election.reload} />}
        </OrgGate>
      )}
    </>
  );
}

function Desk({ org, election: e, onChange }: { org: OrgIdentity; election: Election; onChange(): void }) {
  const { t } = useI18n();
  const [quota, setQuota] = useState('25');
  const [blinded, setBlinded] = useState('');
  const [signed, setSigned] = useState(0);
  const key = useLoad(() => loadRegistrarKey(e.id), [e.id, e.registrarKey?.publicKey]);
  const act = useAction(async (step: () => Promise<string | undefined>) => {
    const r = await step();
    onChange();
    return r;
  });
  const publish = () =>
    act.run(async () => {
      const pair = await generateRegistrarKey(2048);
      await storeRegistrarKey(e.id, pair.privateKey);
      await client.send(orgSigner(org.oin), 'voting.publish_registrar_key', {
        electionId: e.id,
        publicKey: pair.spkiHex,
        voterQuota: Number(quota),
      });
      return undefined;
    });
  const sign = () =>
    act.run(async () => {
      const sig = await blindSign(key.data!, blinded.trim().toLowerCase());
      setSigned((n) => n + 1);
      return sig;
    });
  const record = () =>
    act.run(async () => {
      await client.send(orgSigner(org.oin), 'voting.record_issuance', { electionId: e.id, count: signed });
      setSigned(0);
      return undefined;
    });
  return (
    <>
      <Heading level={2}>{e.title}</Heading>
      <Section title={t('v.reg.key')}>
        {!e.registrarKey ? (
          <>
            <Paragraph>{t('v.reg.noKey')}</Paragraph>
            <TextField
              label={t('v.reg.quota')}
              inputMode="numeric"
              value={quota}
              onChange={setQuota}
              name="quota"
            />
            <Button appearance="primary" busy={act.busy} onClick={publish}>
              {t('v.reg.publish')}
            </Button>
          </>
        ) : (
          <Paragraph>{key.data ? t('v.reg.keyHere') : t('v.reg.keyElsewhere')}</Paragraph>
        )}
      </Section>
      {key.data && (
        <Section title={t('v.reg.sign')}>
          <Paragraph>{t('v.reg.signNote')}</Paragraph>
          <TextAreaField
            label={t('v.blinded')}
            value={blinded}
            onChange={setBlinded}
            rows={4}
            name="blinded"
          />
          <Button appearance="primary" busy={act.busy} onClick={sign} disabled={!blinded.trim()}>
            {t('v.reg.sign')}
          </Button>
          {typeof act.result === 'string' && (
            <TextAreaField
              label={t('v.reg.signed')}
              value={act.result}
              onChange={() => {}}
              readOnly
              rows={4}
              name="signature"
            />
          )}
          {signed > 0 && (
            <>
              <Alert type="info">{t('v.reg.recordNote')}</Alert>
              <Button busy={act.busy} onClick={record}>
                {t('v.reg.record', { count: signed })}
              </Button>
            </>
          )}
        </Section>
      )}
      <ErrorAlert error={act.error} />
    </>
  );
}
