// The resident's side of a vote, entirely in this browser: a fresh ballot key, a blinded token
// request, the unblinded token, a sealed choice, and afterwards the check that it was counted.
import { useState } from 'react';
import { generateKeyPair } from '../../../../src/core/ed25519-browser.ts';
import { client } from '../../api/client.ts';
import {
  type Election,
  finalizeToken,
  importRegistrarKey,
  requestToken,
  sealBallot,
  voting,
} from '../../api/voting.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type BallotState, loadBallot, saveBallot } from '../../identity/ballot-store.ts';
import { useAction, useLoad } from '../../lib/use-async.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { CheckboxField, Fieldset, TextAreaField } from '../../ui/fields.tsx';
import { Section } from '../../ui/section.tsx';
import { Hex, Paragraph } from '../../ui/text.tsx';

export function ResidentBallot({ election: e, onChange }: { election: Election; onChange(): void }) {
  const { t } = useI18n();
  const [state, setState] = useState<BallotState | undefined>(() => loadBallot(e.id));
  const update = (s: BallotState) => {
    saveBallot(e.id, s);
    setState(s);
  };
  const action = useAction(async (step: () => Promise<void>) => {
    await step();
    onChange();
  });
  if (!e.registrarKey) return null;
  const spki = e.registrarKey.publicKey;
  return (
    <Section title={t('v.my')} id="my-ballot">
      {!state?.request && e.status === 'open' && (
        <>
          <Paragraph>{t('v.step1.text')}</Paragraph>
          <Button
            appearance="primary"
            busy={action.busy}
            onClick={() =>
              action.run(async () => {
                const ballotKey = generateKeyPair();
                const request = await requestToken(await importRegistrarKey(spki), e.id, ballotKey.publicKey);
                update({ ballotKey, request });
              })
            }
          >
            {t('v.step1.button')}
          </Button>
        </>
      )}
      {state?.request && !state.token && (
        <TokenSignatureStep
          blinded={state.request.blindedMessage}
          busy={action.busy}
          onSignature={(sig) =>
            action.run(async () => {
              const token = await finalizeToken(await importRegistrarKey(spki), state.request!, sig);
              update({ ...state, token });
            })
          }
        />
      )}
      {state?.token && !state.sealed && e.status === 'open' && (
        <ChoiceStep
          election={e}
          busy={action.busy}
          onCast={(projects) =>
            action.run(async () => {
              const sealed = sealBallot(e.id, state.token!.tokenHash, { projects });
              const signer = state.ballotKey;
              await client.send(signer, 'voting.cast_ballot', {
                electionId: e.id,
                tokenPrefix: state.token!.tokenPrefix,
                tokenSignature: state.token!.tokenSignature,
                commitment: sealed.commitment,
              });
              update({ ...state, sealed });
            })
          }
        />
      )}
      {state?.sealed && (
        <CountedStep
          election={e}
          state={state}
          busy={action.busy}
          onReveal={() =>
            action.run(async () => {
              await client.send(state.ballotKey, 'voting.reveal_ballot', {
                electionId: e.id,
                tokenHash: state.token!.tokenHash,
                choice: state.sealed!.choice,
                salt: state.sealed!.salt,
              });
              update({ ...state, revealed: true });
            })
          }
        />
      )}
      <ErrorAlert error={action.error} />
    </Section>
  );
}

function TokenSignatureStep({
  blinded,
  busy,
  onSignature,
}: {
  blinded: string;
  busy: boolean;
  onSignature(sig: string): void;
}) {
  const { t } = useI18n();
  const [sig, setSig] = useState('');
  return (
    <>
      <TextAreaField
        label={t('v.blinded')}
        value={blinded}
        onChange={() => {}}
        readOnly
        rows={4}
        name="blindedMessage"
      />
      <form
        className="kb-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          onSignature(sig.trim().toLowerCase());
        }}
      >
        <TextAreaField
          label={t('v.signature')}
          value={sig}
          onChange={setSig}
          rows={4}
          name="blindSignature"
        />
        <Button type="submit" appearance="primary" busy={busy} disabled={!sig.trim()}>
          {t('v.step2.button')}
        </Button>
      </form>
    </>
  );
}

function ChoiceStep({
  election: e,
  busy,
  onCast,
}: {
  election: Election;
  busy: boolean;
  onCast(projects: string[]): void;
}) {
  const { t, fmt } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  if (e.ballot.kind !== 'budget') return null;
  const { projects, budgetCents } = e.ballot;
  const total = projects.filter((p) => chosen.includes(p.id)).reduce((s, p) => s + BigInt(p.costCents), 0n);
  const over = total > BigInt(budgetCents);
  return (
    <form
      className="kb-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!over && chosen.length > 0) onCast(chosen);
      }}
    >
      <Fieldset legend={t('v.choose')}>
        {projects.map((p) => (
          <CheckboxField
            key={p.id}
            label={`${p.title} (${fmt.money(p.costCents)})`}
            checked={chosen.includes(p.id)}
            onChange={(on) => setChosen((c) => (on ? [...c, p.id] : c.filter((x) => x !== p.id)))}
          />
        ))}
      </Fieldset>
      {over && (
        <Alert type="warning">
          {t('v.overBudget', { total: fmt.money(total), budget: fmt.money(budgetCents) })}
        </Alert>
      )}
      <Button type="submit" appearance="primary" busy={busy} disabled={over || chosen.length === 0}>
        {t('v.cast')}
      </Button>
    </form>
  );
}

function CountedStep({
  election: e,
  state,
  busy,
  onReveal,
}: {
  election: Election;
  state: BallotState;
  busy: boolean;
  onReveal(): void;
}) {
  const { t } = useI18n();
  const tally = useLoad(
    () => (e.status === 'open' ? Promise.resolve(null) : voting.tally(e.id).catch(() => null)),
    [e.status, e.ballotsRevealed],
  );
  const commitment = state.sealed!.commitment;
  const counted = tally.data?.countedBallots.includes(commitment);
  return (
    <>
      <Alert type="ok" testId="ballot-received">
        {t('v.received', { commitment: `${commitment.slice(0, 12)}…` })}
      </Alert>
      <Paragraph>
        <Hex value={commitment} chars={32} />
      </Paragraph>
      {e.status === 'revealing' && !state.revealed && (
        <Button appearance="primary" busy={busy} onClick={onReveal}>
          {t('v.reveal')}
        </Button>
      )}
      {tally.data && (
        <Alert type={counted ? 'ok' : 'warning'}>{counted ? t('v.counted') : t('v.notCounted')}</Alert>
      )}
    </>
  );
}
