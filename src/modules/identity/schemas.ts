import { z } from 'zod';
import { idSchema, labelSchema, oinSchema, pubKeySchema, timeSchema } from '../../core/schemas.ts';
import { processDefinitionSchema } from '../cases/process-schema.ts';
import { registerClassDefinitionSchema } from '../registry/schemas.ts';

/** The roles the ledger knows; each module checks the one it needs. */
export const ROLES = [
  'sponsor',
  'provider',
  'eligibility_validator',
  'issuer',
  'registrar',
  'notary',
  'auditor',
  'organiser',
  'case_partner',
] as const;
export const roleSchema = z.enum(ROLES);

export const actionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('add_organisation'),
    oin: oinSchema,
    name: labelSchema,
    roles: z.array(roleSchema).max(ROLES.length),
    keys: z.array(pubKeySchema).min(1).max(16),
    member: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('remove_organisation'), oin: oinSchema }),
  z.strictObject({ kind: z.literal('grant_role'), oin: oinSchema, role: roleSchema }),
  z.strictObject({ kind: z.literal('revoke_role'), oin: oinSchema, role: roleSchema }),
  z.strictObject({ kind: z.literal('set_member'), oin: oinSchema, member: z.boolean() }),
  z.strictObject({
    kind: z.literal('set_validator'),
    oin: oinSchema,
    pubKey: pubKeySchema,
    power: z.number().int().min(0).max(1000),
  }),
  z.strictObject({ kind: z.literal('set_register_class'), registerClass: registerClassDefinitionSchema }),
  z.strictObject({ kind: z.literal('publish_process'), process: processDefinitionSchema }),
]);

export const addKeySchema = z.strictObject({ pubKey: pubKeySchema });
export const revokeKeySchema = z.strictObject({ pubKey: pubKeySchema });
export const submitProposalSchema = z.strictObject({
  title: labelSchema,
  action: actionSchema,
  deadline: timeSchema,
});
export const voteSchema = z.strictObject({ proposalId: idSchema, approve: z.boolean() });

export const genesisOrgSchema = z.strictObject({
  oin: oinSchema,
  name: labelSchema,
  roles: z.array(roleSchema),
  keys: z.array(pubKeySchema).min(1),
  member: z.boolean(),
  validator: z.strictObject({ pubKey: pubKeySchema, power: z.number().int().min(1).max(1000) }).optional(),
});
export const identityGenesisSchema = z.strictObject({
  organisations: z.array(genesisOrgSchema).min(1),
  params: z
    .strictObject({ minVotingSeconds: z.number().int().min(0), maxVotingSeconds: z.number().int().min(1) })
    .optional(),
});
