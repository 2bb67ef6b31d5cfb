// Making, choosing, exporting and importing the resident's key; all of it stays in this browser.
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  createWalletKey,
  exportWalletKey,
  importWalletKey,
  removeWalletKey,
  type WalletKey,
} from '../../identity/resident-wallet.ts';
import { downloadText } from '../../lib/download.ts';
import { useAction } from '../../lib/use-async.ts';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FileField, SelectField, TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { Hex, Paragraph } from '../../ui/text.tsx';

export function WalletKeys({
  keys,
  active,
  onSelect,
  onChange,
}: {
  keys: WalletKey[];
  active: WalletKey | undefined;
  onSelect(k: WalletKey): void;
  onChange(): void;
}) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const create = useAction(async () => {
    const k = createWalletKey(label.trim() || 'Mijn sleutel');
    onChange();
    onSelect(k);
    setLabel('');
  });
  const importKey = useAction(async (text: string) => {
    const k = importWalletKey(text, '');
    onChange();
    onSelect(k);
  });
  return (
    <Section title={t('w.keys')}>
      {active ? (
        <>
          {keys.length > 1 && (
            <SelectField
              label={t('w.active')}
              value={active.publicKey}
              onChange={(v) => {
                const k = keys.find((x) => x.publicKey === v);
                if (k) onSelect(k);
              }}
              options={keys.map((k) => ({
                value: k.publicKey,
                label: `${k.label} (${k.publicKey.slice(0, 8)}…)`,
              }))}
            />
          )}
          <DataList
            testId="wallet-key"
            items={[
              [t('w.label'), active.label],
              [t('w.publicKey'), <Hex key="p" value={active.publicKey} chars={32} />],
            ]}
          />
          <ButtonGroup>
            <Button
              onClick={() =>
                downloadText(
                  `ketenboek-sleutel-${active.publicKey.slice(0, 8)}.json`,
                  exportWalletKey(active),
                  'application/json',
                )
              }
            >
              {t('w.export')}
            </Button>
            <Button
              appearance="subtle"
              onClick={() => {
                if (window.confirm(t('w.removeConfirm'))) {
                  removeWalletKey(active.publicKey);
                  onChange();
                }
              }}
            >
              {t('w.remove')}
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <Paragraph>{t('w.noKey')}</Paragraph>
      )}
      <details className="kb-details" open={!active}>
        <summary>{t('w.create')}</summary>
        <form
          className="kb-form"
          onSubmit={(e) => {
            e.preventDefault();
            void create.run();
          }}
        >
          <TextField label={t('w.label')} value={label} onChange={setLabel} name="keyLabel" />
          <Button type="submit" appearance="primary" busy={create.busy} data-testid="create-key">
            {t('w.create')}
          </Button>
        </form>
        <FileField
          label={`${t('w.import')}: ${t('w.importFile')}`}
          description={t('w.importNote')}
          accept="application/json,.json"
          onFile={(f) => void f.text().then((s) => importKey.run(s))}
        />
      </details>
      <ErrorAlert error={create.error ?? importKey.error} />
    </Section>
  );
}
