// RFC 9457 problem details. Every error answer of the API goes through here, so each one has the
// same shape: type (derived from the stable code), title, status, detail, instance and code.
import type { Context } from 'hono';
import type { ErrorDefinition } from '../core/errors.ts';
import { API_BASE } from './version.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  invalidParams?: InvalidParam[];
  [extension: string]: unknown;
}

type ProblemKind = Pick<ErrorDefinition, 'code' | 'httpStatus' | 'title'>;

/** Relative URI that resolves against the API itself: GET /v1/problems/{code} describes the type. */
export function problemType(code: string): string {
  return `${API_BASE}/problems/${code}`;
}

/** Thrown anywhere in a handler; the app's error handler turns it into a problem+json answer. */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
    /** Overrides the kind's status, e.g. 422 for a committed refusal whose own code says 403. */
    readonly status: number = kind.httpStatus,
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

/** The problem document; `instance` is the request's path (without its query). */
export function problemBody(instance: string, p: ApiProblem): Problem {
  return {
    ...p.extensions,
    type: problemType(p.kind.code),
    title: p.kind.title,
    status: p.status,
    detail: p.message,
    instance,
    code: p.kind.code,
  };
}

export function problemResponse(c: Context, p: ApiProblem): Response {
  return c.body(JSON.stringify(problemBody(c.req.path, p)), p.status as 400, {
    ...p.headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
  });
}
