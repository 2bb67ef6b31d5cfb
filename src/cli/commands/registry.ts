// registry ...: read registers through a node, verify a record with a proof that holds offline,
// and export or check a record as a W3C Verifiable Credential (vc+jwt, signed by the issuer's key).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { RecordProofVerdict } from '../../core/record-proof.ts';
import { positiveIntArg } from '../args.ts';
import { contextOf } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { renderTable } from '../output.ts';
import {
  documentArg,
  type GenesisTrust,
  holderArg,
  readJsonFile,
  trustFromGenesis,
} from './registry-args.ts';

function verdictLines(v: RecordProofVerdict, what: string): string[] {
  return [
    ...v.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : `: ${c.detail}`}`),
    v.valid
      ? `proof valid: ${what} is ${v.status} at height ${v.height} (${v.time})${v.documentCurrent === false ? '; the record has a newer document' : ''}`
      : 'proof NOT valid',
  ];
}

function failIfInvalid(v: RecordProofVerdict, what: string): void {
  if (v.valid) return;
  const failed = v.checks.filter((c) => !c.ok).map((c) => `${c.name} (${c.detail})`);
  throw new CliError(`${what} is not a valid record proof: ${failed.join('; ')}`);
}

async function verifyProofLocally(
  proof: unknown,
  trust: GenesisTrust | undefined,
  expect: Record<string, unknown>,
): Promise<RecordProofVerdict> {
  const { verifyRecordProof } = await import('../../core/record-proof-verify.ts');
  return verifyRecordProof(proof, { ...(trust ?? {}), ...expect });
}

function registerReads(registry: Command): void {
  registry
    .command('classes')
    .description('register classes: who may issue, transferable, notaries')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client().registry.classes();
      ctx.print(page, () =>
        renderTable(
          ['ID', 'KIND', 'TRANSFERABLE', 'ISSUERS', 'NOTARIES'],
          page.items.map((c) => [
            c.id,
            c.kind,
            c.transferable ? 'yes' : 'no',
            c.issuers.join(','),
            c.notaries.join(',') || '-',
          ]),
        ),
      );
    });

  registry
    .command('class <id>')
    .description('one register class')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      ctx.print(await ctx.client().registry.class(id));
    });

  registry
    .command('records')
    .description('records in id order, optionally of one class or holder')
    .option('--class <classId>', 'only records of this class')
    .option('--holder <holder>', 'only records of this holder: public key, keyring name or OIN')
    .option('--after <id>', 'only records whose id sorts after this one')
    .option('--limit <n>', 'how many records', '20')
    .action(async (o: { class?: string; holder?: string; after?: string; limit: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const holder = o.holder ? await holderArg(ctx, o.holder) : undefined;
      const page = await ctx.client().registry.records({
        limit: positiveIntArg(o.limit, '--limit'),
        ...(o.class ? { classId: o.class } : {}),
        ...(o.after ? { after: o.after } : {}),
        ...(holder?.kind === 'key' ? { holderKey: holder.pubKey } : {}),
        ...(holder?.kind === 'organisation' ? { holderOrganisation: holder.oin } : {}),
      });
      ctx.print(page, () => [
        ...renderTable(
          ['ID', 'CLASS', 'STATUS', 'ISSUER', 'HOLDER'],
          page.items.map((r) => [
            r.id,
            r.classId,
            r.effectiveStatus,
            r.issuer,
            r.holder.kind === 'key' ? r.holder.pubKey : r.holder.oin,
          ]),
        ),
        ...(page.next ? ['(there is more: --json shows the link to the next page)'] : []),
      ]);
    });

  registry
    .command('record <id>')
    .description('one record with its status, encumbrances and pending transfer')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      ctx.print(await ctx.client().registry.record(id));
    });

  registry
    .command('history <id>')
    .description('every change of a record, oldest first')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const page = await ctx.client().registry.history(id);
      ctx.print(page, () =>
        renderTable(
          ['VERSION', 'ACTION', 'HEIGHT', 'TIME', 'TX'],
          page.items.map((h) => [h.version, h.action, h.height, h.time, h.txHash ?? '-']),
        ),
      );
    });
}

function registerVerification(registry: Command): void {
  registry
    .command('verify [recordId]')
    .description(
      'status of a record (by id or document) with a proof, checked here; exit 1 when the proof fails',
    )
    .option('--document <sha256>', 'find the record by the SHA-256 of its document')
    .option('--document-file <path>', 'hash this file locally and find its record (the file is not sent)')
    .option('--height <n>', 'status at this block height (default: the latest)')
    .option('--genesis <file>', "trust only this genesis's chain id and validators")
    .option('--out <file>', 'also write the proof to this file (for "registry verify-proof")')
    .action(
      async (
        recordId: string | undefined,
        o: { document?: string; documentFile?: string; height?: string; genesis?: string; out?: string },
        cmd: Command,
      ) => {
        const ctx = contextOf(cmd);
        const documentHash = await documentArg(o.document, o.documentFile, 'document');
        if ((recordId === undefined) === (documentHash === undefined))
          throw new UsageError('give a record id or --document/--document-file, not both');
        const query = recordId !== undefined ? { recordId } : { documentHash: documentHash! };
        const height = o.height !== undefined ? positiveIntArg(o.height, '--height') : undefined;
        const answer = await ctx.client().registry.verify(query, height !== undefined ? { height } : {});
        // Never take the node's word: the proof is checked here, against the trusted genesis if given.
        const verdict = await verifyProofLocally(
          answer.proof,
          o.genesis ? trustFromGenesis(o.genesis) : undefined,
          {
            ...query,
            ...(height !== undefined ? { height } : {}),
          },
        );
        if (o.out) writeFileSync(o.out, `${JSON.stringify(answer.proof, null, 2)}\n`);
        ctx.print({ ...verdict, ...(o.out ? { file: o.out } : {}) }, () => [
          ...verdictLines(verdict, `record ${verdict.recordId ?? '(none)'}`),
          ...(o.out ? [`proof written to ${o.out}`] : []),
        ]);
        failIfInvalid(verdict, 'the node’s answer');
      },
    );

  registry
    .command('verify-proof <file>')
    .description('verify a record proof offline; exit 0 when valid, 1 when not')
    .option(
      '--genesis <file>',
      "trust only this genesis's chain id and validators (default: the proof's own list)",
    )
    .option('--record <id>', 'the proof must be about this record')
    .option('--height <n>', 'the proof must be for this height')
    .action(async (file: string, o: { genesis?: string; record?: string; height?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const verdict = await verifyProofLocally(
        readJsonFile(file, 'record proof'),
        o.genesis ? trustFromGenesis(o.genesis) : undefined,
        {
          ...(o.record ? { recordId: o.record } : {}),
          ...(o.height ? { height: positiveIntArg(o.height, '--height') } : {}),
        },
      );
      ctx.print(verdict, () => verdictLines(verdict, `record ${verdict.recordId ?? '(none)'}`));
      failIfInvalid(verdict, file);
    });
}

function credentialText(fileOrJwt: string): string {
  if (existsSync(fileOrJwt)) return readFileSync(fileOrJwt, 'utf8').trim();
  if (fileOrJwt.split('.').length === 3) return fileOrJwt.trim();
  throw new UsageError(`"${fileOrJwt}" is neither a file nor a compact JWS credential`);
}

function registerCredentials(registry: Command): void {
  registry
    .command('credential-export <recordId>')
    .description(
      'sign a record in force as a W3C Verifiable Credential (vc+jwt) with an issuer key; nothing is sent',
    )
    .requiredOption('--from <name>', 'keyring key of the issuing organisation')
    .option('--out <file>', 'write the credential to this file instead of stdout')
    .action(async (recordId: string, o: { from: string; out?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const key = ctx.key(o.from);
      const client = ctx.client();
      const [record, status] = await Promise.all([client.registry.record(recordId), client.status()]);
      if (key.oin !== record.issuer)
        throw new CliError(
          `key "${o.from}" is not a key of the issuer ${record.issuer} of record ${recordId}`,
        );
      const cls = await client.registry.class(record.classId);
      const { exportCredential } = await import('../../modules/registry/credential.ts');
      let jwt: string;
      try {
        jwt = exportCredential(record, {
          issuerPrivateKey: key.privateKey,
          chainId: status.chainId,
          statusBaseUrl: client.baseUrl,
          issuedAt: new Date().toISOString(),
          name: cls.name,
        });
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      if (o.out === undefined) {
        process.stdout.write(`${jwt}\n`);
        return;
      }
      writeFileSync(o.out, `${jwt}\n`);
      ctx.print({ file: o.out, recordId }, () => [`credential for record ${recordId} written to ${o.out}`]);
    });

  registry
    .command('credential-verify <fileOrJwt>')
    .description(
      "check a credential: the issuer's signature and key, and the record's status, proven by the node",
    )
    .option('--genesis <file>', "trust only this genesis's chain id and validators for the status proof")
    .action(async (fileOrJwt: string, o: { genesis?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const jwt = credentialText(fileOrJwt);
      const { credentialRefs, verifyCredential } = await import('../../modules/registry/credential.ts');
      let refs: ReturnType<typeof credentialRefs>;
      try {
        refs = credentialRefs(jwt);
      } catch (e) {
        throw new CliError(`not a credential: ${(e as Error).message}`);
      }
      const client = ctx.client();
      const [org, answer] = await Promise.all([
        client.organisation(refs.issuerOin),
        client.registry.verify({ recordId: refs.recordId }),
      ]);
      // The status comes from a proof checked here, not from the node's say-so.
      const proof = await verifyProofLocally(
        answer.proof,
        o.genesis ? trustFromGenesis(o.genesis) : undefined,
        { recordId: refs.recordId },
      );
      failIfInvalid(proof, 'the node’s status proof');
      const verdict = verifyCredential(jwt, {
        record: proof.record as Parameters<typeof verifyCredential>[1]['record'],
        issuerKeys: org.keys.filter((k) => k.revokedAtHeight === undefined).map((k) => k.pubKey),
        time: proof.time,
        chainId: o.genesis ? trustFromGenesis(o.genesis).chainId : answer.proof.chainId,
      });
      ctx.print(verdict, () => [
        ...verdict.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : `: ${c.detail}`}`),
        verdict.valid
          ? `credential valid: record ${refs.recordId} is ${verdict.status} at height ${proof.height}`
          : 'credential NOT valid',
      ]);
      if (!verdict.valid)
        throw new CliError(
          `the credential is not valid: ${verdict.checks
            .filter((c) => !c.ok)
            .map((c) => c.detail)
            .join('; ')}`,
        );
    });
}

export function registerRegistryCommands(program: Command): void {
  const registry = program
    .command('registry')
    .description('registers: records, verifications with offline proofs, credentials');
  registerReads(registry);
  registerVerification(registry);
  registerCredentials(registry);
}
