// The demo role switcher for organisation portals: pick one of the organisations whose key this
// tab holds, or import a demo key file. Renders the portal only for an organisation with the role.
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useAction } from '../lib/use-async.ts';
import { Alert } from '../ui/alert.tsx';
import { Button, ButtonGroup } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { FileField, SelectField, TextAreaField } from '../ui/fields.tsx';
import { Section } from '../ui/section.tsx';
import { Paragraph } from '../ui/text.tsx';
import { identitiesChanged, select, selectedFor, useIdentities } from './identity-store.ts';
import { forgetOrgKey, importOrgKey, type OrgIdentity } from './org-keys.ts';

export function roleLabel(tOr: (k: string, fallback: string) => string, role: string): string {
  return tOr(`role.${role}`, role);
}

export function OrgGate({
  portal,
  requiredRole: role,
  children,
}: {
  portal: string;
  /** The ledger role the organisation needs for this portal, e.g. "sponsor". */
  requiredRole: string;
  children(org: OrgIdentity): ReactNode;
}) {
  const { t, tOr } = useI18n();
  const { orgs } = useIdentities();
  const candidates = orgs.filter((o) => o.roles.includes(role));
  const chosen = candidates.find((o) => o.oin === selectedFor(portal)) ?? candidates[0];
  const [switching, setSwitching] = useState(false);

  if (!chosen || switching) {
    return (
      <>
        {orgs.length > 0 && candidates.length === 0 && (
          <Alert type="warning">
            {t('id.lacksRole', { name: orgs.map((o) => o.name).join(', '), role: roleLabel(tOr, role) })}
          </Alert>
        )}
        {candidates.length > 1 && (
          <SelectField
            label={t('id.organisation')}
            value={chosen?.oin ?? ''}
            onChange={(v) => {
              select(portal, v);
              setSwitching(false);
            }}
            options={candidates.map((o) => ({ value: o.oin, label: o.name }))}
          />
        )}
        <OrgKeyImport
          role={role}
          onImported={(o) => {
            if (o.roles.includes(role)) select(portal, o.oin);
            setSwitching(false);
          }}
        />
      </>
    );
  }
  return (
    <>
      <div className="kb-identity-bar" data-testid="signed-in-org">
        <span>
          {t('id.signedInAs')}: <strong>{chosen.name}</strong>{' '}
          <span className="kb-muted">(OIN {chosen.oin})</span>
        </span>
        <ButtonGroup>
          <Button appearance="subtle" onClick={() => setSwitching(true)}>
            {t('id.switch')}
          </Button>
          <Button
            appearance="subtle"
            onClick={() => {
              forgetOrgKey(chosen.oin);
              identitiesChanged();
            }}
          >
            {t('id.forget')}
          </Button>
        </ButtonGroup>
      </div>
      {children(chosen)}
    </>
  );
}

function OrgKeyImport({ role, onImported }: { role: string; onImported(o: OrgIdentity): void }) {
  const { t, tOr } = useI18n();
  const [text, setText] = useState('');
  const action = useAction(async (json: string) => {
    const o = await importOrgKey(json);
    identitiesChanged();
    onImported(o);
    return o;
  });
  return (
    <Section title={t('id.orgTitle')}>
      <Paragraph>{t('id.needsRole', { role: roleLabel(tOr, role) })}</Paragraph>
      <ButtonGroup>
        <Button appearance="secondary" disabled aria-describedby="eherkenning-note">
          {t('id.eherkenning')}
        </Button>
      </ButtonGroup>
      <p className="utrecht-paragraph kb-muted" id="eherkenning-note">
        {t('id.eherkenningNote')}
      </p>
      <form
        className="kb-form"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(text);
        }}
      >
        <Section title={t('id.demoImport')} level={3}>
          <Paragraph>{t('id.demoImportNote')}</Paragraph>
          <FileField
            label={t('id.keyFile')}
            accept="application/json,.json"
            name="org-key-file"
            onFile={(f) => void f.text().then((s) => action.run(s))}
          />
          <TextAreaField label={t('id.paste')} value={text} onChange={setText} rows={4} name="org-key-text" />
          <Button type="submit" appearance="primary" busy={action.busy} disabled={!text.trim()}>
            {t('id.import')}
          </Button>
        </Section>
      </form>
      <ErrorAlert error={action.error} />
    </Section>
  );
}
