import type { KVWrite } from '../../../app/kv.ts';
import { subjectKey } from '../no-personal-data.ts';
import type { CaseRecords } from '../progress.ts';
import { keys } from '../state.ts';

/** A case that stops being open leaves the partners' open-case overviews and the duplicate check. */
export function closeCaseIndexes(kv: KVWrite, r: CaseRecords): void {
  for (const p of r.partners) kv.delete(keys.openByPartner(p.oin, r.case.id));
  if (r.case.subject) kv.delete(keys.openBySubject(r.case.process, subjectKey(r.case.subject)));
}
