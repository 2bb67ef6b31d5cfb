import { useState } from 'react';
import { budgets, type FundProvider, type FundView } from '../../api/budgets.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { StateBadge, useCategoryLabel } from '../shared/states.tsx';

export function FundProviders({
  fund,
  org,
  version,
  onChange,
}: {
  fund: FundView;
  org: OrgIdentity;
  version: number;
  onChange(): void;
}) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const category = useCategoryLabel();
  const apps = useLoad(() => budgets.providers(fund.id), [fund.id, version]);
  const decide = useAction(async (p: FundProvider, decision: 'accepted' | 'rejected', reason: string) => {
    await budgets.send(orgSigner(org.oin), 'decide_provider', {
      fundId: fund.id,
      provider: p.provider,
      decision,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    onChange();
  });
  return (
    <Section title={t('sp.providers')} id="fund-providers">
      <ErrorAlert error={apps.error ?? decide.error} />
      <DataTable
        caption={t('sp.providers')}
        hideCaption
        testId="fund-providers"
        rows={apps.data ?? []}
        rowKey={(p) => p.provider}
        empty={t('sp.providers.none')}
        columns={[
          { header: t('common.provider'), cell: (p) => dir.byOin.get(p.provider)?.name ?? p.provider },
          { header: t('sp.providers.applied'), cell: (p) => fmt.date(p.appliedAt) },
          { header: t('common.status'), cell: (p) => <StateBadge kind="appState" state={p.state} /> },
          {
            header: t('sp.providers.accepted'),
            cell: (p) =>
              p.state !== 'accepted'
                ? (p.reason ?? '—')
                : p.categories
                  ? p.categories.map(category).join(', ')
                  : t('sp.providers.whole'),
          },
          {
            header: '',
            cell: (p) =>
              p.state === 'pending' ? (
                <Decide
                  app={p}
                  busy={decide.busy}
                  onDecide={(d, r) => decide.run(p, d, r)}
                  name={dir.byOin.get(p.provider)?.name ?? p.provider}
                />
              ) : null,
          },
        ]}
      />
    </Section>
  );
}

function Decide({
  app,
  name,
  busy,
  onDecide,
}: {
  app: FundProvider;
  name: string;
  busy: boolean;
  onDecide(d: 'accepted' | 'rejected', reason: string): void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <div data-testid={`decide-${app.provider}`}>
      <TextField label={`${t('sp.reason')} — ${name}`} value={reason} onChange={setReason} name="reason" />
      <ButtonGroup>
        <Button
          appearance="primary"
          busy={busy}
          onClick={() => onDecide('accepted', reason)}
          aria-label={`${t('sp.accept')}: ${name}`}
        >
          {t('sp.accept')}
        </Button>
        <Button
          busy={busy}
          onClick={() => onDecide('rejected', reason)}
          aria-label={`${t('sp.reject')}: ${name}`}
        >
          {t('sp.reject')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
