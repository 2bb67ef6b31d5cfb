// Shared processes between chain partners: process definitions (published by governance), cases
// for pseudonymous residents, attestations, fields, disputes, document hashes and erasure.
import type { Module } from '../../app/module.ts';
import { CasesErrors } from './errors.ts';
import { answerDispute, disputeItem } from './messages/disputes.ts';
import { attachDocument, recordErasure } from './messages/documents.ts';
import { inviteToCase, openCase } from './messages/open.ts';
import { advance, attest, setField } from './messages/work.ts';
import { casesQueries } from './queries.ts';

export const casesModule: Module = {
  name: 'cases',
  messages: [
    openCase,
    inviteToCase,
    attest,
    setField,
    advance,
    disputeItem,
    answerDispute,
    attachDocument,
    recordErasure,
  ],
  queries: casesQueries,
  errors: [CasesErrors],
};

export { CasesErrors } from './errors.ts';
export * from './keeper.ts';
