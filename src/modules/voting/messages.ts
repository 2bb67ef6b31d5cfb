// The voting messages. Order of an election: the organiser creates it, the registrar publishes its
// blind-signing key with the voter quota, records how many tokens it issued, residents cast
// committed ballots from fresh keys, reveal them after voting closes, and end-block tallies.
import { defineMessage } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fromHex } from '../../core/bytes.ts';
import { fail } from '../../core/errors.ts';
import { hasRole, orgOfKey, requireOrg, requireSignerOrg, requireSignerRole } from '../identity/keeper.ts';
import { ballotProblem } from './ballot-rules.ts';
import { VotingErrors as E } from './errors.ts';
import {
  castBallotSchema,
  createElectionSchema,
  publishRegistrarKeySchema,
  recordIssuanceSchema,
  revealBallotSchema,
} from './schemas.ts';
import {
  type Ballot,
  type Election,
  getBallot,
  getElection,
  type IssuanceRecord,
  keys,
  putBallot,
  putElection,
} from './state.ts';
import { ballotCommitment, TOKEN_SUITE, tokenHash, tokenInput } from './token-message.ts';
import { checkRegistrarKey, verifyPss } from './token-verify.ts';

function mustGetElection(kv: Parameters<typeof getElection>[0], id: string): Election {
  const e = getElection(kv, id);
  if (!e) fail(E.unknown_election, `There is no election "${id}". Check the id with GET /v1/elections.`);
  return e;
}

export const createElection = defineMessage({
  type: 'voting.create_election',
  summary:
    'An organiser creates a civic vote (participatory budget or consultation) with its windows and registrar.',
  schema: createElectionSchema,
  handle(ctx, body) {
    const org = requireSignerRole(ctx, 'organiser');
    if (getElection(ctx.kv, body.id))
      fail(E.election_exists, `An election with id "${body.id}" already exists; choose another id.`);
    const w = body;
    if (
      !(w.registrationOpensAt < w.registrationClosesAt && w.registrationOpensAt <= w.votingOpensAt) ||
      !(
        w.registrationClosesAt <= w.votingClosesAt &&
        w.votingOpensAt < w.votingClosesAt &&
        w.votingClosesAt < w.revealClosesAt
      )
    ) {
      fail(
        E.bad_windows,
        'The windows must follow each other: registration opens before it closes and no later than voting opens; registration closes no later than voting closes; voting closes before the reveal period ends.',
      );
    }
    if (w.votingClosesAt <= ctx.time)
      fail(E.bad_windows, `Voting would already be closed at the current block time ${ctx.time}.`);
    const registrar = requireOrg(ctx.kv, body.registrarOin);
    if (!hasRole(ctx.kv, registrar.oin, 'registrar')) {
      fail(
        E.registrar_not_eligible,
        `Organisation ${registrar.oin} does not have the role "registrar"; a governance proposal can grant it.`,
      );
    }
    ctx.involve(registrar.oin);
    const e: Election = {
      ...body,
      organiserOin: org.oin,
      createdAt: ctx.time,
      createdHeight: ctx.height,
      tokensIssued: 0,
      issuanceBatches: 0,
      ballotsCast: 0,
      ballotsRevealed: 0,
      status: 'open',
    };
    putElection(ctx.kv, e);
    ctx.kv.set(keys.due(e.votingClosesAt, e.id, 'voting_closed'), '1');
    ctx.kv.set(keys.due(e.revealClosesAt, e.id, 'reveal_closed'), '1');
    ctx.emit('voting.election_created', {
      election: e.id,
      organiser: org.oin,
      registrar: registrar.oin,
      kind: e.ballot.kind,
    });
  },
});

