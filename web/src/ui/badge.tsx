import type { ReactNode } from 'react';

export type BadgeTone = 'success' | 'danger' | 'warning' | 'neutral' | 'active' | 'inactive';

export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${tone} kb-badge kb-badge--${tone}`}>
      {children}
    </span>
  );
}
