// Live case updates from the events stream (GET /v1/events?types=cases.*): a counter that goes up
// whenever a case tx is committed that concerns the given organisation or case, so a page reloads
// exactly when something changed (no polling).
import { useEffect, useState } from 'react';
import { client, type TxEvent } from './client.ts';

export interface CaseChanges {
  /** Goes up on every relevant committed case tx; use it as a reload dependency. */
  version: number;
  /** True while the stream is connected, so a page can say its view is live. */
  live: boolean;
}

const CASE_TYPES = ['cases.*'];

/** The case id a tx is about: the `case` attribute of its events. */
function caseOf(tx: TxEvent): string | undefined {
  for (const e of tx.events) {
    const attr = e.attributes.find((a) => a.key === 'case');
    if (attr) return attr.value;
  }
  return undefined;
}

export function useCaseChanges(filter: { participant?: string; caseId?: string }): CaseChanges {
  const [state, setState] = useState<CaseChanges>({ version: 0, live: false });
  const { participant, caseId } = filter;
  useEffect(() => {
    let sub: { close(): void } | undefined;
    let closed = false;
    const bump = () => setState((s) => ({ version: s.version + 1, live: true }));
    // Follow the stream from the current block and reload once: whatever the page read before it
    // subscribed may be a block old, and a tx committed in between must not be missed.
    client.status().then(
      (status) => {
        if (closed) return;
        sub = client.events(
          {
            types: CASE_TYPES,
            ...(participant ? { participant } : {}),
            lastEventId: `${status.height}:999999999`,
            onError: () => setState((s) => ({ ...s, live: false })),
          },
          (e) => {
            if (e.event !== 'tx') return;
            if (caseId && caseOf(e.data as TxEvent) !== caseId) return;
            bump();
          },
        );
        bump();
      },
      () => setState((s) => ({ ...s, live: false })),
    );
    return () => {
      closed = true;
      sub?.close();
    };
  }, [participant, caseId]);
  return state;
}
