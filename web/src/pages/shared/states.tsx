// Status badges for the budgets records, in the reader's language.
import { useI18n } from '../../i18n/i18n.tsx';
import { type BadgeTone, StatusBadge } from '../../ui/badge.tsx';

const TONES: Record<string, BadgeTone> = {
  active: 'success',
  accepted: 'success',
  approved: 'success',
  paid: 'success',
  confirmed: 'success',
  waiting: 'neutral',
  pending: 'warning',
  proposed: 'warning',
  submitted: 'warning',
  ended: 'inactive',
  draft: 'neutral',
  paused: 'warning',
  closed: 'inactive',
  rejected: 'danger',
  declined: 'danger',
  canceled: 'inactive',
  expired: 'inactive',
  deactivated: 'danger',
  used: 'inactive',
  suspended: 'warning',
  revoked: 'danger',
  not_yet_valid: 'warning',
  unknown: 'neutral',
};

/**
 * `kind` picks the text table: fundState, appState, reimbState, setState, voucherState, reqState,
 * contractState, declState.
 */
export function StateBadge({ kind, state }: { kind: string; state: string }) {
  const { tOr } = useI18n();
  return <StatusBadge tone={TONES[state] ?? 'neutral'}>{tOr(`${kind}.${state}`, state)}</StatusBadge>;
}

export function useCategoryLabel(): (c: string) => string {
  const { tOr } = useI18n();
  return (c) => tOr(`category.${c}`, c);
}
