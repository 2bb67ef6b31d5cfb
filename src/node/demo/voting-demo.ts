// Demo participatory budget "Buurtbudget Voorbeeldwijk": fake projects, the municipality as
// organiser and registrar, three fake residents who registered off-ledger (blind-signed tokens)
// and cast committed ballots from fresh ballot keys. Voting stays open for two weeks of block time.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  finalizeToken,
  importRegistrarKey,
  requestToken,
  sealBallot,
} from '../../client/modules/voting-tokens.ts';
import { blindSignWithOpenSsl } from '../../modules/voting/registrar-signer.ts';
import type { BallotChoice } from '../../modules/voting/token-message.ts';
import type { DemoContext, DemoLoader } from './demo-context.ts';

const ELECTION = 'buurtbudget-voorbeeldwijk-2026';
const DAY = 24 * 3600 * 1000;
const after = (ctx: DemoContext, days: number) => new Date(Date.parse(ctx.now()) + days * DAY).toISOString();

const PROJECTS = [
  { id: 'speeltuin-lindeplein', title: 'Nieuwe speeltuin op het Lindeplein (demo)', costCents: '3500000' },
  { id: 'bankjes-park', title: 'Tien bankjes in het Voorbeeldpark (demo)', costCents: '800000' },
  { id: 'geveltuinen', title: 'Geveltuinen in de Proefstraat (demo)', costCents: '1200000' },
  { id: 'buurtkamer', title: 'Een jaar buurtkamer in het oude postkantoor (demo)', costCents: '2500000' },
  { id: 'fietsenstalling', title: 'Overdekte fietsenstalling bij de school (demo)', costCents: '1800000' },
];

// Off-ledger choices of three fake residents; the ledger only ever sees their commitments.
const CHOICES: BallotChoice[] = [
  { projects: ['speeltuin-lindeplein', 'bankjes-park'] },
  { projects: ['buurtkamer', 'geveltuinen', 'bankjes-park'] },
  { projects: ['fietsenstalling', 'geveltuinen'] },
];

export const votingDemo: DemoLoader = {
  name: 'participatory budget (voting)',
  async load(ctx) {
    const municipality = 'gemeente-voorbeeldstad';
    await ctx.send(municipality, 'voting.create_election', {
      id: ELECTION,
      title: 'Buurtbudget Voorbeeldwijk 2026 (demo)',
      ballot: {
        kind: 'budget',
        question: 'Aan welke projecten besteden we het buurtbudget van Voorbeeldwijk?',
        budgetCents: '5000000',
        projects: PROJECTS,
      },
      registrarOin: ctx.key(municipality).oin!,
      registrationOpensAt: ctx.now(),
      registrationClosesAt: after(ctx, 10),
      votingOpensAt: ctx.now(),
      votingClosesAt: after(ctx, 14),
      revealClosesAt: after(ctx, 21),
      allowReplacement: true,
    });
    // The registrar's key lives only in this process: a real registrar keeps it in its HSM.
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicExponent: 65537,
    });
    const spkiHex = publicKey.export({ format: 'der', type: 'spki' }).toString('hex');
    await ctx.send(municipality, 'voting.publish_registrar_key', {
      electionId: ELECTION,
      publicKey: spkiHex,
      voterQuota: 25,
    });

    const registrarKey = await importRegistrarKey(spkiHex);
    const wallets = [];
    for (const [i, choice] of CHOICES.entries()) {
      // A fresh ballot key per resident, kept under a name that says nothing about who holds it.
      const name = `demo-stembiljet-${i + 1}`;
      const ballotKey = ctx.keyring.has(name) ? ctx.keyring.get(name) : ctx.keyring.add(name);
      const req = await requestToken(registrarKey, ELECTION, ballotKey.publicKey);
      const blindSignature = blindSignWithOpenSsl(privateKey as KeyObject, req.blindedMessage);
      wallets.push({ name, choice, token: await finalizeToken(registrarKey, req, blindSignature) });
    }
    // Issuance is recorded as one batch, so its timing says nothing about who votes when.
    await ctx.send(municipality, 'voting.record_issuance', { electionId: ELECTION, count: wallets.length });
    for (const w of wallets) {
      const sealed = sealBallot(ELECTION, w.token.tokenHash, w.choice);
      await ctx.send(w.name, 'voting.cast_ballot', {
        electionId: ELECTION,
        tokenPrefix: w.token.tokenPrefix,
        tokenSignature: w.token.tokenSignature,
        commitment: sealed.commitment,
      });
    }
    ctx.log(`voting: ${ELECTION} open until ${after(ctx, 14)} with ${wallets.length} sealed ballots`);
  },
};
