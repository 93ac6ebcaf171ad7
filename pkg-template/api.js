// The public API around the generated bindings. It contains no rule. The WebAssembly module
// decides everything, and this file only turns a failed merge into a thrown PatchError,
// because throwing from inside WebAssembly would skip Rust's clean-up.

/** An invalid patch or customer given to `applyPatch`, or a change `createPatch` cannot express. */
export class PatchError extends Error {
  constructor(issues) {
    const count = issues.length === 1 ? "1 issue" : `${issues.length} issues`;
    const first = issues[0];
    const where = first && first.pointer !== "" ? ` at ${first.pointer}` : "";
    super(first ? `Invalid patch, ${count}. ${first.code}${where}: ${first.message}` : "Invalid patch.");
    this.name = "PatchError";
    this.issues = issues;
  }
}

/** Builds the public functions over the wasm-bindgen exports of one module instance. */
export function bindApi(bindings) {
  return {
    validatePatch(patch, options) {
      return bindings.validatePatch(patch, options);
    },

    applyPatch(customer, patch, options) {
      const outcome = bindings.applyPatchOutcome(customer, patch, options);
      if (outcome.issues) {
        throw new PatchError(outcome.issues);
      }
      return outcome.customer;
    },

    createPatch(original, edited, options) {
      const outcome = bindings.createPatchOutcome(original, edited, options);
      if (outcome.issues) {
        throw new PatchError(outcome.issues);
      }
      return outcome.patch;
    },

    checkEic(code, options) {
      return bindings.checkEic(code, options);
    },

    wasmMemoryBytes() {
      return bindings.wasmMemoryBytes();
    },
  };
}
