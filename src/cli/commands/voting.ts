// voting ...: read elections, ballots and the tally; and the off-ledger steps of a vote — the
// registrar's key and blind signatures, the resident's token request and finalization. Nothing
// here sends a tx (those are "ketenboek tx voting ..."); the registrar key file and the voting
// wallets stay on this machine.
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { positiveIntArg } from '../args.ts';
import { contextOf } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { renderTable } from '../output.ts';
import { readWallet, writeWallet } from './voting-wallet.ts';

function registerReads(voting: Command): void {
  voting
    .command('elections')
    .description('elections on the ledger')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client().voting.elections({ limit: 100 });
      ctx.print(page, () =>
        renderTable(
          ['ID', 'STATUS', 'KIND', 'VOTING CLOSES', 'TOKENS', 'BALLOTS'],
          page.items.map((e) => [
            e.id,
            e.status,
            e.ballot.kind,
            e.votingClosesAt,
            e.tokensIssued,
            e.ballotsCast,
          ]),
        ),
      );
    });

  voting
    .command('election <id>')
    .description('one election: ballot, windows, registrar key and counters')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      ctx.print(await ctx.client().voting.election(id));
    });

  voting
    .command('ballots <id>')
    .description('sealed (and, after closing, revealed) ballots by token hash')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client().voting.ballots(id, { limit: 100 });
      ctx.print(page, () =>
        renderTable(
          ['TOKEN HASH', 'BALLOT (COMMITMENT)', 'REVEALED'],
          page.items.map((b) => [b.tokenHash, b.commitment, b.revealed ? 'yes' : 'no']),
        ),
      );
    });

  voting
    .command('tally <id>')
    .description('the tally with the counted ballot hashes (after voting closes)')
    .option('--find <ballot>', 'say whether this ballot hash (your commitment) was counted')
    .action(async (id: string, o: { find?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const t = await ctx.client().voting.tally(id);
      const counted = o.find ? t.countedBallots.includes(o.find.toLowerCase()) : undefined;
      ctx.print(o.find ? { ...t, found: counted } : t, () => {
        const lines = [
          `${t.final ? 'final' : 'provisional'} tally of ${id}: ${t.ballotsCounted} counted, ${t.ballotsUnrevealed} not revealed, ${t.tokensIssued} tokens issued (quota ${t.voterQuota})`,
          `recount from the ballots ${t.matchesRecount ? 'matches' : 'DOES NOT MATCH'}`,
        ];
        if (t.budget) {
          lines.push(
            ...renderTable(
              ['PROJECT', 'COST (CENTS)', 'VOTES', 'FUNDED'],
              t.budget.projects.map((p) => [
                p.id,
                p.costCents,
                p.votes,
                t.budget!.funded.includes(p.id) ? 'yes' : '',
              ]),
            ),
          );
        }
        for (const q of t.consultation?.questions ?? []) {
          lines.push(
            `${q.id}: ${q.options.map((x) => `${x.id}=${x.votes}`).join(' ')} abstentions=${q.abstentions}`,
          );
        }
        if (o.find) lines.push(counted ? `ballot ${o.find} was counted` : `ballot ${o.find} was NOT counted`);
        return lines;
      });
      if (counted === false) process.exitCode = 1;
    });
}

