// Test helpers for the voting module: a chain whose block clock the test moves (election windows
// span days), an organiser and a registrar, and voters with tokens. Everything here is fake.
import { constants, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { toHex } from '../../core/bytes.ts';
import type { EmbeddedEngine } from '../../engines/embedded/embedded-engine.ts';
import { createTestChain, type TestChain, type TestKey } from '../../testing/test-chain.ts';
import type { CreateElectionBody } from './schemas.ts';
import {
  type BallotChoice,
  ballotCommitment,
  PSS_SALT_BYTES,
  tokenHash,
  tokenInput,
} from './token-message.ts';

export const T0 = '2026-01-01T00:00:00.000Z';
const HOUR = 3600_000;
export const at = (hours: number) => new Date(Date.parse(T0) + hours * HOUR).toISOString();

/** Windows used by most tests: registration from hour 1, voting hours 2-10, reveal until hour 20. */
export const WINDOWS = {
  registrationOpensAt: at(1),
  registrationClosesAt: at(8),
  votingOpensAt: at(2),
  votingClosesAt: at(10),
  revealClosesAt: at(20),
};

export function budgetElection(
  id = 'buurtbudget',
  over: Partial<CreateElectionBody> = {},
): Omit<CreateElectionBody, 'registrarOin'> {
  return {
    id,
    title: 'Buurtbudget testwijk',
    ballot: {
      kind: 'budget',
      question: 'Welke projecten wilt u uitvoeren?',
      budgetCents: '1000000',
      projects: [
        { id: 'speeltuin', title: 'Nieuwe speeltuin', costCents: '600000' },
        { id: 'bankjes', title: 'Bankjes in het park', costCents: '150000' },
        { id: 'bomen', title: 'Twintig nieuwe bomen', costCents: '400000' },
      ],
    },
    ...WINDOWS,
    allowReplacement: false,
    ...over,
  };
}

export interface RegistrarKeys {
  spkiHex: string;
  privateKey: KeyObject;
}

let cachedKeys: RegistrarKeys | undefined;
/** One 2048-bit key per test file: generating RSA keys is slow and the tests do not need fresh ones. */
export function registrarKeys(): RegistrarKeys {
  if (!cachedKeys) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicExponent: 65537,
    });
    cachedKeys = { spkiHex: publicKey.export({ format: 'der', type: 'spki' }).toString('hex'), privateKey };
  }
  return cachedKeys;
}

export interface Voter {
  key: TestKey;
  tokenPrefix: string;
  tokenSignature: string;
  tokenHash: string;
}

/**
 * A voter with a token. The registrar signs the token directly here: a finalized blind signature
 * is exactly such a signature, and the blinding itself is exercised in blind-flow.test.ts.
 */
export function newVoter(chain: TestChain, electionId: string, keys: RegistrarKeys = registrarKeys()): Voter {
  const key = chain.newAccount();
  const tokenPrefix = toHex(randomBytes(32));
  const input = tokenInput(tokenPrefix, electionId, key.publicKey);
  const sig = sign('sha384', input, {
    key: keys.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: PSS_SALT_BYTES,
  });
  return {
    key,
    tokenPrefix,
    tokenSignature: sig.toString('hex'),
    tokenHash: tokenHash(tokenPrefix, electionId, key.publicKey),
  };
}

export function commit(electionId: string, voter: Voter, choice: BallotChoice) {
  const salt = toHex(randomBytes(32));
  return { salt, choice, commitment: ballotCommitment(electionId, voter.tokenHash, choice, salt) };
}

export interface VotingKit {
  chain: TestChain;
  organiser: TestKey;
  registrar: TestKey;
  /** Moves the block clock to `iso` and makes a block there, so the next tx is checked at that time. */
  advanceTo(iso: string): Promise<void>;
  /** Creates an election, publishes the registrar key with `quota` and records `issued` tokens. */
  openElection(body: Omit<CreateElectionBody, 'registrarOin'>, quota: number, issued: number): Promise<void>;
  cast(electionId: string, voter: Voter, commitment: string): ReturnType<TestChain['trySend']>;
  reveal(
    electionId: string,
    voter: Voter,
    c: { choice: BallotChoice; salt: string },
  ): ReturnType<TestChain['trySend']>;
}

/**
 * Gives the test the block clock: election windows span hours, so tests move time instead of
 * waiting. `advanceTo` sets the clock and cuts a block at that time, so the next tx is checked
 * against it too. (The engine takes a `now` option; the test chain does not pass one through yet.)
 */
export function controlClock(engine: EmbeddedEngine, startIso = T0): { advanceTo(iso: string): void } {
  let now = Date.parse(startIso) + 1000;
  engine.setClock(() => now);
  return {
    advanceTo(iso) {
      now = Date.parse(iso);
      engine.cutBlock();
    },
  };
}

export async function createVotingChain(): Promise<VotingKit> {
  const chain = await createTestChain({
    genesisTime: T0,
    orgs: [{ roles: ['organiser'] }, { roles: ['registrar'] }, { roles: ['provider'] }],
  });
  const clock = controlClock(chain.engine);
  const [organiser, registrar] = chain.orgs as [TestKey, TestKey];
  const kit: VotingKit = {
    chain,
    organiser,
    registrar,
    async advanceTo(iso) {
      clock.advanceTo(iso);
    },
    async openElection(body, quota, issued) {
      await chain.send(organiser, 'voting.create_election', { ...body, registrarOin: registrar.oin });
      await chain.send(registrar, 'voting.publish_registrar_key', {
        electionId: body.id,
        publicKey: registrarKeys().spkiHex,
        voterQuota: quota,
      });
      if (issued > 0) {
        const last = chain.app.store.block(chain.app.lastHeight)?.header.time ?? T0;
        if (last < body.registrationOpensAt) await kit.advanceTo(body.registrationOpensAt);
        await chain.send(registrar, 'voting.record_issuance', { electionId: body.id, count: issued });
      }
    },
    cast: (electionId, voter, commitment) =>
      chain.trySend(voter.key, 'voting.cast_ballot', {
        electionId,
        tokenPrefix: voter.tokenPrefix,
        tokenSignature: voter.tokenSignature,
        commitment,
      }),
    reveal: (electionId, voter, c) =>
      chain.trySend(chain.newAccount(), 'voting.reveal_ballot', {
        electionId,
        tokenHash: voter.tokenHash,
        choice: c.choice,
        salt: c.salt,
      }),
  };
  return kit;
}
