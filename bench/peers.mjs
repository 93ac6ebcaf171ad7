// The JavaScript libraries a service would otherwise use for the same job, set up with the
// same rules as the package: a strict PATCH body schema and an RFC 7396 merge.
import Ajv from "ajv";
import mergePatch from "json-merge-patch";
import * as v from "valibot";
import { z } from "zod";

const statuses = ["pending", "active", "deactivated"];
const tsos = ["DE_50HERTZ", "DE_AMPRION", "DE_TENNET", "DE_TRANSNETBW"];
const eicPattern = /^[0-9A-Z-]{16}$/;

/** Zod 4: strict objects reject unknown and read-only keys, as the API does. */
export const zodPatch = z.strictObject({
  status: z.enum(statuses).optional(),
  balance_group: z.strictObject({ eic: z.string().regex(eicPattern), tso: z.enum(tsos) }).optional(),
  metadata: z.record(z.string().min(1), z.string().nullable()).optional(),
});

/** The same schema for Ajv, compiled once. */
export const patchJsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    status: { enum: statuses },
    balance_group: {
      type: "object",
      additionalProperties: false,
      required: ["eic", "tso"],
      properties: { eic: { type: "string", pattern: eicPattern.source }, tso: { enum: tsos } },
    },
    metadata: { type: "object", propertyNames: { minLength: 1 }, additionalProperties: { type: ["string", "null"] } },
  },
};
export const ajvValidate = new Ajv({ allErrors: true }).compile(patchJsonSchema);

/** Valibot: the same schema again. */
export const valibotPatch = v.strictObject({
  status: v.optional(v.picklist(statuses)),
  balance_group: v.optional(v.strictObject({ eic: v.pipe(v.string(), v.regex(eicPattern)), tso: v.picklist(tsos) })),
  metadata: v.optional(v.record(v.pipe(v.string(), v.minLength(1)), v.nullable(v.string()))),
});

/** Validates with Ajv, then merges into a copy of the customer with json-merge-patch. */
export function ajvApply(customer, patch) {
  if (!ajvValidate(patch)) {
    throw new Error(JSON.stringify(ajvValidate.errors));
  }
  return mergePatch.apply(structuredClone(customer), patch);
}

/** The whole text path of a JavaScript handler: parse both, validate, merge, serialize. */
export function ajvApplyText(customerText, patchText) {
  const patch = JSON.parse(patchText);
  if (!ajvValidate(patch)) {
    throw new Error(JSON.stringify(ajvValidate.errors));
  }
  return JSON.stringify(mergePatch.apply(JSON.parse(customerText), patch));
}
