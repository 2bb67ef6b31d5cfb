// Documents stay off the ledger, at the partner that holds them (see src/docstore/); the ledger
// records their salted hashes, and, on erasure, that the case's off-ledger data was destroyed.
import { defineMessage } from '../../../app/module.ts';
import { putJson } from '../../../app/typed-kv.ts';
import { fail } from '../../../core/errors.ts';
import { recordTimeline, requireCase, requireOpen, requirePartner } from '../case-access.ts';
import { CasesErrors as E } from '../errors.ts';
import { attachDocumentSchema, recordErasureSchema } from '../schemas.ts';
import { type CaseDocument, keys, putCase } from '../state.ts';
import { closeCaseIndexes } from './close.ts';

export const attachDocument = defineMessage({
  type: 'cases.attach_document',
  summary:
    'A partner records the salted hash of a case document it holds off-ledger (in its node’s document store).',
  schema: attachDocumentSchema,
  handle(ctx, body) {
    const r = requireCase(ctx, body.caseId);
    requireOpen(r.case);
    const { org } = requirePartner(ctx, r);
    if (!r.definition.documentKinds.includes(body.kind)) {
      fail(
        E.unknown_document_kind,
        `Process "${r.case.process}" has no document kind "${body.kind}"; it has ${r.definition.documentKinds.join(', ') || 'none'}.`,
      );
    }
    const existing = r.documents.find((d) => d.hash === body.hash);
    if (existing)
      fail(
        E.document_exists,
        `This document was attached to case ${r.case.id} by ${existing.owner} on ${existing.at}.`,
      );
    const doc: CaseDocument = {
      hash: body.hash,
      kind: body.kind,
      owner: org.oin,
      at: ctx.time,
      txHash: ctx.txHash,
    };
    putJson(ctx.kv, keys.document(r.case.id, body.hash), doc);
    recordTimeline(ctx, r.case, org.oin, 'document_attached', { hash: body.hash, kind: body.kind });
    putCase(ctx.kv, r.case);
    ctx.emit('cases.document_attached', {
      case: r.case.id,
      hash: body.hash,
      kind: body.kind,
      owner: org.oin,
    });
  },
});

export const recordErasure = defineMessage({
  type: 'cases.record_erasure',
  summary:
    'The opening partner (the controller) records that the case’s off-ledger data is erased; document stores then destroy its key.',
  schema: recordErasureSchema,
  handle(ctx, body) {
    const r = requireCase(ctx, body.caseId);
    const c = r.case;
    const { org } = requirePartner(ctx, r);
    if (org.oin !== c.opener) {
      fail(E.not_controller, `Only ${c.opener}, which opened case ${c.id}, records its erasure; ask it to.`);
    }
    if (c.status === 'open') closeCaseIndexes(ctx.kv, r);
    // The pseudonymous subject is personal data too: it leaves the current state. Hashes of
    // documents stay (they are salted, and the salts are destroyed with the documents).
    c.subject = null;
    c.status = 'erased';
    c.closedAt ??= ctx.time;
    c.dueAt = null;
    c.erasure = { at: ctx.time, by: org.oin, reason: body.reason, txHash: ctx.txHash };
    recordTimeline(ctx, c, org.oin, 'erased', { reason: body.reason });
    putCase(ctx.kv, c);
    ctx.emit('cases.erased', { case: c.id, by: org.oin, reason: body.reason });
  },
});
