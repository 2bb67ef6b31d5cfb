import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotProblem } from './ballot-rules.ts';
import type { BallotSpec } from './schemas.ts';
import { ballotCommitment } from './token-message.ts';

const projectsArb = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^[a-z]{1,6}$/), cost: fc.integer({ min: 1, max: 1_000_000 }) }),
  {
    minLength: 1,
    maxLength: 8,
    selector: (p) => p.id,
  },
);

describe('a participatory budget choice', () => {
  it('is valid exactly when its projects are known, distinct and fit the budget together', () => {
    fc.assert(
      fc.property(
        projectsArb,
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.array(fc.nat(9), { maxLength: 10 }),
        (projects, budget, picks) => {
          const spec: BallotSpec = {
            kind: 'budget',
            question: 'Welke?',
            budgetCents: String(budget),
            projects: projects.map((p) => ({ id: p.id, title: p.id, costCents: String(p.cost) })),
          };
          // Indexes past the list name an unknown project.
          const chosen = picks.map((i) => projects[i]?.id ?? `onbekend${i}`);
          const known = chosen.every((id) => projects.some((p) => p.id === id));
          const distinct = new Set(chosen).size === chosen.length;
          const total = chosen.reduce((sum, id) => sum + (projects.find((p) => p.id === id)?.cost ?? 0), 0);
          const valid = known && distinct && total <= budget;
          expect(ballotProblem(spec, { projects: chosen }) === undefined).toBe(valid);
        },
      ),
    );
  });

  it('may be empty (a blank ballot) but not a consultation answer', () => {
    const spec: BallotSpec = {
      kind: 'budget',
      question: 'Welke?',
      budgetCents: '100',
      projects: [{ id: 'a', title: 'A', costCents: '50' }],
    };
    expect(ballotProblem(spec, { projects: [] })).toBeUndefined();
    expect(ballotProblem(spec, { answers: [] })).toMatch(/must list projects/);
  });
});

describe('a consultation choice', () => {
  const spec: BallotSpec = {
    kind: 'consultation',
    questions: [
      {
        id: 'q1',
        text: 'Eén?',
        options: [
          { id: 'ja', label: 'Ja' },
          { id: 'nee', label: 'Nee' },
        ],
      },
      {
        id: 'q2',
        text: 'Twee?',
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
      },
    ],
  };

  it('accepts at most one known option per known question, skipping questions allowed', () => {
    expect(ballotProblem(spec, { answers: [{ question: 'q2', option: 'b' }] })).toBeUndefined();
    expect(ballotProblem(spec, { answers: [{ question: 'q3', option: 'ja' }] })).toMatch(
      /not on this ballot/,
    );
    expect(ballotProblem(spec, { answers: [{ question: 'q1', option: 'a' }] })).toMatch(/not an option/);
    expect(
      ballotProblem(spec, {
        answers: [
          { question: 'q1', option: 'ja' },
          { question: 'q1', option: 'nee' },
        ],
      }),
    ).toMatch(/answered twice/);
    expect(ballotProblem(spec, { projects: [] })).toMatch(/must give answers/);
  });
});

describe('a ballot commitment', () => {
  const hex32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
  const choiceArb = fc
    .array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 })
    .map((projects) => ({ projects }));

  it('changes with the choice, the salt, the token and the election', () => {
    fc.assert(
      fc.property(hex32, hex32, choiceArb, choiceArb, (token, salt, c1, c2) => {
        const base = ballotCommitment('e1', token, c1, salt);
        expect(base).toMatch(/^[0-9a-f]{64}$/);
        expect(ballotCommitment('e1', token, c1, salt)).toBe(base);
        expect(ballotCommitment('e2', token, c1, salt)).not.toBe(base);
        if (JSON.stringify(c1) !== JSON.stringify(c2))
          expect(ballotCommitment('e1', token, c2, salt)).not.toBe(base);
        const otherSalt = `${salt.slice(0, 63)}${salt[63] === '0' ? '1' : '0'}`;
        expect(ballotCommitment('e1', token, c1, otherSalt)).not.toBe(base);
        const otherToken = `${token.slice(0, 63)}${token[63] === '0' ? '1' : '0'}`;
        expect(ballotCommitment('e1', otherToken, c1, salt)).not.toBe(base);
      }),
    );
  });
});
