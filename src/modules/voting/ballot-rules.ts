// Whether a revealed choice is a valid answer to the election's ballot. Pure and shared with the
// client, so a voting app can refuse an invalid choice before it is committed (a commitment hides
// the choice, so the ledger can only judge it at reveal).
import type { BallotSpec } from './schemas.ts';
import type { BallotChoice } from './token-message.ts';

/** A sentence saying what is wrong with `choice`, or undefined when it is valid. */
export function ballotProblem(spec: BallotSpec, choice: BallotChoice): string | undefined {
  if (spec.kind === 'budget') {
    if (!('projects' in choice)) return 'This is a participatory budget: the choice must list projects.';
    const costs = new Map(spec.projects.map((p) => [p.id, BigInt(p.costCents)]));
    const seen = new Set<string>();
    let total = 0n;
    for (const id of choice.projects) {
      const cost = costs.get(id);
      if (cost === undefined) return `Project "${id}" is not on this ballot.`;
      if (seen.has(id)) return `Project "${id}" is chosen twice.`;
      seen.add(id);
      total += cost;
    }
    if (total > BigInt(spec.budgetCents)) {
      return `The chosen projects cost ${total} cents together, more than the budget of ${spec.budgetCents} cents.`;
    }
    return undefined;
  }
  if (!('answers' in choice)) return 'This is a consultation: the choice must give answers to questions.';
  const questions = new Map(spec.questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))]));
  const answered = new Set<string>();
  for (const a of choice.answers) {
    const options = questions.get(a.question);
    if (!options) return `Question "${a.question}" is not on this ballot.`;
    if (answered.has(a.question)) return `Question "${a.question}" is answered twice.`;
    answered.add(a.question);
    if (!options.has(a.option)) return `Option "${a.option}" is not an option of question "${a.question}".`;
  }
  return undefined;
}
