// What every case action form gets: the case as it is now, its process definition, the signed-in
// organisation (whose key signs in this browser), names for codes, and a way to reload the case.
import type { CaseView, ProcessDefinition } from '../../../../../src/client/modules/cases.ts';
import type { OrgIdentity } from '../../../identity/org-keys.ts';
import type { CaseLabels } from '../case-labels.ts';

export interface ActionProps {
  c: CaseView;
  def: ProcessDefinition;
  org: OrgIdentity;
  labels: CaseLabels;
  onDone(): void;
}
