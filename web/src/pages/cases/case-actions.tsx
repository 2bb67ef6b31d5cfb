// The actions the signed-in organisation may take in this case at its current status, each one a
// tx signed in this browser with the organisation's key (demo: the imported key file).
import type { CaseView, ProcessDefinition } from '../../../../src/client/modules/cases.ts';
import type { Directory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { OrgIdentity } from '../../identity/org-keys.ts';
import { Alert } from '../../ui/alert.tsx';
import { Paragraph } from '../../ui/text.tsx';
import { AdvanceForm } from './actions/advance-form.tsx';
import { AnswerDisputeForm } from './actions/answer-dispute-form.tsx';
import { AttestForm } from './actions/attest-form.tsx';
import { DisputeForm } from './actions/dispute-form.tsx';
import { DocumentForm } from './actions/document-form.tsx';
import { ErasureForm } from './actions/erasure-form.tsx';
import { InviteForm } from './actions/invite-form.tsx';
import { SetFieldForm } from './actions/set-field-form.tsx';
import type { CaseLabels } from './case-labels.ts';
import { caseActionsFor } from './case-permissions.ts';

export function CaseActions({
  c,
  def,
  org,
  labels,
  dir,
  onDone,
}: {
  c: CaseView;
  def: ProcessDefinition;
  org: OrgIdentity;
  labels: CaseLabels;
  dir: Directory;
  onDone(): void;
}) {
  const { t } = useI18n();
  const may = caseActionsFor(c, def, org.oin);
  const props = { c, def, org, labels, onDone };
  if (may.roles.length === 0) return <Alert type="info">{t('ca.notInvited')}</Alert>;
  const open = c.status === 'open';
  const anything =
    may.attestable.length > 0 ||
    may.settableFields.length > 0 ||
    may.transitions.length > 0 ||
    may.disputesToAnswer.length > 0;
  return (
    <div data-testid="case-actions">
      <Paragraph>{t('ca.yourRoles', { roles: may.roles.map(labels.role).join(', ') })}</Paragraph>
      {!open && <Alert type="info">{t('ca.closed')}</Alert>}
      {open && !anything && <Alert type="info">{t('ca.nothing')}</Alert>}
      {may.disputesToAnswer.map((d) => (
        // Re-mounted per dispute so a previous answer's outcome does not linger on the next one.
        <AnswerDisputeForm key={d.id} {...props} dispute={d} />
      ))}
      {may.attestable.length > 0 && (
        <AttestForm {...props} kinds={may.attestable} awaited={may.awaitedAttestations} />
      )}
      {may.settableFields.length > 0 && <SetFieldForm {...props} fields={may.settableFields} />}
      {may.transitions.length > 0 && <AdvanceForm {...props} />}
      {may.invitableRoles.length > 0 && <InviteForm {...props} roles={may.invitableRoles} dir={dir} />}
      {open && def.documentKinds.length > 0 && <DocumentForm {...props} />}
      {may.disputable.length > 0 && <DisputeForm {...props} items={may.disputable} />}
      {may.canErase && <ErasureForm {...props} />}
    </div>
  );
}
