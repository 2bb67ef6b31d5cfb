// Pieces every tx listing shares: who took part, what it was, and whether it succeeded.
import { type Directory, orgOf } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { refusalInDutch } from '../../i18n/refusals.ts';
import { Link } from '../../lib/router.tsx';
import { StatusBadge } from '../../ui/badge.tsx';

export function Party({ id, dir }: { id: string; dir: Directory }) {
  const { t } = useI18n();
  const org = orgOf(dir, id);
  const to = `/verkenner/accounts/${id}`;
  if (org) return <Link to={to}>{org.name}</Link>;
  return (
    <Link to={to} title={id}>
      {t('ex.resident')} <span className="kb-mono">{id.slice(0, 8)}…</span>
    </Link>
  );
}

export function Parties({ ids, dir }: { ids: string[]; dir: Directory }) {
  // An organisation appears both by OIN and by key; show it once.
  const seen = new Set<string>();
  const shown = ids.filter((id) => {
    const key = orgOf(dir, id)?.oin ?? id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <ul className="kb-inline-list">
      {shown.map((id) => (
        <li key={id}>
          <Party id={id} dir={dir} />
        </li>
      ))}
    </ul>
  );
}

export function TxKind({ type }: { type: string | null }) {
  const { tOr } = useI18n();
  if (!type) return <span>—</span>;
  return <span title={type}>{tOr(`txType.${type}`, type)}</span>;
}

export function TxResultBadge({ code, error, log }: { code: number; error: string; log?: string }) {
  const { t, lang } = useI18n();
  if (code === 0) return <StatusBadge tone="success">{t('ex.ok')}</StatusBadge>;
  const reason = (lang === 'nl' && refusalInDutch(error, log ?? '')) || log || error;
  return (
    <span className="kb-result">
      <StatusBadge tone="danger">{t('ex.refused')}</StatusBadge>{' '}
      <span className="kb-result__reason">{reason}</span>
    </span>
  );
}
