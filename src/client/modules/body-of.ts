import type { MessageDef } from '../../app/module.ts';

/** The body type a module message accepts, read off its definition (type-only: no server code ships). */
export type BodyOf<M> = M extends MessageDef<infer B> ? B : never;
