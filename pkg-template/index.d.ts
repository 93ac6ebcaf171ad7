/** A customer's status. */
export type CustomerStatus = "pending" | "active" | "deactivated";

/** A German transmission system operator (TSO). */
export type Tso = "DE_50HERTZ" | "DE_AMPRION" | "DE_TENNET" | "DE_TRANSNETBW";

/** A balance group assignment: an Energy Identification Code (EIC) and the TSO. */
export interface BalanceGroup {
  eic: string;
  tso: Tso;
}

/**
 * A customer as the API returns it. Stored records may carry fields this library does not
 * know, such as `updated_at`; a merge keeps them as they are.
 */
export interface Customer {
  readonly id: string;
  readonly name: string;
  status: CustomerStatus;
  balance_group: BalanceGroup;
  metadata: Record<string, string>;
  readonly assigned_at: string;
  readonly created_at: string;
  readonly activated_at?: string | null;
  [field: string]: unknown;
}

/** A valid PATCH body. In `metadata`, `null` removes a key. */
export interface CustomerPatch {
  status?: CustomerStatus;
  balance_group?: BalanceGroup;
  metadata?: Record<string, string | null>;
}

/** The upstream API's validation codes. */
export type IssueCode =
  | "unknown_field"
  | "read_only_field"
  | "required"
  | "invalid_type"
  | "invalid_enum_value"
  | "invalid_format"
  | "invalid_literal"
  | "value_too_small"
  | "value_too_large"
  | "validation_failed"
  /** Only from the text entry points: JSON text that does not parse. */
  | "invalid_json"
  /** Only from the text entry points: a key that occurs twice in one object. */
  | "duplicate_key";

/** One problem found in a patch or a customer. */
export interface Issue {
  code: IssueCode;
  /** RFC 6901 JSON Pointer to the value, `""` for the whole body. */
  pointer: string;
  /** A sentence in the requested locale that names the value and the fix. */
  message: string;
  severity: "error" | "warning";
  /**
   * Values for writing one's own message, such as `expected`, `received`, `options`,
   * `field`, `maximum`, `actual` or `expectedCheckCharacter`. `subject: "customer"` marks an
   * issue with the customer given to `applyPatch` rather than with the patch.
   */
  params?: Record<string, string | number | string[]>;
}

export interface Limits {
  /** Maximum number of keys in the patch's `metadata`, removals included. */
  maxMetadataKeys?: number;
  /** Maximum length of a metadata key, in UTF-16 code units (`String.length`). */
  maxKeyLength?: number;
  /** Maximum length of a metadata value, in UTF-16 code units (`String.length`). */
  maxValueLength?: number;
}

export interface Options {
  /**
   * Language of messages: `"en"` (default) or `"de"`. A tag whose language is German, such as
   * `"de-AT"`, gives German; every other tag gives English.
   */
  locale?: "en" | "de" | (string & {});
  /** Treat warnings, such as a wrong EIC check character, as errors. */
  strict?: boolean;
  /** Limits on metadata; none by default. */
  limits?: Limits;
  /**
   * Maximum size in bytes of UTF-8 of a PATCH body given as text to `validatePatchJson` or
   * `applyPatchJson`. A larger body is rejected as `value_too_large` before it is parsed. It
   * does not limit the stored customer's text. The object entry points check its type but do
   * not use it. Default 1048576 (1 MiB), at most 9007199254740991.
   */
  maxBytes?: number;
}

