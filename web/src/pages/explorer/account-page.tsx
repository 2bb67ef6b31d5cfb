// One key or one organisation (by OIN): who it is and the txs that concern it.
import { client } from '../../api/client.ts';
import { orgOf, useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../identity/org-gate.tsx';
import { Link } from '../../lib/router.tsx';
import { useLoad } from '../../lib/use-async.ts';
import { DataList } from '../../ui/data-list.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Hex } from '../../ui/text.tsx';
import { Parties, TxKind, TxResultBadge } from './tx-parts.tsx';

export function AccountPage({ id }: { id: string }) {
  const { t, tOr, fmt } = useI18n();
  const dir = useDirectory();
  const isOin = /^\d{20}$/.test(id);
  const account = useLoad(() => (isOin ? Promise.resolve(null) : client.account(id)), [id]);
  const txs = useLoad(() => client.txsOf(id, { limit: 50 }), [id]);
  const org = orgOf(dir, id);
  return (
    <>
      <Heading level={1}>{org ? org.name : `${t('acct.title')} ${id.slice(0, 12)}…`}</Heading>
      <ErrorAlert error={account.error ?? txs.error} />
      <DataList
        items={[
          isOin ? [t('org.oin'), id] : [t('acct.title'), <Hex key="k" value={id} chars={32} />],
          org && [t('org.roles'), org.roles.map((r) => roleLabel(tOr, r)).join(', ')],
          org &&
            !isOin && [
              t('acct.org'),
              <Link key="o" to={`/verkenner/accounts/${org.oin}`}>
                {org.name}
              </Link>,
            ],
          account.data && [t('acct.nonce'), account.data.nonce],
        ]}
      />
      <DataTable
        caption={isOin ? t('acct.orgTxs') : t('acct.txs')}
        rows={txs.data?.items ?? []}
        rowKey={(x) => x.hash}
        empty={t('ex.noTxs')}
        columns={[
          {
            header: t('ex.col.when'),
            cell: (x) => <Link to={`/verkenner/transacties/${x.hash}`}>{fmt.dateTime(x.time)}</Link>,
          },
          { header: t('ex.col.what'), cell: (x) => <TxKind type={x.type} /> },
          { header: t('ex.col.who'), cell: (x) => <Parties ids={x.participants} dir={dir} /> },
          { header: t('ex.col.amount'), numeric: true, cell: (x) => (x.amount ? fmt.money(x.amount) : '—') },
          { header: t('ex.col.result'), cell: (x) => <TxResultBadge code={x.code} error={x.error} /> },
        ]}
      />
    </>
  );
}
