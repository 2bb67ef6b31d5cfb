import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Hex, Paragraph } from '../../ui/text.tsx';
import { Party, TxKind, TxResultBadge } from './tx-parts.tsx';

export function BlockPage({ height }: { height: number }) {
  const { t, fmt } = useI18n();
  const dir = useDirectory();
  const block = useLoad(() => client.block(height), [height]);
  const b = block.data;
  return (
    <>
      <Heading level={1}>{t('block.title', { height })}</Heading>
      {block.loading && <Paragraph>{t('common.loading')}</Paragraph>}
      <ErrorAlert error={block.error} />
      {b && (
        <>
          <DataList
            items={[
              [t('tx.date'), fmt.dateTime(b.header.time)],
              [t('block.hash'), <Hex key="h" value={b.hash} chars={32} />],
              [
                t('block.prev'),
                height > 1 ? (
                  <Link key="p" to={`/verkenner/blokken/${height - 1}`}>
                    {height - 1}
                  </Link>
                ) : (
                  '—'
                ),
              ],
              [t('block.appHash'), <Hex key="a" value={b.header.appHash} chars={32} />],
              [t('block.proposer'), <Hex key="pr" value={b.header.proposer} />],
              [t('block.signatures'), b.signatures.length],
            ]}
          />
          <DataTable
            caption={t('block.txs')}
            rows={b.txs}
            rowKey={(x) => x.hash}
            columns={[
              { header: t('block.position'), numeric: true, cell: (x) => x.index },
              {
                header: t('ex.col.what'),
                cell: (x) => (
                  <Link to={`/verkenner/transacties/${x.hash}`}>
                    <TxKind type={x.type} />
                  </Link>
                ),
              },
              { header: t('tx.signer'), cell: (x) => (x.signer ? <Party id={x.signer} dir={dir} /> : '—') },
              { header: t('ex.col.result'), cell: (x) => <TxResultBadge code={x.code} error={x.error} /> },
            ]}
          />
        </>
      )}
    </>
  );
}
