// tx cases ...: every message of a shared case (open, invite, attest, set-field, advance, dispute,
// answer, attach, erase), and proposing a process definition to governance.
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { oinArg, pubKeyOrKeyName, sha256Arg } from '../../args.ts';
import { contextOf } from '../../context.ts';
import { parseDeadline } from '../../deadline.ts';
import { UsageError } from '../../errors.ts';
import { sendTx, txCommand } from './send.ts';

// Listed here for --help; the module's own schema checks the values before anything is signed.
const DISPUTE_REASONS = 'incorrect, incomplete, outdated or not_verifiable';
const ERASURE_REASONS = 'subject_request, retention_expired, unlawful_processing or case_withdrawn';

/** A template name (debt-assistance, wmo-request) or a JSON file with a process definition. */
async function processDefinition(source: string): Promise<unknown> {
  // Loaded on demand, like the schemas: the CLI starts fast.
  const { PROCESS_TEMPLATES } = await import('../../../modules/cases/templates.ts');
  const template = PROCESS_TEMPLATES.find((t) => t.id === source);
  if (template) return template;
  if (!existsSync(source)) {
    throw new UsageError(
      `"${source}" is neither a template (${PROCESS_TEMPLATES.map((t) => t.id).join(', ')}) nor a JSON file`,
    );
  }
  try {
    return JSON.parse(readFileSync(source, 'utf8'));
  } catch (e) {
    throw new UsageError(`${source} is not valid JSON: ${(e as Error).message}`);
  }
}

