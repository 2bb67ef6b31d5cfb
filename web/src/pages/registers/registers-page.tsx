// Look up a record by id, document hash or the document itself (hashed here), fetch its proof
// from the node and check that proof in this browser before showing anything as true.
import { useState } from 'react';
import type {
  RecordVerification,
  RegisterClass,
  RegistryRecordView,
} from '../../../../src/client/modules/registry.ts';
import { client } from '../../api/client.ts';
import { useDirectory } from '../../api/directory.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { downloadText } from '../../lib/download.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { sha256OfFile, verifyRecordProofInBrowser } from '../../lib/verify.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { FileField, SelectField, TextField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { DataTable } from '../../ui/table.tsx';
import { Heading, Hex, Paragraph } from '../../ui/text.tsx';
import { loadTrust } from '../explorer/trust.ts';
import { VerdictView } from '../explorer/verdict-view.tsx';
import { RecordFacts } from './record-facts.tsx';

type By = 'id' | 'hash' | 'file';

export function RegistersPage() {
  const { t } = useI18n();
  const [by, setBy] = useState<By>('id');
  const [recordId, setRecordId] = useState('');
  const [hash, setHash] = useState('');
  const check = useAction(async (query: { recordId: string } | { documentHash: string }) => {
    const [answer, trust] = await Promise.all([client.registry.verify(query), loadTrust()]);
    const verdict = verifyRecordProofInBrowser(answer.proof, { ...trust, ...query });
    return { answer, verdict, ledgerTrust: !!trust.trustedValidators };
  });
  const run = (q: { recordId: string } | { documentHash: string }) => void check.run(q);
  return (
    <>
      <Heading level={1}>{t('reg.title')}</Heading>
      <Paragraph lead>{t('reg.intro')}</Paragraph>
      <form
        className="kb-form"
        data-testid="register-lookup"
        onSubmit={(e) => {
          e.preventDefault();
          if (by === 'id') run({ recordId: recordId.trim() });
          else if (hash) run({ documentHash: hash.trim().toLowerCase() });
        }}
      >
        <SelectField
          label={t('reg.by')}
          value={by}
          onChange={(v) => setBy(v as By)}
          name="by"
          options={[
            { value: 'id', label: t('reg.by.id') },
            { value: 'hash', label: t('reg.by.hash') },
            { value: 'file', label: t('reg.by.file') },
          ]}
        />
        {by === 'id' && (
          <TextField
            label={t('reg.id')}
            description={t('reg.idHint')}
            value={recordId}
            onChange={setRecordId}
            name="recordId"
            spellCheck={false}
          />
        )}
        {by === 'hash' && (
          <TextField
            label={t('reg.hash')}
            value={hash}
            onChange={setHash}
            name="documentHash"
            className="kb-mono"
            spellCheck={false}
          />
        )}
        {by === 'file' && (
          <>
            <FileField
              label={t('reg.file')}
              description={t('reg.fileHint')}
              name="document"
              onFile={(f) =>
                void sha256OfFile(f).then((h) => {
                  setHash(h);
                  run({ documentHash: h });
                })
              }
            />
            {hash && (
              <p className="utrecht-paragraph">
                {t('reg.fileHash')}: <Hex value={hash} chars={16} />
              </p>
            )}
          </>
        )}
        {by !== 'file' && (
          <Button type="submit" appearance="primary" busy={check.busy}>
            {t('reg.check')}
          </Button>
        )}
      </form>
      <ErrorAlert error={check.error} />
      {check.result && (
        <CheckResult
          answer={check.result.answer}
          verdict={check.result.verdict}
          ledgerTrust={check.result.ledgerTrust}
        />
      )}
      <Examples
        onPick={(id) => {
          setBy('id');
          setRecordId(id);
          run({ recordId: id });
        }}
      />
    </>
  );
}

function CheckResult({
  answer,
  verdict,
  ledgerTrust,
}: {
  answer: RecordVerification;
  verdict: ReturnType<typeof verifyRecordProofInBrowser>;
  ledgerTrust: boolean;
}) {
  const { t, fmt } = useI18n();
  return (
    <Section title={t('reg.result')} id="register-result">
      <VerdictView verdict={verdict} trustedFromLedger={ledgerTrust} />
      {verdict.valid && verdict.status === 'unknown' && <Alert type="warning">{t('reg.notFound')}</Alert>}
      {verdict.valid && verdict.documentCurrent === false && (
        <Alert type="warning">{t('reg.docOutdated')}</Alert>
      )}
      {verdict.valid && verdict.record && (
        <RecordFacts
          record={verdict.record as unknown as RegistryRecordView}
          status={verdict.status}
          statusDate={fmt.dateTime(verdict.time)}
        />
      )}
      <Button
        onClick={() =>
          downloadText(
            `registratiebewijs-${answer.recordId ?? 'document'}.json`,
            JSON.stringify(answer.proof, null, 2),
            'application/json',
          )
        }
      >
        {t('reg.download')}
      </Button>
    </Section>
  );
}

function Examples({ onPick }: { onPick(id: string): void }) {
  const { t } = useI18n();
  const dir = useDirectory();
  const data = useLoad(
    () => Promise.all([client.registry.classes(), client.registry.records({ limit: 8 })]),
    [],
  );
  const [classes, records] = data.data ?? [];
  const className = (id: string) => classes?.items.find((c: RegisterClass) => c.id === id)?.name ?? id;
  return (
    <>
      <DataTable
        caption={t('reg.recent')}
        rows={records?.items ?? []}
        rowKey={(r) => r.id}
        empty="—"
        columns={[
          { header: t('reg.id'), cell: (r) => <span className="kb-mono">{r.id}</span> },
          { header: t('reg.class'), cell: (r) => className(r.classId) },
          { header: t('reg.issuer'), cell: (r) => dir.byOin.get(r.issuer)?.name ?? r.issuer },
          {
            header: '',
            cell: (r) => (
              <Button onClick={() => onPick(r.id)} aria-label={`${t('reg.check')}: ${r.id}`}>
                {t('reg.check')}
              </Button>
            ),
          },
        ]}
      />
      <DataTable
        caption={t('reg.classes')}
        rows={classes?.items ?? []}
        rowKey={(c) => c.id}
        columns={[
          { header: t('reg.col.name'), cell: (c) => c.name },
          { header: t('reg.col.kind'), cell: (c) => c.kind },
          {
            header: t('reg.issuer'),
            cell: (c) => c.issuers.map((o) => dir.byOin.get(o)?.name ?? o).join(', '),
          },
          {
            header: t('reg.col.transferable'),
            cell: (c) => (c.transferable ? t('common.yes') : t('common.no')),
          },
        ]}
      />
    </>
  );
}
