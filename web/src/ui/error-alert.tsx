// Shows why something failed: for a ledger refusal the plain-Dutch reason first (what a cashier or
// resident needs), with the stable code and the node's own sentence under "technical details".
import { KetenboekApiError, KetenboekNetworkError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { invalidParamInDutch, refusalInDutch } from '../i18n/refusals.ts';
import { Alert } from './alert.tsx';

export interface ExplainedError {
  message: string;
  code?: string;
  nodeSentence?: string;
  fields?: string[];
}

export function useExplainError(): (e: unknown) => ExplainedError {
  const { lang, t } = useI18n();
  return (e) => {
    if (e instanceof KetenboekNetworkError) return { message: t('error.network') };
    if (e instanceof KetenboekApiError) {
      const dutch = lang === 'nl' ? refusalInDutch(e.code, e.detail) : undefined;
      const params = e.invalidParams.map((p) => ({
        ...p,
        dutch: lang === 'nl' ? invalidParamInDutch(p.reason) : undefined,
      }));
      // Personal data refused by the ledger is what the person must fix: it leads the message.
      const personalData = params.find((p) => p.dutch?.personalData)?.dutch?.text;
      return {
        message: personalData ?? dutch ?? e.detail,
        code: e.code,
        nodeSentence: e.detail,
        fields: params
          .filter((p) => !personalData || p.dutch?.text !== personalData)
          .map((p) => (p.dutch ? p.dutch.text : `${p.name}: ${p.reason}`)),
      };
    }
    return { message: e instanceof Error ? e.message : String(e) };
  };
}

export function ErrorAlert({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const { t } = useI18n();
  const explain = useExplainError();
  if (error === undefined || error === null) return null;
  const x = explain(error);
  return (
    <Alert type="error" testId={testId}>
      <p className="utrecht-paragraph kb-alert__title">
        <strong>{t('error.title')}</strong>
      </p>
      <p className="utrecht-paragraph" data-testid={`${testId}-reason`}>
        {x.message}
      </p>
      {x.fields && x.fields.length > 0 && (
        <ul className="utrecht-unordered-list">
          {x.fields.map((f) => (
            <li key={f} className="utrecht-unordered-list__item">
              {f}
            </li>
          ))}
        </ul>
      )}
      {x.code && (
        <details className="kb-details">
          <summary>{t('common.details')}</summary>
          <p className="utrecht-paragraph">
            {t('error.code')}: <code data-testid={`${testId}-code`}>{x.code}</code>
          </p>
          {x.nodeSentence && x.nodeSentence !== x.message && (
            <p className="utrecht-paragraph">
              {t('error.nodeSays')}: {x.nodeSentence}
            </p>
          )}
        </details>
      )}
    </Alert>
  );
}
