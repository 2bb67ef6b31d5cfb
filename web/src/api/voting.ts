// The voting API as the pages use it, and the blind-token helpers that run in this browser
// (src/client/modules/voting-tokens.ts: RFC 9474 blinding with WebCrypto and blindrsa-ts).
import type { Ballot, Election, VotingTally } from '../../../src/client/modules/voting.ts';
import { client } from './client.ts';

export type { BallotToken, SealedBallot, TokenRequest } from '../../../src/client/modules/voting-tokens.ts';
export {
  blindSign,
  finalizeToken,
  generateRegistrarKey,
  importRegistrarKey,
  requestToken,
  sealBallot,
} from '../../../src/client/modules/voting-tokens.ts';
export type { Ballot, Election, VotingTally };

export const voting = client.voting;
