// SEPA credit transfer file (ISO 20022 pain.001.001.03, the version every Dutch bank accepts) for
// an approved settlement batch. A pure function of the batch: made off the ledger, by anyone who
// reads the batch, and always the same bytes for the same batch. The ledger only records that
// the batch was approved and, later, paid.
import { euro } from './money.ts';
import type { Settlement } from './state.ts';

export const PAIN_001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

export interface SepaOptions {
  /** Name of the initiating party (the sponsor); default: the debtor account name. */
  initiatingPartyName?: string;
  /** Names of the creditors by OIN, when known (default: the account name). */
  creditorNames?: Record<string, string>;
}

/**
 * Characters allowed in SEPA text fields (the EPC's Latin subset). Anything else is transliterated
 * where that is obvious (é → e) and otherwise replaced by a space, so no bank refuses the file.
 */
export function sepaText(s: string, max: number): string {
  const plain = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ISO date-time without milliseconds, as pain.001 wants (2026-03-01T10:00:00). */
const isoSeconds = (t: string) => t.slice(0, 19);

function agent(bic: string | undefined, indent: string): string {
  return bic
    ? `${indent}<FinInstnId><BIC>${bic}</BIC></FinInstnId>`
    : `${indent}<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>`;
}

/** The pain.001.001.03 XML of an approved or paid settlement batch. */
export function sepaCreditTransferXml(s: Settlement, opts: SepaOptions = {}): string {
  if ((s.state !== 'approved' && s.state !== 'paid') || !s.debtor || !s.approvedAt) {
    throw new Error(
      `settlement batch "${s.id}" is ${s.state}: a SEPA file is made only from an approved batch`,
    );
  }
  const lines = s.lines.filter((l) => BigInt(l.amountCents) > 0n);
  const missing = lines.filter((l) => !l.iban);
  if (missing.length > 0)
    throw new Error(
      `settlement batch "${s.id}" lacks bank accounts for ${missing.map((l) => l.provider).join(', ')}`,
    );
  const total = lines.reduce((sum, l) => sum + BigInt(l.amountCents), 0n);
  const msgId = sepaText(`KB-${s.id}`, 35);
  const initiator = sepaText(opts.initiatingPartyName ?? s.debtor.accountName, 70);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="${PAIN_001_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '  <CstmrCdtTrfInitn>',
    '    <GrpHdr>',
    `      <MsgId>${esc(msgId)}</MsgId>`,
    `      <CreDtTm>${isoSeconds(s.approvedAt)}</CreDtTm>`,
    `      <NbOfTxs>${lines.length}</NbOfTxs>`,
    `      <CtrlSum>${euro(total)}</CtrlSum>`,
    `      <InitgPty><Nm>${esc(initiator)}</Nm></InitgPty>`,
    '    </GrpHdr>',
    '    <PmtInf>',
    `      <PmtInfId>${esc(sepaText(`${s.id}-1`, 35))}</PmtInfId>`,
    '      <PmtMtd>TRF</PmtMtd>',
    '      <BtchBookg>true</BtchBookg>',
    `      <NbOfTxs>${lines.length}</NbOfTxs>`,
    `      <CtrlSum>${euro(total)}</CtrlSum>`,
    '      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>',
    `      <ReqdExctnDt>${s.executionDate}</ReqdExctnDt>`,
    `      <Dbtr><Nm>${esc(sepaText(s.debtor.accountName, 70))}</Nm></Dbtr>`,
    `      <DbtrAcct><Id><IBAN>${s.debtor.iban}</IBAN></Id></DbtrAcct>`,
    `      <DbtrAgt>`,
    agent(s.debtor.bic, '        '),
    '      </DbtrAgt>',
    '      <ChrgBr>SLEV</ChrgBr>',
  ];
  lines.forEach((l, i) => {
    const name = opts.creditorNames?.[l.provider] ?? l.accountName ?? l.provider;
    out.push(
      '      <CdtTrfTxInf>',
      `        <PmtId><EndToEndId>${esc(sepaText(`${s.id}-${i + 1}`, 35))}</EndToEndId></PmtId>`,
      `        <Amt><InstdAmt Ccy="EUR">${euro(l.amountCents)}</InstdAmt></Amt>`,
      ...(l.bic ? ['        <CdtrAgt>', agent(l.bic, '          '), '        </CdtrAgt>'] : []),
      `        <Cdtr><Nm>${esc(sepaText(name, 70))}</Nm></Cdtr>`,
      `        <CdtrAcct><Id><IBAN>${l.iban}</IBAN></Id></CdtrAcct>`,
      `        <RmtInf><Ustrd>${esc(sepaText(`Ketenboek afrekening ${s.id}: ${l.payments} betalingen`, 140))}</Ustrd></RmtInf>`,
      '      </CdtTrfTxInf>',
    );
  });
  out.push('    </PmtInf>', '  </CstmrCdtTrfInitn>', '</Document>', '');
  return out.join('\n');
}
