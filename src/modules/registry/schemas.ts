// Body schemas of the registry messages, and the register-class definition that governance
// proposals carry (identity/schemas.ts imports it for the `set_register_class` action).
import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  labelSchema,
  oinSchema,
  positiveCentsSchema,
  pubKeySchema,
  sha256Schema,
} from '../../core/schemas.ts';

export const CLASS_KINDS = ['property_title', 'certificate', 'permit', 'visa', 'other'] as const;
export const MAX_ISSUERS = 32;
export const MAX_ATTRIBUTES = 32;

const uniqueOins = (max: number) =>
  z
    .array(oinSchema)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'must not list an organisation twice');

export const registerClassDefinitionSchema = z
  .strictObject({
    id: idSchema,
    name: labelSchema,
    kind: z.enum(CLASS_KINDS),
    /** Organisations that may issue (and later amend, suspend, reinstate, revoke) records of this class. */
    issuers: uniqueOins(MAX_ISSUERS).min(1, 'must name at least one issuing organisation'),
    transferable: z.boolean(),
    /** Notary organisations of which one must confirm every transfer; empty = seller and buyer suffice. */
    notaries: uniqueOins(MAX_ISSUERS),
  })
  .refine((c) => c.transferable || c.notaries.length === 0, {
    message: 'a class whose records are not transferable cannot name transfer notaries',
    path: ['notaries'],
  });

/** A holder is a pseudonymous key (a resident) or an organisation; never a name. */
export const holderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('key'), pubKey: pubKeySchema }),
  z.strictObject({ kind: z.literal('organisation'), oin: oinSchema }),
]);

/** Public, non-personal attributes (e.g. parcel number, surface, permit type). */
export const attributesSchema = z
  .record(
    z
      .string()
      .regex(
        /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/,
        'attribute names are 1-40 letters, digits or "_", starting with a letter',
      ),
    z
      .string()
      .max(200)
      .refine((v) => [...v].every((ch) => ch.charCodeAt(0) >= 0x20), 'must not contain control characters'),
  )
  .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`);

export const issueRecordSchema = z.strictObject({
  id: idSchema,
  classId: idSchema,
  holder: holderSchema,
  attributes: attributesSchema,
  documentHash: sha256Schema,
  validFrom: dateSchema,
  validUntil: dateSchema.optional(),
});

export const amendRecordSchema = z
  .strictObject({
    recordId: idSchema,
    attributes: attributesSchema.optional(),
    documentHash: sha256Schema.optional(),
    validFrom: dateSchema.optional(),
    /** A date, or null to remove the end of validity. */
    validUntil: dateSchema.nullable().optional(),
    reason: labelSchema,
  })
  .refine(
    (b) =>
      b.attributes !== undefined ||
      b.documentHash !== undefined ||
      b.validFrom !== undefined ||
      b.validUntil !== undefined,
    'must change at least one of attributes, documentHash, validFrom, validUntil',
  );

export const recordReasonSchema = z.strictObject({ recordId: idSchema, reason: labelSchema });
export const recordIdSchema = z.strictObject({ recordId: idSchema });

export const proposeTransferSchema = z.strictObject({
  recordId: idSchema,
  to: holderSchema,
  /** SHA-256 of the transfer deed (the deed itself stays off the ledger). */
  deedHash: sha256Schema.optional(),
});

export const ENCUMBRANCE_KINDS = ['mortgage', 'attachment', 'easement', 'other'] as const;

export const encumberSchema = z.strictObject({
  recordId: idSchema,
  encumbranceId: idSchema,
  kind: z.enum(ENCUMBRANCE_KINDS),
  /** The organisation in whose favour the encumbrance is registered (e.g. the mortgage bank). */
  creditor: oinSchema,
  amountCents: positiveCentsSchema.optional(),
  deedHash: sha256Schema.optional(),
});

export const releaseEncumbranceSchema = z.strictObject({ recordId: idSchema, encumbranceId: idSchema });
