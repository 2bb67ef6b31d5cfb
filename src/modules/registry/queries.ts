// Read-only views of the register for the API, the CLI and ABCI queries. Listings walk index keys
// (by class, by holder) or the record prefix with a cursor; nothing scans all of state.
import type { KVRead } from '../../app/kv.ts';
import { listJson } from '../../app/typed-kv.ts';
import { effectiveStatus, type RecordStatus } from '../../core/record-proof.ts';
import {
  getClass,
  getDocumentRef,
  getRecord,
  type Holder,
  listClasses,
  listHistory,
  type RegistryRecord,
  registryKeys,
} from './state.ts';

export interface RecordView extends RegistryRecord {
  /** Status at the time the view was made (expiry applied at read time). */
  effectiveStatus: RecordStatus;
}

export function viewRecord(r: RegistryRecord, time: string): RecordView {
  return { ...r, effectiveStatus: effectiveStatus(r, time) };
}

export interface RecordFilter {
  classId?: string;
  holder?: Holder;
  /** Only ids that sort after this one (cursor). */
  after?: string;
  limit: number;
}

export function listRecords(kv: KVRead, f: RecordFilter): RegistryRecord[] {
  const ids: string[] = [];
  const indexPrefix = f.holder
    ? registryKeys.byHolderPrefix(f.holder)
    : f.classId
      ? registryKeys.byClassPrefix(f.classId)
      : undefined;
  if (indexPrefix) {
    // With both filters, walk the holder index (usually the shorter) and filter by class.
    const start = f.after ? `${indexPrefix}${f.after}\x00` : undefined;
    for (const [k] of kv.iterate(indexPrefix, start ? { start } : {})) {
      const id = k.slice(indexPrefix.length);
      if (f.holder && f.classId && getRecord(kv, id)?.classId !== f.classId) continue;
      ids.push(id);
      if (ids.length >= f.limit) break;
    }
    return ids.map((id) => getRecord(kv, id)).filter((r): r is RegistryRecord => r !== undefined);
  }
  const start = f.after ? `${registryKeys.record(f.after)}\x00` : undefined;
  return [
    ...listJson<RegistryRecord>(kv, registryKeys.recordPrefix, {
      limit: f.limit,
      ...(start ? { start } : {}),
    }),
  ].map(([, r]) => r);
}

/** The record that carries (or once carried) a document, by its SHA-256. */
export function recordByDocument(kv: KVRead, hash: string): RegistryRecord | undefined {
  const ref = getDocumentRef(kv, hash);
  return ref ? getRecord(kv, ref.recordId) : undefined;
}

function holderParam(p: Record<string, string>): Holder | undefined {
  if (p.holderKey) return { kind: 'key', pubKey: p.holderKey };
  if (p.holderOrganisation) return { kind: 'organisation', oin: p.holderOrganisation };
  return undefined;
}

export const registryQueries = {
  classes: (kv: KVRead) => listClasses(kv),
  class: (kv: KVRead, p: Record<string, string>) => getClass(kv, p.id ?? '') ?? null,
  record: (kv: KVRead, p: Record<string, string>) => getRecord(kv, p.id ?? '') ?? null,
  records: (kv: KVRead, p: Record<string, string>) => {
    const holder = holderParam(p);
    return listRecords(kv, {
      limit: Math.min(Number(p.limit ?? 100) || 100, 1000),
      ...(p.classId ? { classId: p.classId } : {}),
      ...(holder ? { holder } : {}),
      ...(p.after ? { after: p.after } : {}),
    });
  },
  history: (kv: KVRead, p: Record<string, string>) => listHistory(kv, p.id ?? ''),
  document: (kv: KVRead, p: Record<string, string>) => recordByDocument(kv, p.hash ?? '') ?? null,
};
