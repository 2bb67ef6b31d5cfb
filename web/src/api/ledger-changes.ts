// A counter that goes up whenever a tx concerning `participant` is committed, so a page reloads
// exactly when something changed for this resident or organisation (no polling).
import { useEffect, useState } from 'react';
import { client } from './client.ts';

export function useLedgerChanges(participant: string | undefined): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!participant) return;
    const sub = client.events({ participant, onError: () => {} }, (e) => {
      if (e.event === 'tx') setVersion((v) => v + 1);
    });
    return () => sub.close();
  }, [participant]);
  return version;
}
