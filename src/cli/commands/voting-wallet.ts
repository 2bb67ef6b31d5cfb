// The resident's side of a vote on this machine: per election and ballot key, the blinding secret
// while a token is requested, the token once finalized, and the sealed ballot (choice and salt)
// until it is revealed. One JSON file each under <home>/voting/, readable by the owner only: whoever
// holds it can reveal (and so read) the ballot, and link it to the ballot key.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BallotToken, SealedBallot, TokenRequest } from '../../client/modules/voting-tokens.ts';
import { CliError } from '../errors.ts';

export interface VotingWallet {
  electionId: string;
  /** Keyring name of the fresh ballot key. */
  ballotKey: string;
  request?: TokenRequest;
  token?: BallotToken;
  /**
   * Every choice sealed for this token, newest last. Each is stored before its ballot is sent, so
   * a refused or lost send never costs the one that is on the ledger; reveal picks the entry whose
   * commitment the ledger holds.
   */
  sealed?: SealedBallot[];
}

const walletPath = (home: string, electionId: string, ballotKey: string) =>
  join(home, 'voting', `${electionId}.${ballotKey}.json`);

export function readWallet(home: string, electionId: string, ballotKey: string): VotingWallet {
  const p = walletPath(home, electionId, ballotKey);
  if (!existsSync(p)) {
    throw new CliError(
      `no voting wallet for election "${electionId}" and ballot key "${ballotKey}" in ${home}; start with "ketenboek voting token-request"`,
    );
  }
  return JSON.parse(readFileSync(p, 'utf8')) as VotingWallet;
}

export function writeWallet(home: string, wallet: VotingWallet): void {
  const p = walletPath(home, wallet.electionId, wallet.ballotKey);
  mkdirSync(join(home, 'voting'), { recursive: true, mode: 0o700 });
  writeFileSync(p, `${JSON.stringify(wallet, null, 2)}\n`, { mode: 0o600 });
  chmodSync(p, 0o600);
}
