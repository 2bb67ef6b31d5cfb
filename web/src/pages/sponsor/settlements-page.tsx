// Settlement batches: draft → approved (four eyes when the municipality has several keys) → SEPA
// file for the bank → marked paid with the bank's reference.
import { useState } from 'react';
import { budgets, newId, type Settlement } from '../../api/budgets.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type OrgIdentity, orgSigner } from '../../identity/org-keys.ts';
import { downloadText } from '../../lib/download.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { StateBadge } from '../shared/states.tsx';

export function SettlementsPage({ org }: { org: OrgIdentity }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const [version, setVersion] = useState(0);
  const [fundId, setFundId] = useState('');
  const [bankRef, setBankRef] = useState('');
  const funds = useLoad(() => budgets.funds({ sponsor: org.oin }), [org.oin]);
  const list = useLoad(() => budgets.settlements({ sponsor: org.oin }), [org.oin, version]);
  const act = useAction(async (message: string, body: Record<string, unknown>) => {
    await budgets.send(orgSigner(org.oin), message, body);
    setVersion((v) => v + 1);
  });
  const sepa = useAction(async (s: Settlement) => {
    downloadText(`${s.id}-pain.001.xml`, await budgets.sepaFile(s.id), 'application/xml');
  });
  const rows = [...(list.data ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return (
    <>
      <Heading level={2}>{t('set.title')}</Heading>
      <Paragraph>{t('set.intro')}</Paragraph>
      <Paragraph>{t('set.fourEyes')}</Paragraph>
      <ErrorAlert error={list.error ?? act.error ?? sepa.error} />
      <DataTable
        caption={t('set.title')}
        hideCaption
        testId="settlements"
        rows={rows}
        rowKey={(s) => s.id}
        empty={t('set.none')}
        columns={[
          { header: t('set.col.id'), cell: (s) => s.id },
          { header: t('set.col.date'), cell: (s) => fmt.date(s.executionDate) },
          {
            header: t('set.col.lines'),
            cell: (s) => (
              <ul className="kb-inline-list">
                {s.lines.map((l) => (
                  <li key={l.provider}>
                    {dir.byOin.get(l.provider)?.name ?? l.provider}: {fmt.money(l.amountCents)}
                  </li>
                ))}
              </ul>
            ),
          },
          { header: t('set.col.total'), numeric: true, cell: (s) => fmt.money(s.totalCents) },
          { header: t('common.status'), cell: (s) => <StateBadge kind="setState" state={s.state} /> },
          {
            header: '',
            cell: (s) => (
              <ButtonGroup>
                {s.state === 'draft' && (
                  <>
                    <Button
                      appearance="primary"
                      busy={act.busy}
                      onClick={() => act.run('approve_settlement', { settlementId: s.id })}
                    >
                      {t('set.approve')}
                    </Button>
                    <Button
                      busy={act.busy}
                      onClick={() => act.run('cancel_settlement', { settlementId: s.id })}
                    >
                      {t('set.cancel')}
                    </Button>
                  </>
                )}
                {(s.state === 'approved' || s.state === 'paid') && (
                  <Button busy={sepa.busy} onClick={() => sepa.run(s)}>
                    {t('set.sepa')}
                  </Button>
                )}
                {s.state === 'approved' && (
                  <Button
                    busy={act.busy}
                    onClick={() =>
                      act.run('mark_settlement_paid', {
                        settlementId: s.id,
                        ...(bankRef.trim() ? { bankReference: bankRef.trim() } : {}),
                      })
                    }
                  >
                    {t('set.markPaid')}
                  </Button>
                )}
              </ButtonGroup>
            ),
          },
        ]}
      />
      <TextField label={t('set.bankRef')} value={bankRef} onChange={setBankRef} name="bankReference" />
      <Section title={t('set.new')}>
        <form
          className="kb-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act.run('create_settlement', {
              settlementId: newId('afrekening'),
              ...(fundId ? { fundId } : {}),
            });
          }}
        >
          <SelectField
            label={t('set.fundFilter')}
            value={fundId}
            onChange={setFundId}
            name="fundId"
            options={[
              { value: '', label: t('set.allFunds') },
              ...(funds.data ?? []).map((f) => ({ value: f.id, label: f.name })),
            ]}
          />
          <Button type="submit" appearance="primary" busy={act.busy}>
            {t('set.create')}
          </Button>
        </form>
      </Section>
    </>
  );
}