export const publishRegistrarKey = defineMessage({
  type: 'voting.publish_registrar_key',
  summary: 'The registrar publishes its RSA blind-signing key and the number of eligible residents (once).',
  schema: publishRegistrarKeySchema,
  handle(ctx, body) {
    const org = requireSignerOrg(ctx);
    const e = mustGetElection(ctx.kv, body.electionId);
    if (org.oin !== e.registrarOin)
      fail(E.not_registrar, `Only the registrar of "${e.id}" (${e.registrarOin}) can publish its key.`);
    if (e.registrarKey) {
      fail(
        E.registrar_key_published,
        `The registrar key of "${e.id}" was published at ${e.registrarKey.publishedAt} and cannot change.`,
      );
    }
    if (ctx.time >= e.registrationClosesAt)
      fail(E.election_closed, `Registration for "${e.id}" closed at ${e.registrationClosesAt}.`);
    const check = checkRegistrarKey(body.publicKey);
    if (!check.ok) fail(E.bad_registrar_key, `The registrar key cannot be used: ${check.reason}.`);
    putElection(ctx.kv, {
      ...e,
      registrarKey: {
        publicKey: body.publicKey,
        modulusBits: check.modulusBits,
        suite: TOKEN_SUITE,
        publishedAt: ctx.time,
      },
      voterQuota: body.voterQuota,
    });
    ctx.emit('voting.registrar_key_published', {
      election: e.id,
      registrar: org.oin,
      voterQuota: body.voterQuota,
    });
  },
});

export const recordIssuance = defineMessage({
  type: 'voting.record_issuance',
  summary: 'The registrar records how many tokens it blind-signed, never more than the voter quota.',
  schema: recordIssuanceSchema,
  handle(ctx, body) {
    const org = requireSignerOrg(ctx);
    const e = mustGetElection(ctx.kv, body.electionId);
    if (org.oin !== e.registrarOin)
      fail(E.not_registrar, `Only the registrar of "${e.id}" (${e.registrarOin}) records issued tokens.`);
    if (!e.registrarKey || e.voterQuota === undefined) {
      fail(
        E.registrar_key_missing,
        `Publish the registrar key and voter quota of "${e.id}" before recording issued tokens.`,
      );
    }
    if (ctx.time < e.registrationOpensAt)
      fail(E.outside_window, `Registration for "${e.id}" opens at ${e.registrationOpensAt}.`);
    if (ctx.time >= e.registrationClosesAt)
      fail(E.election_closed, `Registration for "${e.id}" closed at ${e.registrationClosesAt}.`);
    const total = e.tokensIssued + body.count;
    if (total > e.voterQuota) {
      fail(
        E.over_quota,
        `Recording ${body.count} more tokens would make ${total}, above the quota of ${e.voterQuota} eligible residents declared for "${e.id}".`,
        { quota: e.voterQuota, issued: e.tokensIssued },
      );
    }
    const seq = e.issuanceBatches + 1;
    const record: IssuanceRecord = {
      seq,
      count: body.count,
      totalAfter: total,
      time: ctx.time,
      height: ctx.height,
      txHash: ctx.txHash,
    };
    putJson(ctx.kv, keys.issuance(e.id, seq), record);
    putElection(ctx.kv, { ...e, tokensIssued: total, issuanceBatches: seq });
    ctx.emit('voting.tokens_issued', { election: e.id, count: body.count, total });
  },
});

