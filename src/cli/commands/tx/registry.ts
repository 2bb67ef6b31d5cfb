// tx registry ...: register classes (through a governance proposal), records, transfers and
// encumbrances. Documents are given by hash, or hashed here from a file that never leaves it.
import type { Command } from 'commander';
import { listArg, oinArg } from '../../args.ts';
import { contextOf } from '../../context.ts';
import { parseDeadline } from '../../deadline.ts';
import { UsageError } from '../../errors.ts';
import { collectAttr, dateArg, documentArg, holderArg } from '../registry-args.ts';
import { sendTx, txCommand } from './send.ts';

const CLASS_KINDS = ['property_title', 'certificate', 'permit', 'visa', 'other'];
const ENCUMBRANCE_KINDS = ['mortgage', 'attachment', 'easement', 'other'];

interface IssueOptions {
  class: string;
  holder: string;
  document?: string;
  documentFile?: string;
  validFrom: string;
  validUntil?: string;
  attr?: Record<string, string>;
}

interface AmendOptions {
  reason: string;
  document?: string;
  documentFile?: string;
  validFrom?: string;
  validUntil?: string;
  attr?: Record<string, string>;
}

function registerLifecycle(registry: Command): void {
  for (const [name, type, what] of [
    ['suspend', 'registry.suspend', 'suspend an active record (issuer)'],
    ['reinstate', 'registry.reinstate', 'lift the suspension of a record (issuer)'],
    ['revoke', 'registry.revoke', 'revoke a record for good (issuer)'],
  ] as const) {
    txCommand(registry, `${name} <recordId>`, what)
      .requiredOption('--reason <text>', 'why (non-personal, at most 120 characters)')
      .action(async (recordId: string, o: { reason: string }, cmd: Command) => {
        await sendTx(cmd, type, { recordId, reason: o.reason });
      });
  }
  for (const [name, type, what] of [
    ['accept-transfer', 'registry.accept_transfer', 'accept a pending transfer (the buyer)'],
    ['confirm-transfer', 'registry.confirm_transfer', 'confirm an accepted transfer (a notary of the class)'],
    ['cancel-transfer', 'registry.cancel_transfer', 'withdraw a pending transfer (seller, buyer or notary)'],
  ] as const) {
    txCommand(registry, `${name} <recordId>`, what).action(
      async (recordId: string, _o: unknown, cmd: Command) => {
        await sendTx(cmd, type, { recordId });
      },
    );
  }
}