export function registerCasesTx(tx: Command): void {
  const cases = tx
    .command('cases')
    .description('shared cases between chain partners (see also "ketenboek cases")');

  txCommand(
    cases,
    'propose-process <template-or-file>',
    'propose to governance to publish a process definition',
  )
    .option('--title <text>', 'title of the proposal')
    .requiredOption('--deadline <when>', 'end of voting: RFC 3339 time or a duration from now (10m, 2h, 3d)')
    .action(async (source: string, o: { title?: string; deadline: string }, cmd: Command) => {
      const process = (await processDefinition(source)) as { id?: string };
      await sendTx(cmd, 'identity.submit_proposal', {
        title: o.title ?? `Proces publiceren: ${process.id ?? source}`,
        action: { kind: 'publish_process', process },
        deadline: parseDeadline(o.deadline),
      });
    });

  txCommand(cases, 'open', 'open a case for a resident known by a pseudonymous key or a salted reference')
    .requiredOption('--process <id>', 'the published process')
    .option('--subject-key <key>', "the resident's pseudonymous public key (or keyring name)")
    .option('--subject-ref <hash>', 'salted reference hash (HMAC-SHA-256 with your secret salt); never a BSN')
    .action(async (o: { process: string; subjectKey?: string; subjectRef?: string }, cmd: Command) => {
      if ((o.subjectKey === undefined) === (o.subjectRef === undefined)) {
        throw new UsageError('give exactly one of --subject-key or --subject-ref');
      }
      const subject = o.subjectKey
        ? { kind: 'pseudonym', pubKey: pubKeyOrKeyName(contextOf(cmd), o.subjectKey) }
        : { kind: 'reference', hash: sha256Arg(o.subjectRef!, '--subject-ref') };
      await sendTx(cmd, 'cases.open', { process: o.process, subject });
    });

  txCommand(cases, 'invite <caseId>', 'invite an organisation into a case role')
    .requiredOption('--oin <oin>', 'the organisation to invite')
    .requiredOption('--role <role>', 'its case role, e.g. creditor or benefits_agency')
    .action(async (caseId: string, o: { oin: string; role: string }, cmd: Command) => {
      await sendTx(cmd, 'cases.invite', { caseId, oin: await oinArg(o.oin), role: o.role });
    });

  txCommand(cases, 'attest <caseId>', 'attest something in your case role (e.g. income_verified)')
    .requiredOption('--kind <kind>', 'the attestation kind of the process')
    .option('--evidence <hash>', 'salted hash of the off-ledger evidence')
    .action(async (caseId: string, o: { kind: string; evidence?: string }, cmd: Command) => {
      await sendTx(cmd, 'cases.attest', {
        caseId,
        kind: o.kind,
        ...(o.evidence ? { evidence: sha256Arg(o.evidence, '--evidence') } : {}),
      });
    });

  txCommand(
    cases,
    'set-field <caseId> <field> <value>',
    'set a field you own (an amount in cents, count, date, hash or code)',
  ).action(async (caseId: string, field: string, value: string, _o: unknown, cmd: Command) => {
    await sendTx(cmd, 'cases.set_field', { caseId, field, value });
  });

  txCommand(
    cases,
    'advance <caseId>',
    'move the case to the next step (as the performer of the current step)',
  )
    .requiredOption('--to <step>', 'the step to move to')
    .action(async (caseId: string, o: { to: string }, cmd: Command) => {
      await sendTx(cmd, 'cases.advance', { caseId, to: o.to });
    });

  txCommand(cases, 'dispute <caseId>', "dispute another partner's field value or attestation")
    .option('--field <name>', 'the disputed field')
    .option('--attestation <kind>', 'the disputed attestation kind (with --of)')
    .option('--of <oin>', 'the organisation that gave the attestation')
    .requiredOption('--reason <reason>', DISPUTE_REASONS)
    .option('--evidence <hash>', 'salted hash of an off-ledger explanation')
    .action(
      async (
        caseId: string,
        o: { field?: string; attestation?: string; of?: string; reason: string; evidence?: string },
        cmd: Command,
      ) => {
        if ((o.field === undefined) === (o.attestation === undefined))
          throw new UsageError('give exactly one of --field or --attestation');
        if (o.attestation !== undefined && o.of === undefined)
          throw new UsageError('--attestation needs --of <oin>');
        const target = o.field
          ? { kind: 'field', field: o.field }
          : { kind: 'attestation', attestation: o.attestation, oin: await oinArg(o.of!) };
        await sendTx(cmd, 'cases.dispute', {
          caseId,
          target,
          reason: o.reason,
          ...(o.evidence ? { evidence: sha256Arg(o.evidence, '--evidence') } : {}),
        });
      },
    );

  txCommand(
    cases,
    'answer <caseId> <disputeId>',
    'answer a dispute about your item: confirm, correct or withdraw it',
  )
    .option('--confirm', 'the item stands as it is')
    .option('--correct', 'the item is corrected (with --value or --evidence)')
    .option('--withdraw', 'the item is withdrawn')
    .option('--value <value>', 'the corrected field value')
    .option('--evidence <hash>', 'the corrected evidence hash of an attestation')
    .action(
      async (
        caseId: string,
        disputeId: string,
        o: { confirm?: boolean; correct?: boolean; withdraw?: boolean; value?: string; evidence?: string },
        cmd: Command,
      ) => {
        const chosen = (['confirm', 'correct', 'withdraw'] as const).filter((k) => o[k]);
        if (chosen.length !== 1)
          throw new UsageError('give exactly one of --confirm, --correct or --withdraw');
        const resolution = { confirm: 'confirmed', correct: 'corrected', withdraw: 'withdrawn' }[chosen[0]!];
        await sendTx(cmd, 'cases.answer_dispute', {
          caseId,
          disputeId,
          resolution,
          ...(o.value !== undefined ? { value: o.value } : {}),
          ...(o.evidence ? { evidence: sha256Arg(o.evidence, '--evidence') } : {}),
        });
      },
    );

  txCommand(cases, 'attach <caseId>', 'record the salted hash of a document you hold (see "cases upload")')
    .requiredOption('--hash <hash>', 'the salted document hash the document store gave')
    .requiredOption('--kind <kind>', 'the document kind of the process')
    .action(async (caseId: string, o: { hash: string; kind: string }, cmd: Command) => {
      await sendTx(cmd, 'cases.attach_document', { caseId, hash: sha256Arg(o.hash), kind: o.kind });
    });

  txCommand(
    cases,
    'erase <caseId>',
    "record that the case's off-ledger data is erased (as the opening partner)",
  )
    .requiredOption('--reason <reason>', ERASURE_REASONS)
    .action(async (caseId: string, o: { reason: string }, cmd: Command) => {
      await sendTx(cmd, 'cases.record_erasure', { caseId, reason: o.reason });
    });
}
