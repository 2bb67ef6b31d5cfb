import type { ReactNode } from 'react';

type AlertType = 'info' | 'ok' | 'warning' | 'error';

/** Errors interrupt (role="alert"); everything else is announced politely (role="status"). */
export function Alert({ type, children, testId }: { type: AlertType; children: ReactNode; testId?: string }) {
  return (
    <div
      className={`utrecht-alert utrecht-alert--${type} kb-alert`}
      role={type === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
