// A tx's body is validated at least twice on a node: when the tx is checked on arrival and when
// it runs in its block. Both times it is the same decoded object, so the schema's answer is kept
// per body object (and frozen, so that neither run can change what the other sees).
import { deepFreeze } from './deep-freeze.ts';
import type { MessageDef } from './module.ts';

type Validation = ReturnType<MessageDef['schema']['safeParse']>;

const validated = new WeakMap<object, { msg: MessageDef; result: Validation }>();

/** `msg.schema.safeParse(body)`, answered once per body object and message. */
export function validateBody(msg: MessageDef, body: unknown): Validation {
  if (typeof body !== 'object' || body === null) return msg.schema.safeParse(body);
  const known = validated.get(body);
  if (known !== undefined && known.msg === msg) return known.result;
  const result = msg.schema.safeParse(body);
  if (result.success) deepFreeze(result.data);
  validated.set(body, { msg, result });
  return result;
}
