// Process definitions: the shape of a shared process (steps, case roles, attestations, fields,
// transitions, deadlines) that the consortium publishes through governance. Identity's proposal
// schema embeds this schema, so a broken definition is refused when it is proposed, not when the
// vote passes. Everything in a definition is a code or a label about the process, never about a
// resident.
import { z } from 'zod';
import { idSchema, labelSchema } from '../../core/schemas.ts';

/** Codes name roles, steps, attestation kinds, fields and document kinds: no free text. */
export const codeSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'must be a code: 1-40 lowercase letters, digits or "_", starting with a letter',
  );

export const FIELD_TYPES = ['cents', 'count', 'date', 'hash', 'code'] as const;
export const MAX_DEADLINE_SECONDS = 3 * 366 * 24 * 3600;
/**
 * The resident the case is about. Not an organisation and never invited: an attestation "by" the
 * subject is signed with the resident's own pseudonymous key (e.g. consent, acceptance of a plan).
 */
export const SUBJECT_ROLE = 'subject';

const roleDefSchema = z.strictObject({
  role: codeSchema,
  /** Case roles whose partners may invite an organisation into this role. */
  invitedBy: z.array(codeSchema).max(16),
  /** At most this many organisations in this role per case (default: no limit). */
  maxPartners: z.number().int().min(1).max(1000).optional(),
});

const attestationDefSchema = z.strictObject({
  kind: codeSchema,
  /** The case role that attests, or "subject" for the resident's own signature. */
  by: codeSchema,
});

const fieldDefSchema = z.strictObject({
  name: codeSchema,
  type: z.enum(FIELD_TYPES),
  /** The allowed codes of a field of type "code". */
  values: z.array(codeSchema).min(1).max(50).optional(),
  owner: codeSchema,
});

const requirementSchema = z.strictObject({
  attestation: codeSchema,
  /** "one": one partner in the attesting role suffices; "each": every invited partner in that role. */
  quorum: z.enum(['one', 'each']),
});

const stepSchema = z.strictObject({
  id: codeSchema,
  title: labelSchema,
  /** The case role that works in this step and moves the case on. */
  performer: codeSchema,
  /** Attestations present before the step is complete. */
  requires: z.array(requirementSchema).max(16).default([]),
  /** Fields set before the step is complete. */
  requiredFields: z.array(codeSchema).max(16).default([]),
  /** Seconds of block time the step may take; the case is overdue after that. */
  deadlineSeconds: z.number().int().min(1).max(MAX_DEADLINE_SECONDS).optional(),
  terminal: z.boolean().default(false),
});

const transitionSchema = z.strictObject({
  from: codeSchema,
  to: codeSchema,
  /** True (default): the from-step must be complete. False for exits such as "withdrawn". */
  requiresComplete: z.boolean().default(true),
});

export const processDefinitionSchema = z
  .strictObject({
    id: idSchema,
    title: labelSchema,
    roles: z.array(roleDefSchema).min(1).max(16),
    /** The case role of the organisation that opens a case. */
    openerRole: codeSchema,
    attestations: z.array(attestationDefSchema).max(32).default([]),
    fields: z.array(fieldDefSchema).max(32).default([]),
    documentKinds: z.array(codeSchema).max(32).default([]),
    steps: z.array(stepSchema).min(2).max(32),
    initialStep: codeSchema,
    transitions: z.array(transitionSchema).min(1).max(128),
  })
  .superRefine((d, ctx) => {
    for (const p of definitionProblems(d)) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
  });

export type ProcessDefinitionInput = z.input<typeof processDefinitionSchema>;
export type ProcessDefinitionBody = z.output<typeof processDefinitionSchema>;
export type StepDef = ProcessDefinitionBody['steps'][number];
export type FieldDef = ProcessDefinitionBody['fields'][number];

interface Problem {
  path: Array<string | number>;
  message: string;
}

function duplicates(values: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return dup;
}

