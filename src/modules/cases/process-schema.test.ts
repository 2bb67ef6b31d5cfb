import { describe, expect, it } from 'vitest';
import { type ProcessDefinitionInput, processDefinitionSchema } from './process-schema.ts';
import { PROCESS_TEMPLATES, WMO_REQUEST } from './templates.ts';

const problems = (def: unknown) => {
  const r = processDefinitionSchema.safeParse(def);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const small = (over: Partial<ProcessDefinitionInput> = {}): ProcessDefinitionInput => ({
  id: 'klein',
  title: 'Klein proces',
  roles: [{ role: 'worker', invitedBy: [] }],
  openerRole: 'worker',
  steps: [
    { id: 'a', title: 'A', performer: 'worker' },
    { id: 'b', title: 'B', performer: 'worker', terminal: true },
  ],
  initialStep: 'a',
  transitions: [{ from: 'a', to: 'b' }],
  ...over,
});

describe('process definitions', () => {
  it('accepts the templates', () => {
    for (const t of PROCESS_TEMPLATES) expect(problems(t)).toEqual([]);
  });

  it('names every unknown reference with its path', () => {
    const p = problems(
      small({
        openerRole: 'boss',
        attestations: [{ kind: 'ok', by: 'auditor' }],
        steps: [
          {
            id: 'a',
            title: 'A',
            performer: 'worker',
            requires: [{ attestation: 'nope', quorum: 'one' }],
            requiredFields: ['x'],
          },
          { id: 'b', title: 'B', performer: 'worker', terminal: true },
        ],
        transitions: [{ from: 'a', to: 'c' }],
      }),
    );
    expect(p).toEqual(
      expect.arrayContaining([
        'openerRole: names the case role "boss", which is not in roles',
        'attestations.0.by: names the case role "auditor", which is not in roles',
        'steps.0.requires.0.attestation: "nope" is not in attestations',
        'steps.0.requiredFields.0: "x" is not in fields',
        'transitions.0.to: "c" is not in steps',
      ]),
    );
  });

  it('refuses steps that cannot be reached or cannot end, and terminal steps that move on', () => {
    const p = problems(
      small({
        steps: [
          { id: 'a', title: 'A', performer: 'worker' },
          { id: 'loop', title: 'Lus', performer: 'worker' },
          { id: 'island', title: 'Eiland', performer: 'worker' },
          { id: 'b', title: 'B', performer: 'worker', terminal: true },
        ],
        transitions: [
          { from: 'a', to: 'b' },
          { from: 'a', to: 'loop' },
          { from: 'loop', to: 'a' },
          { from: 'island', to: 'b' },
        ],
      }),
    );
    expect(p).toEqual(['steps.2: step "island" cannot be reached from "a"']);
    const stuck = problems(
      small({
        steps: [...small().steps, { id: 'c', title: 'C', performer: 'worker' }],
        transitions: [
          { from: 'a', to: 'b' },
          { from: 'a', to: 'c' },
        ],
      }),
    );
    expect(stuck).toEqual(['steps.2: from step "c" no terminal step can be reached']);
    const moving = problems(
      small({
        transitions: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
        ],
      }),
    );
    expect(moving).toContain('transitions.1.from: "b" is terminal: a closed case does not move');
  });

  it('reserves "subject" for the resident and requires values only for code fields', () => {
    const p = problems(
      small({
        roles: [
          { role: 'worker', invitedBy: [] },
          { role: 'subject', invitedBy: ['worker'] },
        ],
        fields: [
          { name: 'keuze', type: 'code', owner: 'worker' },
          { name: 'bedrag', type: 'cents', values: ['x'], owner: 'worker' },
        ],
      }),
    );
    expect(p).toEqual(
      expect.arrayContaining([
        'roles.1.role: "subject" is the resident, not a partner role',
        'fields.0.values: a field of type "code" needs its list of values',
        'fields.1.values: only a field of type "code" has values',
      ]),
    );
  });

  it('refuses free text where codes are expected', () => {
    const p = problems({ ...WMO_REQUEST, documentKinds: ['Brief aan mevrouw Jansen'] });
    expect(p[0]).toMatch(/^documentKinds.0: must be a code/);
  });
});
