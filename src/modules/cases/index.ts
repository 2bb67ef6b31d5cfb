// Shared processes between chain partners: process definitions (published by governance), cases
// for pseudonymous residents, attestations, fields, disputes, document hashes and erasure.
import type { Module } from '../../app/module.ts';
import { attachDocument, recordErasure } from './messages/documents.ts';
import { answerDispute, disputeItem } from './messages/disputes.ts';
import { inviteToCase, openCase } from './messages/open.ts';
import { advance, attest, setField } from './messages/work.ts';
import { casesQueries } from './queries.ts';

export const casesModule: Module = {
  name: 'cases',
  messages: [openCase, inviteToCase, attest, setField, advance, disputeItem, answerDispute, attachDocument, recordErasure],
  queries: casesQueries,
};

/** Every tx type of the module, e.g. for an events subscription (?types=...). */
export const CASE_TX_TYPES = casesModule.messages.map((m) => m.type);

export { CasesErrors } from './errors.ts';
export * from './keeper.ts';
