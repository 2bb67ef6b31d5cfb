// Names for the ids the ledger uses: an OIN or an organisation's key shows as the organisation's
// name; any other key is a resident (or a ballot key) and stays a pseudonymous key.
import { useEffect, useState } from 'react';
import { client, type Organisation } from './client.ts';

export interface Directory {
  orgs: Organisation[];
  byOin: Map<string, Organisation>;
  byKey: Map<string, Organisation>;
}

let cached: Promise<Directory> | undefined;

function build(orgs: Organisation[]): Directory {
  const byOin = new Map(orgs.map((o) => [o.oin, o]));
  const byKey = new Map<string, Organisation>();
  for (const o of orgs) for (const k of o.keys) byKey.set(k.pubKey, o);
  return { orgs, byOin, byKey };
}

export function loadDirectory(fresh = false): Promise<Directory> {
  if (fresh || !cached) {
    cached = client.organisations().then((p) => build(p.items));
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}

const EMPTY: Directory = build([]);

export function useDirectory(): Directory {
  const [dir, setDir] = useState<Directory>(EMPTY);
  useEffect(() => {
    let live = true;
    loadDirectory().then(
      (d) => live && setDir(d),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return dir;
}

export function orgOf(dir: Directory, id: string): Organisation | undefined {
  return dir.byOin.get(id) ?? dir.byKey.get(id);
}