/** Every inconsistency of a definition (unknown references, unreachable steps...), with its path. */
export function definitionProblems(d: ProcessDefinitionBody): Problem[] {
  const out: Problem[] = [];
  const add = (path: Array<string | number>, message: string) => out.push({ path, message });
  const roles = new Set(d.roles.map((r) => r.role));
  const kinds = new Set(d.attestations.map((a) => a.kind));
  const fields = new Set(d.fields.map((f) => f.name));
  const steps = new Map(d.steps.map((s) => [s.id, s]));
  const role = (path: Array<string | number>, r: string) => {
    if (!roles.has(r)) add(path, `names the case role "${r}", which is not in roles`);
  };

  for (const [list, key, name] of [
    [d.roles.map((r) => r.role), 'roles', 'role'],
    [d.attestations.map((a) => a.kind), 'attestations', 'attestation kind'],
    [d.fields.map((f) => f.name), 'fields', 'field'],
    [d.steps.map((s) => s.id), 'steps', 'step'],
    [d.documentKinds, 'documentKinds', 'document kind'],
  ] as const) {
    for (const v of duplicates([...list])) add([key], `lists the ${name} "${v}" more than once`);
  }
  role(['openerRole'], d.openerRole);
  d.roles.forEach((r, i) => {
    for (const [j, by] of r.invitedBy.entries()) role(['roles', i, 'invitedBy', j], by);
  });
  d.roles.forEach((r, i) => {
    if (r.role === SUBJECT_ROLE)
      add(['roles', i, 'role'], `"${SUBJECT_ROLE}" is the resident, not a partner role`);
  });
  d.attestations.forEach((a, i) => {
    if (a.by !== SUBJECT_ROLE) role(['attestations', i, 'by'], a.by);
  });
  d.fields.forEach((f, i) => {
    role(['fields', i, 'owner'], f.owner);
    if (f.type === 'code' && !f.values)
      add(['fields', i, 'values'], 'a field of type "code" needs its list of values');
    if (f.type !== 'code' && f.values) add(['fields', i, 'values'], 'only a field of type "code" has values');
  });
  d.steps.forEach((s, i) => {
    role(['steps', i, 'performer'], s.performer);
    s.requires.forEach((r, j) => {
      if (!kinds.has(r.attestation))
        add(['steps', i, 'requires', j, 'attestation'], `"${r.attestation}" is not in attestations`);
    });
    s.requiredFields.forEach((f, j) => {
      if (!fields.has(f)) add(['steps', i, 'requiredFields', j], `"${f}" is not in fields`);
    });
    if (
      s.terminal &&
      (s.requires.length > 0 || s.requiredFields.length > 0 || s.deadlineSeconds !== undefined)
    ) {
      add(['steps', i], 'a terminal step ends the case: it has no requirements and no deadline');
    }
  });
  const initial = steps.get(d.initialStep);
  if (!initial) add(['initialStep'], `"${d.initialStep}" is not in steps`);
  else if (initial.terminal) add(['initialStep'], 'the initial step cannot be terminal');

  const edges = new Set<string>();
  d.transitions.forEach((t, i) => {
    if (!steps.has(t.from)) add(['transitions', i, 'from'], `"${t.from}" is not in steps`);
    if (!steps.has(t.to)) add(['transitions', i, 'to'], `"${t.to}" is not in steps`);
    if (steps.get(t.from)?.terminal)
      add(['transitions', i, 'from'], `"${t.from}" is terminal: a closed case does not move`);
    if (t.from === t.to) add(['transitions', i], 'a transition must go to another step');
    const edge = `${t.from}>${t.to}`;
    if (edges.has(edge)) add(['transitions', i], `the transition ${t.from} → ${t.to} is listed twice`);
    edges.add(edge);
  });
  if (out.length > 0 || !initial) return out;

  // Every step must be reachable from the start and every case must be able to end.
  const reachable = walk(d.initialStep, (s) => d.transitions.filter((t) => t.from === s).map((t) => t.to));
  const canEnd = new Set<string>();
  for (const s of d.steps) {
    const ahead = walk(s.id, (x) => d.transitions.filter((t) => t.from === x).map((t) => t.to));
    if ([...ahead].some((x) => steps.get(x)?.terminal)) canEnd.add(s.id);
  }
  d.steps.forEach((s, i) => {
    if (!reachable.has(s.id)) add(['steps', i], `step "${s.id}" cannot be reached from "${d.initialStep}"`);
    else if (!canEnd.has(s.id)) add(['steps', i], `from step "${s.id}" no terminal step can be reached`);
  });
  return out;
}

function walk(start: string, next: (s: string) => string[]): Set<string> {
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length > 0) {
    for (const n of next(todo.pop()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        todo.push(n);
      }
    }
  }
  return seen;
}