export function registerRegistryTx(tx: Command): void {
  const registry = tx
    .command('registry')
    .description('registers: classes, records, transfers and encumbrances');

  txCommand(
    registry,
    'propose-class <id>',
    'propose a register class (a governance proposal; members vote with "tx identity vote")',
  )
    .requiredOption('--name <name>', 'public name of the class')
    .requiredOption('--kind <kind>', `one of ${CLASS_KINDS.join(', ')}`)
    .requiredOption('--issuers <oin,oin>', 'OINs of the organisations that may issue records of the class')
    .option('--transferable', 'records can be transferred (property titles)')
    .option(
      '--notaries <oin,oin>',
      'transferable classes: OINs of notaries, one of which confirms each transfer',
    )
    .requiredOption('--deadline <when>', 'end of voting: RFC 3339 time or a duration from now (10m, 2h, 3d)')
    .option('--title <text>', 'title of the proposal (default: "Register class <name>")')
    .action(
      async (
        id: string,
        o: {
          name: string;
          kind: string;
          issuers: string;
          transferable?: boolean;
          notaries?: string;
          deadline: string;
          title?: string;
        },
        cmd: Command,
      ) => {
        if (!CLASS_KINDS.includes(o.kind))
          throw new UsageError(`--kind must be one of ${CLASS_KINDS.join(', ')}`);
        const oins = async (list: string) => Promise.all(listArg(list).map((x) => oinArg(x)));
        await sendTx(cmd, 'identity.submit_proposal', {
          title: o.title ?? `Register class ${o.name}`,
          deadline: parseDeadline(o.deadline),
          action: {
            kind: 'set_register_class',
            registerClass: {
              id,
              name: o.name,
              kind: o.kind,
              issuers: await oins(o.issuers),
              transferable: o.transferable === true,
              notaries: await oins(o.notaries ?? ''),
            },
          },
        });
      },
    );

  txCommand(registry, 'issue <id>', 'issue a record of a class (an authorised issuer)')
    .requiredOption('--class <classId>', 'register class')
    .requiredOption(
      '--holder <holder>',
      'public key or keyring name of the holder, or an OIN for an organisation',
    )
    .option('--document <sha256>', 'SHA-256 of the document')
    .option('--document-file <path>', 'hash this file locally as the document (it is not sent)')
    .requiredOption('--valid-from <date>', 'first valid day, e.g. 2026-01-31')
    .option('--valid-until <date>', 'last valid day')
    .option('--attr <name=value>', 'a public, non-personal attribute (repeatable)', collectAttr)
    .action(async (id: string, o: IssueOptions, cmd: Command) => {
      const documentHash = await documentArg(o.document, o.documentFile, 'document');
      if (documentHash === undefined)
        throw new UsageError('give --document <sha256> or --document-file <path>');
      await sendTx(cmd, 'registry.issue', {
        id,
        classId: o.class,
        holder: await holderArg(contextOf(cmd), o.holder),
        attributes: o.attr ?? {},
        documentHash,
        validFrom: dateArg(o.validFrom, '--valid-from'),
        ...(o.validUntil ? { validUntil: dateArg(o.validUntil, '--valid-until') } : {}),
      });
    });

  txCommand(registry, 'amend <recordId>', 'correct attributes, document or validity of a record (issuer)')
    .requiredOption('--reason <text>', 'why (non-personal)')
    .option('--attr <name=value>', 'the new attributes, all of them (repeatable)', collectAttr)
    .option('--document <sha256>', 'SHA-256 of the new document')
    .option('--document-file <path>', 'hash this file locally as the new document')
    .option('--valid-from <date>', 'new first valid day')
    .option('--valid-until <date>', 'new last valid day, or "none" to remove the end')
    .action(async (recordId: string, o: AmendOptions, cmd: Command) => {
      const documentHash = await documentArg(o.document, o.documentFile, 'document');
      await sendTx(cmd, 'registry.amend', {
        recordId,
        reason: o.reason,
        ...(o.attr ? { attributes: o.attr } : {}),
        ...(documentHash ? { documentHash } : {}),
        ...(o.validFrom ? { validFrom: dateArg(o.validFrom, '--valid-from') } : {}),
        ...(o.validUntil
          ? { validUntil: o.validUntil === 'none' ? null : dateArg(o.validUntil, '--valid-until') }
          : {}),
      });
    });

  txCommand(registry, 'propose-transfer <recordId>', 'propose to transfer a record to a buyer (the holder)')
    .requiredOption('--to <holder>', 'buyer: public key or keyring name, or an OIN')
    .option('--deed <sha256>', 'SHA-256 of the transfer deed')
    .option('--deed-file <path>', 'hash this file locally as the deed')
    .action(async (recordId: string, o: { to: string; deed?: string; deedFile?: string }, cmd: Command) => {
      const deedHash = await documentArg(o.deed, o.deedFile, 'deed');
      await sendTx(cmd, 'registry.propose_transfer', {
        recordId,
        to: await holderArg(contextOf(cmd), o.to),
        ...(deedHash ? { deedHash } : {}),
      });
    });

  txCommand(
    registry,
    'encumber <recordId>',
    'register an encumbrance, e.g. a mortgage, in favour of a creditor (the holder)',
  )
    .requiredOption('--id <encumbranceId>', 'id of the encumbrance on this record')
    .requiredOption('--kind <kind>', `one of ${ENCUMBRANCE_KINDS.join(', ')}`)
    .requiredOption('--creditor <oin>', 'OIN of the creditor organisation (e.g. the bank)')
    .option('--amount-cents <cents>', 'amount secured, in euro cents')
    .option('--deed <sha256>', 'SHA-256 of the deed')
    .action(
      async (
        recordId: string,
        o: { id: string; kind: string; creditor: string; amountCents?: string; deed?: string },
        cmd: Command,
      ) => {
        if (!ENCUMBRANCE_KINDS.includes(o.kind))
          throw new UsageError(`--kind must be one of ${ENCUMBRANCE_KINDS.join(', ')}`);
        const deedHash = await documentArg(o.deed, undefined, 'deed');
        await sendTx(cmd, 'registry.encumber', {
          recordId,
          encumbranceId: o.id,
          kind: o.kind,
          creditor: await oinArg(o.creditor),
          ...(o.amountCents ? { amountCents: o.amountCents } : {}),
          ...(deedHash ? { deedHash } : {}),
        });
      },
    );

  txCommand(registry, 'release-encumbrance <recordId>', 'release an encumbrance (the creditor)')
    .requiredOption('--id <encumbranceId>', 'id of the encumbrance')
    .action(async (recordId: string, o: { id: string }, cmd: Command) => {
      await sendTx(cmd, 'registry.release_encumbrance', { recordId, encumbranceId: o.id });
    });

  registerLifecycle(registry);
}
