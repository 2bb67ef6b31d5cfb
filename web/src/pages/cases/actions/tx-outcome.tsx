// Every case action is one signed tx: this runs it, lets the case page reload afterwards, and shows
// the outcome (the block it landed in, or the refusal in plain Dutch) next to the form.
import type { CommittedTx } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../lib/router.tsx';
import { type Action, useAction } from '../../../lib/use-async.ts';
import { Alert } from '../../../ui/alert.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';

export function useCaseTx<A extends unknown[]>(
  send: (...args: A) => Promise<CommittedTx>,
  onDone: () => void,
): Action<A, CommittedTx> {
  return useAction(async (...args: A) => {
    const tx = await send(...args);
    onDone();
    return tx;
  });
}

export function TxOutcome({
  action,
  testId,
}: {
  action: { result: CommittedTx | undefined; error: unknown };
  testId: string;
}) {
  const { t } = useI18n();
  const tx = action.result;
  return (
    <>
      <ErrorAlert error={action.error} testId={`${testId}-error`} />
      {tx && (
        <Alert type="ok" testId={`${testId}-done`}>
          {t('ca.done', { height: tx.height })}{' '}
          <Link to={`/verkenner/transacties/${tx.hash}`}>{t('ca.viewTx')}</Link>
        </Alert>
      )}
    </>
  );
}
