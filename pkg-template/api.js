// The public API around the generated bindings. It contains no rule. The WebAssembly module
// decides everything, and this file only turns a failed merge into a thrown PatchError,
// because throwing from inside WebAssembly would skip Rust's clean-up.

/** An invalid patch or customer given to `applyPatch` or `applyPatchJson`. */
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
  function unwrap(outcome) {
    if (outcome.issues) {
      throw new PatchError(outcome.issues, outcome.message);
    }
    return outcome.customer;
  }

  return {
    validatePatch(patch, options) {
      ensureReady();
      return bindings.validatePatch(patch, options);
    },

    applyPatch(customer, patch, options) {
      ensureReady();
      return unwrap(bindings.applyPatchOutcome(customer, patch, options));
    },

    validatePatchJson(text, options) {
      ensureReady();
      return bindings.validatePatchJson(text, options);
    },

    applyPatchJson(customerText, patchText, options) {
      ensureReady();
      return unwrap(bindings.applyPatchJsonOutcome(customerText, patchText, options));
    },

    checkEic(code, options) {
      ensureReady();
      return bindings.checkEic(code, options);
    },

    wasmMemoryBytes() {
      ensureReady();
      return bindings.wasmMemoryBytes();
    },
  };
}
