// Registers of other value: property titles, certificates, permits and visas. Register classes are
// set by governance; issuers register records with pseudonymous holders, public non-personal
// attributes and a document hash; transfers need seller, buyer and notary; encumbrances block them.
import type { Module } from '../../app/module.ts';
import { encumberRecord, releaseEncumbrance } from './encumbrances.ts';
import { RegistryErrors } from './errors.ts';
import { expireRecords } from './expiry.ts';
import { registryQueries } from './queries.ts';
import { amendRecord, issueRecord, reinstateRecord, revokeRecord, suspendRecord } from './records.ts';
import { acceptTransfer, cancelTransfer, confirmTransfer, proposeTransfer } from './transfers.ts';

export const registryModule: Module = {
  name: 'registry',
  messages: [
    issueRecord,
    amendRecord,
    suspendRecord,
    reinstateRecord,
    revokeRecord,
    proposeTransfer,
    acceptTransfer,
    confirmTransfer,
    cancelTransfer,
    encumberRecord,
    releaseEncumbrance,
  ],
  endBlock: expireRecords,
  queries: registryQueries,
  errors: [RegistryErrors],
};

export { RegistryErrors } from './errors.ts';
export * from './keeper.ts';
export { listRecords, type RecordView, recordByDocument, viewRecord } from './queries.ts';
