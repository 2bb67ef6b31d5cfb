// tx voting ...: the signed steps of a civic vote. The organiser creates the election, the
// registrar publishes its key and records issued tokens, the resident casts from the ballot key
// (sealing the choice in the voting wallet) and later reveals it.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { listArg, oinArg, positiveIntArg } from '../../args.ts';
import { contextOf } from '../../context.ts';
import { parseDeadline } from '../../deadline.ts';
import { CliError, UsageError } from '../../errors.ts';
import { spkiOfKeyFile } from '../voting.ts';
import { readWallet, writeWallet } from '../voting-wallet.ts';
import { sendTx, txCommand } from './send.ts';

/** An RFC 3339 time as given (windows may lie in the past of this machine's clock), or a duration from now. */
function windowTime(input: string, what: string): string {
  const v = input.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) && Number.isFinite(Date.parse(v))) {
    return new Date(Date.parse(v)).toISOString();
  }
  try {
    return parseDeadline(v);
  } catch (e) {
    throw new UsageError(`${what}: ${(e as Error).message}`);
  }
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${what} ${file} is not readable JSON: ${(e as Error).message}`);
  }
}

interface CreateOptions {
  title: string;
  ballotFile: string;
  registrar: string;
  registrationOpens: string;
  registrationCloses: string;
  votingOpens: string;
  votingCloses: string;
  revealCloses: string;
  allowReplacement?: boolean;
}

function choiceOf(o: { projects?: string; answer?: string[] }) {
  if ((o.projects === undefined) === (o.answer === undefined)) {
    throw new UsageError(
      'give either --projects (participatory budget) or --answer question=option (consultation)',
    );
  }
  if (o.projects !== undefined) return { projects: listArg(o.projects) };
  return {
    answers: (o.answer ?? []).map((a) => {
      const [question, option, ...rest] = a.split('=');
      if (!question || !option || rest.length > 0)
        throw new UsageError(`--answer must look like question=option, got "${a}"`);
      return { question, option };
    }),
  };
}

export function registerVotingTx(tx: Command): void {
  const voting = tx
    .command('voting')
    .description('civic votes: elections, registrar steps, ballots and reveals');

  txCommand(voting, 'create-election <id>', 'organiser: create an election (voting.create_election)')
    .requiredOption('--title <text>', 'public title')
    .requiredOption(
      '--ballot-file <file>',
      'JSON ballot: {"kind":"budget",...} or {"kind":"consultation",...}',
    )
    .requiredOption('--registrar <oin>', 'OIN of the registrar organisation')
    .requiredOption('--registration-opens <when>', 'RFC 3339 time or duration from now (e.g. 1h)')
    .requiredOption('--registration-closes <when>', 'RFC 3339 time or duration from now')
    .requiredOption('--voting-opens <when>', 'RFC 3339 time or duration from now')
    .requiredOption('--voting-closes <when>', 'RFC 3339 time or duration from now')
    .requiredOption('--reveal-closes <when>', 'end of the reveal period: RFC 3339 time or duration from now')
    .option('--allow-replacement', 'a voter may replace their ballot until voting closes')
    .action(async (id: string, o: CreateOptions, cmd: Command) => {
      await sendTx(cmd, 'voting.create_election', {
        id,
        title: o.title,
        ballot: readJson(o.ballotFile, 'ballot file'),
        registrarOin: await oinArg(o.registrar),
        registrationOpensAt: windowTime(o.registrationOpens, '--registration-opens'),
        registrationClosesAt: windowTime(o.registrationCloses, '--registration-closes'),
        votingOpensAt: windowTime(o.votingOpens, '--voting-opens'),
        votingClosesAt: windowTime(o.votingCloses, '--voting-closes'),
        revealClosesAt: windowTime(o.revealCloses, '--reveal-closes'),
        allowReplacement: o.allowReplacement === true,
      });
    });

  txCommand(
    voting,
    'publish-key <electionId>',
    'registrar: publish the blind-signing key and voter quota (once)',
  )
    .requiredOption(
      '--key-file <file>',
      'the private key file from "voting registrar-key" (only its public half is sent)',
    )
    .requiredOption('--quota <n>', 'number of eligible residents')
    .action(async (electionId: string, o: { keyFile: string; quota: string }, cmd: Command) => {
      await sendTx(cmd, 'voting.publish_registrar_key', {
        electionId,
        publicKey: spkiOfKeyFile(o.keyFile),
        voterQuota: positiveIntArg(o.quota, '--quota'),
      });
    });

  txCommand(voting, 'record-issuance <electionId>', 'registrar: record a batch of blind-signed tokens')
    .requiredOption('--count <n>', 'tokens signed since the last record')
    .action(async (electionId: string, o: { count: string }, cmd: Command) => {
      await sendTx(cmd, 'voting.record_issuance', { electionId, count: positiveIntArg(o.count, '--count') });
    });

  txCommand(
    voting,
    'cast <electionId>',
    'resident: seal a choice and cast it; --from is the ballot key of the token',
  )
    .option('--projects <id,id>', 'participatory budget: the projects you choose (empty for a blank ballot)')
    .option('--answer <question=option...>', 'consultation: one answer per question')
    .action(
      async (electionId: string, o: { from: string; projects?: string; answer?: string[] }, cmd: Command) => {
        const ctx = contextOf(cmd);
        const { sealBallot } = await import('../../../client/modules/voting-tokens.ts');
        const wallet = readWallet(ctx.home, electionId, o.from);
        if (!wallet.token)
          throw new CliError('this wallet has no token yet; finish "ketenboek voting token-finalize" first');
        const sealed = sealBallot(electionId, wallet.token.tokenHash, choiceOf(o));
        // Kept before sending: without choice and salt the ballot could never be revealed.
        writeWallet(ctx.home, { ...wallet, sealed: [...(wallet.sealed ?? []), sealed] });
        await sendTx(cmd, 'voting.cast_ballot', {
          electionId,
          tokenPrefix: wallet.token.tokenPrefix,
          tokenSignature: wallet.token.tokenSignature,
          commitment: sealed.commitment,
        });
      },
    );

  txCommand(
    voting,
    'reveal <electionId>',
    'after voting closes: reveal the sealed ballot of a wallet (any key may send it)',
  )
    .requiredOption('--ballot-key <name>', 'the ballot key whose wallet holds the sealed ballot')
    .action(async (electionId: string, o: { ballotKey: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const wallet = readWallet(ctx.home, electionId, o.ballotKey);
      if (!wallet.token || !wallet.sealed?.length)
        throw new CliError('this wallet has no cast ballot to reveal');
      const onLedger = await ctx.client().voting.ballot(electionId, wallet.token.tokenHash);
      const sealed = wallet.sealed.find((x) => x.commitment === onLedger.commitment);
      if (!sealed)
        throw new CliError(
          `the ballot on the ledger (${onLedger.commitment}) was not sealed with this wallet`,
        );
      await sendTx(cmd, 'voting.reveal_ballot', {
        electionId,
        tokenHash: wallet.token.tokenHash,
        choice: sealed.choice,
        salt: sealed.salt,
      });
    });
}