export interface ValidationResult {
  /** `true` when there is no error; warnings do not count. */
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export interface EicResult {
  /** `true` for 16 characters of `0-9 A-Z -` with the right check character. */
  valid: boolean;
  /** The third character, such as `"Y"` for an area, when the format is valid. */
  objectType?: string;
  /** The check character computed from the first 15 characters, when they are readable. */
  expectedCheckCharacter?: string;
  issues: Issue[];
}

/**
 * Thrown by `applyPatch` and `applyPatchJson` when the patch or the customer is invalid, and by
 * `createPatch` when a patch cannot express the difference between the customers. A panic
 * inside the module also gives one issue with code `validation_failed`, whose `params.panic` is
 * the panic message, or names the exception that passed through the module during a call from
 * a getter of the input. The module is then instantiated again, so later calls work.
 */
export declare class PatchError extends Error {
  readonly name: "PatchError";
  /** Every error found, as `validatePatch` would report it. */
  readonly issues: Issue[];
  /** The number of issues and the first one, in the locale of the call. */
  readonly message: string;
}

/**
 * Validates a PATCH body of any type and returns every error and warning. Never throws for any
 * patch; throws `TypeError` only when `options` is malformed. A panic inside the module is
 * returned as one error with code `validation_failed`. At most 1,000 issues are listed; past
 * that, a last `validation_failed` issue gives the number left out in `params.dropped`.
 */
export declare function validatePatch(patch: unknown, options?: Options): ValidationResult;

/**
 * Validates `patch` and applies it to `customer`, returning a new object. Neither input is
 * changed. Throws `PatchError` when the patch has errors or the customer is not an object.
 */
export declare function applyPatch<C extends object = Customer>(customer: C, patch: unknown, options?: Options): C;

/**
 * Validates a PATCH body given as JSON text, such as a raw request body, with the rules of
 * `validatePatch`. Text adds `invalid_json` (with `params.line` and `params.column`),
 * `duplicate_key` and the `maxBytes` limit. Never throws for any text.
 */
export declare function validatePatchJson(text: string, options?: Options): ValidationResult;

/**
 * Applies a PATCH body to a customer, both JSON text, and returns the updated customer as
 * compact JSON text. Values the merge does not change keep their text, so numbers such as
 * `1.0` come out as they went in. Throws `PatchError` as `applyPatch` does.
 */
export declare function applyPatchJson(customerText: string, patchText: string, options?: Options): string;

/**
 * Creates the smallest PATCH body that turns `original` into `edited`: `status` only if it
 * changed, `balance_group` whole only if it changed, and `metadata` with changed and added keys
 * and `null` for removed keys, left out when no key changed. Returns `{}` when nothing changed.
 * `applyPatch(original, createPatch(original, edited))` deep-equals `edited`.
 *
 * Throws `PatchError` when a patch cannot express the difference: a changed read-only field
 * (`read_only_field`), a changed unknown field (`unknown_field`), a removed writable field
 * (`required`), a `null` metadata value, or an edited value that `validatePatch` rejects. Each
 * issue's pointer is valid in both customers and in the patch.
 */
export declare function createPatch(original: Customer | Record<string, unknown>, edited: Customer | Record<string, unknown>, options?: Options): CustomerPatch;

/** Checks a string as an EIC of any object type. */
export declare function checkEic(code: string, options?: Pick<Options, "locale">): EicResult;

/**
 * Returns a JSON Schema (draft 2020-12) of a valid PATCH body, generated from the same field
 * table as the rules: writable fields, enums, the EIC pattern, and read-only and unknown fields
 * rejected. It leaves out what JSON Schema cannot state: the EIC check character and object
 * type (warnings), `limits`, and lone surrogates.
 */
export declare function patchJsonSchema(): Record<string, unknown>;

/** Options of `toProblemDetails`. */
export interface ProblemOptions {
  /** The problem type, a URI reference; `"about:blank"` by default, which titles the document "Bad Request". */
  type?: string;
  /** A URI reference for this occurrence, such as the request path. Left out by default. */
  instance?: string;
  /** Language of `title` and `detail`: `"en"` (default) or `"de"`. Each entry's `detail` keeps the locale it was validated in. */
  locale?: "en" | "de" | (string & {});
}

/** One entry of a problem document's `errors`: an issue with its message as `detail`. */
export interface ProblemError {
  code: IssueCode;
  /** RFC 6901 JSON Pointer into the request body. */
  pointer: string;
  detail: string;
}

/** An RFC 9457 problem document for a rejected patch, to send as `application/problem+json`. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: 400;
  /** The number of errors, in the requested locale. */
  detail: string;
  instance?: string;
  errors: ProblemError[];
}

/**
 * Builds an RFC 9457 problem document, status 400, from a `PatchError` or from a validation
 * result with errors; warnings are left out. Throws `TypeError` for a valid result, any other
 * argument, or malformed options, and `PatchError` with `validation_failed` when the module
 * failed during the call. Status 400 fits issues about the request body: a `PatchError` whose
 * issues have `params.subject: "customer"`, or a `validation_failed` issue with
 * `params.panic`, is the server's fault and calls for a 500 instead.
 */
export declare function toProblemDetails(failure: PatchError | ValidationResult, options?: ProblemOptions): ProblemDetails;

/** Returns the size of the WebAssembly module's linear memory in bytes. */
export declare function wasmMemoryBytes(): number;

/**
 * Loads the WebAssembly module. Required once before the first call in browsers; resolves at
 * once in Node.js, Deno, Bun and workerd. `source` may be a URL, a Response, bytes or a `WebAssembly.Module`.
 */
export declare function init(source?: unknown): Promise<void>;
export default init;