export const castBallot = defineMessage({
  type: 'voting.cast_ballot',
  summary:
    'A resident casts (or replaces) a committed ballot from a fresh key with an unblinded registrar token.',
  schema: castBallotSchema,
  handle(ctx, body) {
    const e = mustGetElection(ctx.kv, body.electionId);
    if (orgOfKey(ctx.kv, ctx.signer)) {
      fail(
        E.not_a_fresh_key,
        'A ballot signed by an organisation key names who cast it. Cast from a fresh key made for this ballot only.',
      );
    }
    if (ctx.time < e.votingOpensAt)
      fail(E.outside_window, `Voting in "${e.id}" opens at ${e.votingOpensAt}.`);
    if (ctx.time >= e.votingClosesAt)
      fail(E.election_closed, `Voting in "${e.id}" closed at ${e.votingClosesAt}.`);
    if (!e.registrarKey)
      fail(
        E.registrar_key_missing,
        `The registrar of "${e.id}" has not published its key, so no token can be valid yet.`,
      );
    const check = checkRegistrarKey(e.registrarKey.publicKey);
    if (!check.ok) fail(E.bad_registrar_key, `The stored registrar key cannot be used: ${check.reason}.`);
    // The token names this election and the signing key: a copied token fails here.
    const input = tokenInput(body.tokenPrefix, e.id, ctx.signer);
    if (!verifyPss(check.key, input, fromHex(body.tokenSignature))) {
      fail(
        E.bad_token_signature,
        `The token signature does not verify against the registrar key of "${e.id}" for this election and this signing key. Cast from the key the token was made for, with the finalized (unblinded) signature.`,
      );
    }
    const hash = tokenHash(body.tokenPrefix, e.id, ctx.signer);
    const existing = getBallot(ctx.kv, e.id, hash);
    if (existing) {
      if (!e.allowReplacement)
        fail(
          E.token_used,
          `This token already cast a ballot in "${e.id}", and this election does not allow replacing it.`,
        );
      putBallot(ctx.kv, e.id, {
        ...existing,
        commitment: body.commitment,
        castAt: ctx.time,
        castHeight: ctx.height,
        replacements: existing.replacements + 1,
      });
      ctx.emit('voting.ballot_replaced', { election: e.id, ballot: body.commitment });
      return;
    }
    if (e.ballotsCast >= e.tokensIssued) {
      fail(
        E.tokens_exhausted,
        `"${e.id}" already has ${e.ballotsCast} ballots for ${e.tokensIssued} tokens the registrar recorded as issued. The registrar must record its issuance before these tokens can vote.`,
      );
    }
    const ballot: Ballot = {
      tokenHash: hash,
      commitment: body.commitment,
      castAt: ctx.time,
      castHeight: ctx.height,
      replacements: 0,
    };
    putBallot(ctx.kv, e.id, ballot);
    putElection(ctx.kv, { ...e, ballotsCast: e.ballotsCast + 1 });
    ctx.emit('voting.ballot_cast', { election: e.id, ballot: body.commitment });
  },
});

export const revealBallot = defineMessage({
  type: 'voting.reveal_ballot',
  summary: 'After voting closes, anyone holding a ballot’s choice and salt reveals it so it is counted.',
  schema: revealBallotSchema,
  handle(ctx, body) {
    const e = mustGetElection(ctx.kv, body.electionId);
    if (ctx.time < e.votingClosesAt)
      fail(
        E.outside_window,
        `Ballots of "${e.id}" can be revealed from ${e.votingClosesAt}, when voting closes.`,
      );
    if (ctx.time >= e.revealClosesAt)
      fail(
        E.election_closed,
        `The reveal period of "${e.id}" ended at ${e.revealClosesAt}; the tally is final.`,
      );
    const b = getBallot(ctx.kv, e.id, body.tokenHash);
    if (!b) fail(E.unknown_ballot, `No ballot with token hash ${body.tokenHash} was cast in "${e.id}".`);
    if (b.revealed) fail(E.already_revealed, `This ballot was revealed at ${b.revealed.at}.`);
    if (ballotCommitment(e.id, b.tokenHash, body.choice, body.salt) !== b.commitment) {
      fail(
        E.commitment_mismatch,
        'The choice and salt do not hash to the committed ballot. Reveal exactly the choice and salt that were committed (the last ballot cast with this token).',
      );
    }
    const problem = ballotProblem(e.ballot, body.choice);
    if (problem) fail(E.invalid_ballot, `${problem} The ballot is not counted.`);
    putBallot(ctx.kv, e.id, { ...b, revealed: { choice: body.choice, at: ctx.time, height: ctx.height } });
    putElection(ctx.kv, { ...e, ballotsRevealed: e.ballotsRevealed + 1 });
    ctx.emit('voting.ballot_revealed', { election: e.id, ballot: b.commitment });
  },
});
