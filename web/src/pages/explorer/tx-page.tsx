import { useState } from 'react';
import { client, KetenboekApiError, type TxRecord } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { downloadText } from '../../lib/download.ts';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { type ReceiptVerdict, verifyReceiptInBrowser } from '../../lib/verify.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button, ButtonGroup } from '../../ui/button.tsx';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Section } from '../../ui/section.tsx';
import { Heading, Hex, Paragraph } from '../../ui/text.tsx';
import { loadTrust } from './trust.ts';
import { Parties, Party, TxKind, TxResultBadge } from './tx-parts.tsx';
import { VerdictView } from './verdict-view.tsx';

export function TxPage({ hash }: { hash: string }) {
  const { t } = useI18n();
  const tx = useLoad(() => client.tx(hash), [hash]);
  return (
    <>
      <Heading level={1}>{t('tx.title')}</Heading>
      {tx.loading && <Paragraph>{t('common.loading')}</Paragraph>}
      {tx.error instanceof KetenboekApiError && tx.error.status === 404 ? (
        <Alert type="warning">{t('tx.notFound')}</Alert>
      ) : (
        <ErrorAlert error={tx.error} />
      )}
      {tx.data && <TxDetails tx={tx.data} />}
    </>
  );
}

function TxDetails({ tx }: { tx: TxRecord }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  return (
    <>
      <DataList
        testId="tx-details"
        items={[
          [t('tx.hash'), <Hex key="h" value={tx.hash} chars={32} />],
          [t('tx.type'), <TxKind key="k" type={tx.type} />],
          [t('tx.date'), fmt.date(tx.time)],
          [t('tx.time'), fmt.time(tx.time)],
          [
            t('tx.block'),
            <Link
              key="b"
              to={`/verkenner/blokken/${tx.height}`}
            >{`${tx.height} (${t('tx.position')} ${tx.index})`}</Link>,
          ],
          [t('tx.signer'), tx.signer ? <Party key="s" id={tx.signer} dir={dir} /> : '—'],
          [t('tx.participants'), <Parties key="p" ids={tx.participants} dir={dir} />],
          [
            t('tx.amount'),
            <span key="a" data-testid="tx-amount">
              {tx.amount ? fmt.money(tx.amount) : '—'}
            </span>,
          ],
          [
            t('tx.result'),
            <span key="r" data-testid="tx-result">
              <TxResultBadge code={tx.result.code} error={tx.result.error} log={tx.result.log} />
            </span>,
          ],
        ]}
      />
      {tx.result.events.length > 0 && (
        <Section title={t('tx.events')}>
          <ul className="utrecht-unordered-list">
            {tx.result.events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id of their own
              <li className="utrecht-unordered-list__item" key={i}>
                <code>{e.type}</code>: {e.attributes.map((a) => `${a.key}=${a.value}`).join(', ')}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <details className="kb-details">
        <summary>{t('tx.body')}</summary>
        <pre className="utrecht-code-block kb-pre">{JSON.stringify(tx.tx?.body ?? null, null, 2)}</pre>
      </details>
      <ReceiptSection tx={tx} />
    </>
  );
}

function ReceiptSection({ tx }: { tx: TxRecord }) {
  const { t } = useI18n();
  const [verdict, setVerdict] = useState<{ v: ReceiptVerdict; ledgerTrust: boolean }>();
  const [error, setError] = useState<unknown>();
  if (!tx.receipt) {
    return (
      <Section title={t('receipt.title')}>
        <Paragraph>{t('receipt.none')}</Paragraph>
      </Section>
    );
  }
  const receipt = tx.receipt;
  const check = async () => {
    setError(undefined);
    try {
      const trust = await loadTrust();
      setVerdict({ v: verifyReceiptInBrowser(receipt, trust), ledgerTrust: !!trust.trustedValidators });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Section title={t('receipt.title')}>
      <Paragraph>{t('receipt.intro')}</Paragraph>
      <ButtonGroup>
        <Button appearance="primary" onClick={check} data-testid="verify-receipt">
          {t('receipt.verify')}
        </Button>
        <Button
          onClick={() =>
            downloadText(
              `ontvangstbewijs-${tx.hash.slice(0, 12)}.json`,
              JSON.stringify(receipt, null, 2),
              'application/json',
            )
          }
        >
          {t('receipt.download')}
        </Button>
      </ButtonGroup>
      <ErrorAlert error={error} />
      {verdict && <VerdictView verdict={verdict.v} trustedFromLedger={verdict.ledgerTrust} />}
    </Section>
  );
}