function registerRegistrar(voting: Command): void {
  voting
    .command('registrar-key <file>')
    .description(
      'registrar: make an RSA blind-signing key (private key to <file>, mode 0600) and print its public key',
    )
    .option('--bits <n>', 'modulus length: 2048, 3072 or 4096', '3072')
    .action(async (file: string, o: { bits: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const bits = positiveIntArg(o.bits, '--bits');
      if (![2048, 3072, 4096].includes(bits))
        throw new UsageError(`--bits must be 2048, 3072 or 4096, got ${bits}`);
      if (existsSync(file))
        throw new UsageError(`${file} exists; choose another file (a key is never overwritten)`);
      const { publicKey, privateKey } = generateKeyPairSync('rsa', {
        modulusLength: bits,
        publicExponent: 65537,
      });
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
      const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('hex');
      ctx.print({ file, publicKey: spki }, () => [spki]);
    });

  voting
    .command('blind-sign <blindedMessage>')
    .description('registrar: blind-sign a resident’s blinded message after checking eligibility off-ledger')
    .requiredOption('--key-file <file>', 'the private key from "voting registrar-key"')
    .action(async (blinded: string, o: { keyFile: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { blindSignWithOpenSsl } = await import('../../modules/voting/registrar-signer.ts');
      let sig: string;
      try {
        sig = blindSignWithOpenSsl(createPrivateKey(readKeyFile(o.keyFile)), blinded.toLowerCase());
      } catch (e) {
        throw new CliError(`cannot blind-sign: ${(e as Error).message}`);
      }
      ctx.print({ blindSignature: sig }, () => [sig]);
    });
}

function registerResident(voting: Command): void {
  voting
    .command('token-request <electionId>')
    .description('resident: make a fresh ballot key and a blinded token request for the registrar')
    .requiredOption('--ballot-key <name>', 'keyring name for the fresh ballot key (made here if new)')
    .action(async (electionId: string, o: { ballotKey: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { importRegistrarKey, requestToken } = await import('../../client/modules/voting-tokens.ts');
      const election = await ctx.client().voting.election(electionId);
      if (!election.registrarKey)
        throw new CliError(`the registrar of "${electionId}" has not published its key yet`);
      const keyring = ctx.keyring();
      const key = keyring.has(o.ballotKey) ? keyring.get(o.ballotKey) : keyring.add(o.ballotKey);
      if (key.oin)
        throw new UsageError(`"${o.ballotKey}" is an organisation key; a ballot key must be fresh`);
      const request = await requestToken(
        await importRegistrarKey(election.registrarKey.publicKey),
        electionId,
        key.publicKey,
      );
      writeWallet(ctx.home, { electionId, ballotKey: o.ballotKey, request });
      ctx.print({ blindedMessage: request.blindedMessage }, () => [
        request.blindedMessage,
        'give this blinded message to the registrar; it reveals nothing about your ballot key',
      ]);
    });

  voting
    .command('token-finalize <electionId> <blindSignature>')
    .description('resident: unblind the registrar’s signature into a token for the ballot key')
    .requiredOption('--ballot-key <name>', 'the ballot key of the token request')
    .action(async (electionId: string, blindSignature: string, o: { ballotKey: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { finalizeToken, importRegistrarKey } = await import('../../client/modules/voting-tokens.ts');
      const wallet = readWallet(ctx.home, electionId, o.ballotKey);
      if (!wallet.request) throw new CliError('this wallet has no pending token request');
      const election = await ctx.client().voting.election(electionId);
      let token: Awaited<ReturnType<typeof finalizeToken>>;
      try {
        token = await finalizeToken(
          await importRegistrarKey(election.registrarKey!.publicKey),
          wallet.request,
          blindSignature.toLowerCase(),
        );
      } catch (e) {
        throw new CliError(`the blind signature does not give a valid token: ${(e as Error).message}`);
      }
      const { request: _, ...rest } = wallet;
      writeWallet(ctx.home, { ...rest, token });
      ctx.print({ tokenHash: token.tokenHash }, () => [
        `token ready (token hash ${token.tokenHash}); cast with "ketenboek tx voting cast"`,
      ]);
    });
}

function readKeyFile(file: string): string {
  if (!existsSync(file)) throw new UsageError(`no key file ${file}`);
  return readFileSync(file, 'utf8');
}

export function registerVotingCommands(program: Command): void {
  const voting = program
    .command('voting')
    .description('civic votes: elections, tallies, and the off-ledger token steps of registrar and resident');
  registerReads(voting);
  registerRegistrar(voting);
  registerResident(voting);
}

/** The SPKI (hex) of the public half of a registrar key file. */
export function spkiOfKeyFile(file: string): string {
  return createPublicKey(createPrivateKey(readKeyFile(file)))
    .export({ format: 'der', type: 'spki' })
    .toString('hex');
}
