import { defineErrors } from '../../core/errors.ts';

export const IdentityErrors = defineErrors('identity', {
  not_organisation_key: [1, 403, 'Signer is not a key of an organisation'],
  not_member: [2, 403, 'Not a consortium member'],
  missing_role: [3, 403, 'Organisation lacks the required role'],
  unknown_organisation: [4, 404, 'Unknown organisation'],
  organisation_exists: [5, 409, 'Organisation already exists'],
  key_in_use: [6, 409, 'Key already registered'],
  unknown_key: [7, 404, 'Unknown key'],
  last_key: [8, 409, 'Cannot revoke the last key'],
  unknown_proposal: [9, 404, 'Unknown proposal'],
  proposal_closed: [10, 409, 'Proposal is no longer open'],
  already_voted: [11, 409, 'Organisation already voted'],
  bad_deadline: [12, 400, 'Voting deadline out of range'],
  role_already_granted: [13, 409, 'Role already granted'],
  role_not_granted: [14, 409, 'Role not granted'],
  last_member: [15, 409, 'Cannot remove the last member'],
  validator_in_use: [16, 409, 'Validator key already used'],
  bad_genesis: [17, 400, 'Invalid identity genesis'],
});
