// A partner invites another chain partner (an organisation with the ledger role case_partner) into
// a case role its own role may invite, e.g. the municipality invites the care provider.
import { useState } from 'react';
import { client } from '../../../api/client.ts';
import type { Directory } from '../../../api/directory.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { orgSigner } from '../../../identity/org-keys.ts';
import { Button } from '../../../ui/button.tsx';
import { SelectField } from '../../../ui/fields.tsx';
import { Section } from '../../../ui/section.tsx';
import { Paragraph } from '../../../ui/text.tsx';
import type { ActionProps } from './action-props.ts';
import { TxOutcome, useCaseTx } from './tx-outcome.tsx';

export function InviteForm({
  c,
  org,
  labels,
  onDone,
  roles,
  dir,
}: ActionProps & { roles: string[]; dir: Directory }) {
  const { t } = useI18n();
  const [role, setRole] = useState(roles[0] ?? '');
  const holdsRole = (oin: string) => c.partners.some((p) => p.oin === oin && p.roles.includes(role));
  const candidates = dir.orgs.filter((o) => o.roles.includes('case_partner') && !holdsRole(o.oin));
  const [chosen, setChosen] = useState('');
  const oin = candidates.some((o) => o.oin === chosen) ? chosen : (candidates[0]?.oin ?? '');
  const send = useCaseTx(() => client.cases.invite(orgSigner(org.oin), { caseId: c.id, oin, role }), onDone);
  return (
    <Section title={t('ca.invite.title')} level={3} id="ca-invite">
      <form
        className="kb-form"
        data-testid="invite-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send.run();
        }}
      >
        <SelectField
          label={t('ca.invite.role')}
          value={role}
          onChange={setRole}
          name="role"
          options={roles.map((r) => ({ value: r, label: labels.role(r) }))}
        />
        {candidates.length === 0 ? (
          <Paragraph>{t('ca.invite.none')}</Paragraph>
        ) : (
          <SelectField
            label={t('ca.invite.org')}
            value={oin}
            onChange={setChosen}
            name="organisation"
            options={candidates.map((o) => ({ value: o.oin, label: o.name }))}
          />
        )}
        <Button type="submit" appearance="primary" busy={send.busy} disabled={!oin || !role}>
          {t('ca.invite.submit')}
        </Button>
        <TxOutcome action={send} testId="invite" />
      </form>
    </Section>
  );
}
