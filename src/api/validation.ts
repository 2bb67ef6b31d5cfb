// Turns zod issues into the NL API Design Rules' invalidParams, so one 400 lists every problem of
// the request (path, query and body together) instead of the first one only.
import type { z } from 'zod';
import { ApiErrors } from './api-errors.ts';
import { ApiProblem, type InvalidParam } from './problem.ts';

type Issue = z.core.$ZodIssue;

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  const parts = [prefix, ...path.map(String)].filter((p) => p !== '');
  return parts.join('.');
}

/** One entry per invalid value: the first failed check is the most basic one (e.g. the shape). */
export function issuesToParams(issues: readonly Issue[], prefix = ''): InvalidParam[] {
  const out: InvalidParam[] = [];
  const push = (p: InvalidParam) => {
    if (!out.some((o) => o.name === p.name)) out.push(p);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ name: joinPath(prefix, [...issue.path, key]), reason: 'is not a known field' });
      continue;
    }
    push({ name: joinPath(prefix, issue.path) || prefix || 'requestBody', reason: issue.message });
  }
  return out;
}

export class InputErrors {
  readonly params: InvalidParam[] = [];

  /** Parses `value` with `schema`; collects the issues under `prefix` and returns undefined on failure. */
  parse<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> | undefined {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    this.params.push(...issuesToParams(r.error.issues, prefix));
    return undefined;
  }

  throwIfAny(kind: { code: string; httpStatus: number; title: string } = ApiErrors.invalid_request): void {
    if (this.params.length === 0) return;
    throw invalidParamsProblem(this.params, kind);
  }
}

export function invalidParamsProblem(
  params: InvalidParam[],
  kind: { code: string; httpStatus: number; title: string } = ApiErrors.invalid_request,
): ApiProblem {
  const names = [...new Set(params.map((p) => p.name))];
  const detail = `The request has ${params.length} invalid ${params.length === 1 ? 'value' : 'values'} (${names.join(', ')}); see invalidParams.`;
  return new ApiProblem(kind, detail, { invalidParams: params });
}
