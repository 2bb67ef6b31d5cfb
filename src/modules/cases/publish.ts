// Publishing a process definition. Only governance calls this (identity's "publish_process"
// proposal action): a shared process binds every partner, so the consortium decides on it.
// Publishing an existing id makes a new version; open cases keep the version they started with.
import type { BlockContext } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import type { ProcessDefinitionBody } from './process-schema.ts';
import { getProcess, keys, type ProcessDefinition } from './state.ts';

export function publishProcess(ctx: BlockContext, body: ProcessDefinitionBody): ProcessDefinition {
  const version = (getProcess(ctx.kv, body.id)?.version ?? 0) + 1;
  const def: ProcessDefinition = { ...body, version, publishedAt: ctx.time, publishedAtHeight: ctx.height };
  putJson(ctx.kv, keys.process(body.id), def);
  putJson(ctx.kv, keys.processVersion(body.id, version), def);
  ctx.emit('cases.process_published', { process: body.id, version });
  return def;
}
