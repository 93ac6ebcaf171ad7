// The public API around the generated bindings. It contains no rule. The WebAssembly module
// decides everything and returns issues as JSON text, and this file only decodes them and
// turns a failed merge into a thrown PatchError, because throwing from inside WebAssembly
// would skip Rust's clean-up.

/** An invalid patch or customer given to `applyPatch` or `applyPatchJson`, or a change `createPatch` cannot express. */
export class PatchError extends Error {
  constructor(issues, message) {
    super(message ?? `Invalid patch, ${issues.length} issues.`);
    this.name = "PatchError";
    this.issues = issues;
  }
}

/**
 * Builds the public functions over the wasm-bindgen exports of one module instance.
 * `ensureReady` runs before each call and throws when the module is not loaded yet.
 */
export function bindApi(bindings, ensureReady = () => {}) {
  // The module returns nothing for a patch without issues, the most common answer by far.
  function decodeResult(encoded) {
    return encoded === undefined ? { valid: true, errors: [], warnings: [] } : JSON.parse(encoded);
  }

  function failure() {
    const { issues, message } = JSON.parse(bindings.takeFailure());
    return new PatchError(issues, message);
  }

  return {
    validatePatch(patch, options) {
      ensureReady();
      return decodeResult(bindings.validatePatch(patch, options));
    },

    applyPatch(customer, patch, options) {
      ensureReady();
      const updated = bindings.applyPatch(customer, patch, options);
      if (updated === undefined) {
        throw failure();
      }
      return updated;
    },

    validatePatchJson(text, options) {
      ensureReady();
      return decodeResult(bindings.validatePatchJson(text, options));
    },

    applyPatchJson(customerText, patchText, options) {
      ensureReady();
      const updated = bindings.applyPatchJson(customerText, patchText, options);
      if (updated === undefined) {
        throw failure();
      }
      return updated;
    },

    createPatch(original, edited, options) {
      ensureReady();
      const patch = bindings.createPatch(original, edited, options);
      if (patch === undefined) {
        throw failure();
      }
      return patch;
    },

    checkEic(code, options) {
      ensureReady();
      return JSON.parse(bindings.checkEic(code, options));
    },

    wasmMemoryBytes() {
      ensureReady();
      return bindings.wasmMemoryBytes();
    },

    toProblemDetails(failure, options) {
      ensureReady();
      const issues = failure instanceof PatchError ? failure.issues : failure?.errors;
      if (!Array.isArray(issues) || issues.length === 0) {
        throw new TypeError("toProblemDetails expects a PatchError or a validation result with errors.");
      }
      const problem = JSON.parse(bindings.problemHead(issues.length, options));
      problem.errors = issues.map(({ code, pointer, message }) => ({ code, pointer, detail: message }));
      return problem;
    },
  };
}
