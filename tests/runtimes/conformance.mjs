// Runs one conformance vector against a loaded package and records every output as plain
// JSON values. Each runtime runs this same file, and the test compares the records as text,
// so any difference between runtimes, messages included, fails it.
import { deepFreeze, revive } from "../node/revive.mjs";

/** Returns the message and issues of a thrown PatchError, or rethrows anything else. */
function failureOf(api, call) {
  try {
    return { returned: call() };
  } catch (error) {
    if (!(error instanceof api.PatchError)) {
      throw error;
    }
    return { message: error.message, issues: error.issues, problem: api.toProblemDetails(error, { instance: "/v1/customers/cust_r8s9t0u1" }) };
  }
}

function problemOf(api, result, options) {
  return result.valid ? undefined : api.toProblemDetails(result, { locale: options?.locale, type: "https://example.com/problems/invalid-patch" });
}

/** Returns whether JSON can carry the value unchanged, so the text entry points apply. */
function expressibleAsJson(value) {
  return !JSON.stringify(value).includes('"$js"');
}

/**
 * Returns everything the package's entry points give for one vector: validation results,
 * updated customers or failures, and problem documents.
 */
export function conformanceRecord(api, vector) {
  const record = { file: vector.file, name: vector.name };
  const options = vector.options;

  let patchText = vector.patchText;
  let customerText = vector.customerText;
  if ("patch" in vector) {
    const patch = deepFreeze(revive(vector.patch));
    record.validate = api.validatePatch(patch, options);
    record.problem = problemOf(api, record.validate, options);
    if ("customer" in vector) {
      const customer = deepFreeze(revive(vector.customer));
      const outcome = failureOf(api, () => api.applyPatch(customer, patch, options));
      record.apply = "returned" in outcome ? { customer: JSON.stringify(outcome.returned) } : outcome;
    }
    if (expressibleAsJson(vector.patch)) {
      patchText = JSON.stringify(vector.patch);
      if ("customer" in vector && expressibleAsJson(vector.customer)) {
        customerText = JSON.stringify(vector.customer);
      }
    }
  }

  if (patchText !== undefined) {
    record.validateText = api.validatePatchJson(patchText, options);
    record.problemText = problemOf(api, record.validateText, options);
    if (customerText !== undefined) {
      record.applyText = failureOf(api, () => api.applyPatchJson(customerText, patchText, options));
    }
  }
  return record;
}

/** Runs every vector and returns the records as one JSON text. */
export function conformanceText(api, cases) {
  return JSON.stringify(cases.map((vector) => conformanceRecord(api, vector)));
}
