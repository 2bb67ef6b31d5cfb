import { useState } from 'react';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useLiveTxs } from '../../api/live-txs.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { StatusBadge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Hex, Paragraph } from '../../ui/text.tsx';
import { Parties, TxKind, TxResultBadge } from './tx-parts.tsx';

/** Where a search term leads: a block, an organisation, or a tx (else the key's page). */
async function searchTarget(term: string): Promise<string | null> {
  const q = term.trim().toLowerCase();
  if (/^\d{20}$/.test(q)) return `/verkenner/accounts/${q}`;
  if (/^\d{1,15}$/.test(q)) return `/verkenner/blokken/${Number(q)}`;
  if (/^[0-9a-f]{64}$/.test(q)) {
    const isTx = await client.tx(q).then(
      () => true,
      () => false,
    );
    return isTx ? `/verkenner/transacties/${q}` : `/verkenner/accounts/${q}`;
  }
  return null;
}

function SearchForm() {
  const { t } = useI18n();
  const [term, setTerm] = useState('');
  const [error, setError] = useState<string>();
  return (
    <search>
      <form
        className="kb-search"
        onSubmit={async (e) => {
          e.preventDefault();
          const to = await searchTarget(term);
          if (to) navigate(to);
          else setError(t('ex.search.invalid'));
        }}
      >
        <TextField
          label={t('ex.search.label')}
          description={t('ex.search.hint')}
          value={term}
          onChange={(v) => {
            setTerm(v);
            setError(undefined);
          }}
          error={error}
          name="q"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" appearance="primary">
          {t('common.search')}
        </Button>
      </form>
    </search>
  );
}

export function ExplorerHome() {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const feed = useLiveTxs({ max: 30 });
  // Blocks refresh whenever the feed reaches a new height.
  const blocks = useLoad(() => client.blocks({ limit: 8 }), [feed.height]);
  const status = useLoad(() => client.status(), [feed.height]);
  return (
    <>
      <Heading level={1}>{t('ex.title')}</Heading>
      <Paragraph lead>{t('ex.intro')}</Paragraph>
      <SearchForm />
      <div className="kb-stats" data-testid="chain-status">
        <div>
          <span className="kb-stats__label">{t('ex.chain')}</span>{' '}
          <strong>{status.data?.chainId ?? '…'}</strong>
        </div>
        <div>
          <span className="kb-stats__label">{t('ex.height')}</span>{' '}
          <strong data-testid="chain-height">{status.data?.height ?? '…'}</strong>
        </div>
        <div>
          <span className="kb-stats__label">{t('ex.lastBlock')}</span>{' '}
          <strong>{fmt.dateTime(status.data?.lastBlockTime)}</strong>
        </div>
        <div aria-live="polite">
          <StatusBadge tone={feed.connected ? 'active' : 'warning'}>
            {feed.connected ? t('ex.live') : t('ex.offline')}
          </StatusBadge>
        </div>
      </div>
      <nav aria-label={t('ex.links')} className="kb-subnav">
        <Link to="/verkenner/organisaties">{t('ex.orgs')}</Link>
        <Link to="/verkenner/voorstellen">{t('ex.proposals')}</Link>
        <Link to="/verkenner/controleren">{t('ex.verify')}</Link>
      </nav>
      <Section title={t('ex.latestTxs')}>
        <DataTable
          caption={t('ex.latestTxs')}
          hideCaption
          testId="live-txs"
          rows={feed.txs}
          rowKey={(x) => x.hash}
          empty={t('ex.noTxs')}
          columns={[
            {
              header: t('ex.col.when'),
              cell: (x) => (
                <Link to={`/verkenner/transacties/${x.hash}`} data-testid={`tx-link-${x.hash}`}>
                  <time dateTime={x.time}>{fmt.dateTime(x.time)}</time>
                </Link>
              ),
            },
            { header: t('ex.col.what'), cell: (x) => <TxKind type={x.type} /> },
            { header: t('ex.col.who'), cell: (x) => <Parties ids={x.participants} dir={dir} /> },
            {
              header: t('ex.col.amount'),
              numeric: true,
              cell: (x) => (x.amount ? fmt.money(x.amount) : '—'),
            },
            { header: t('ex.col.result'), cell: (x) => <TxResultBadge code={x.code} error={x.error} /> },
          ]}
        />
      </Section>
      <Section title={t('ex.latestBlocks')}>
        <DataTable
          caption={t('ex.latestBlocks')}
          hideCaption
          rows={blocks.data?.items ?? []}
          rowKey={(b) => String(b.height)}
          columns={[
            {
              header: t('ex.col.block'),
              cell: (b) => <Link to={`/verkenner/blokken/${b.height}`}>{b.height}</Link>,
            },
            { header: t('ex.col.when'), cell: (b) => <time dateTime={b.time}>{fmt.dateTime(b.time)}</time> },
            { header: t('ex.col.txCount'), numeric: true, cell: (b) => b.txCount },
            { header: t('ex.col.hash'), cell: (b) => <Hex value={b.hash} /> },
          ]}
        />
      </Section>
    </>
  );
}
