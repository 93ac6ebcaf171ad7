// The public API around the generated bindings. It contains no rule. The WebAssembly module
// decides everything, and this file only turns a failed merge into a thrown PatchError,
// because throwing from inside WebAssembly would skip Rust's clean-up, and recovers from a
// panic in the module.

/** An invalid patch or customer given to `applyPatch`, or a panic inside the module. */
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

/**
 * Builds the issue that reports a panic. The module is built with `panic = "abort"`, so a panic
 * surfaces as a WebAssembly.RuntimeError, and its message is read from the module's panic hook.
 */
function panicIssue(bindings, trap) {
  let panic;
  try {
    panic = bindings.takePanicMessage();
  } catch {
    // The trapped instance could not even return the message; the trap's own text remains.
  }
  const detail = panic ?? `WebAssembly trap: ${trap.message}`;
  return {
    code: "validation_failed",
    pointer: "",
    message: `brp-customer-patch failed internally and was reset, so nothing was validated or applied. Please report this message: ${detail}`,
    severity: "error",
    params: { panic: detail },
  };
}

/** Builds the public functions over the wasm-bindgen exports of one module instance. */
export function bindApi(bindings) {
  // Runs one call into the module. After a trap the instance's memory may be inconsistent, so
  // the module is instantiated again, and `onPanic` builds the call's result from the issue.
  function guard(call, onPanic) {
    try {
      return call();
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      const issue = panicIssue(bindings, error);
      bindings.__wbg_reset_state();
      return onPanic(issue);
    }
  }

  const throwPanic = (issue) => {
    throw new PatchError([issue]);
  };

  return {
    validatePatch(patch, options) {
      return guard(
        () => bindings.validatePatch(patch, options),
        (issue) => ({ valid: false, errors: [issue], warnings: [] }),
      );
    },

    applyPatch(customer, patch, options) {
      const outcome = guard(() => bindings.applyPatchOutcome(customer, patch, options), throwPanic);
      if (outcome.issues) {
        throw new PatchError(outcome.issues);
      }
      return outcome.customer;
    },

    checkEic(code, options) {
      return guard(
        () => bindings.checkEic(code, options),
        (issue) => ({ valid: false, issues: [issue] }),
      );
    },

    patchJsonSchema() {
      return guard(() => bindings.patchJsonSchema(), throwPanic);
    },

    wasmMemoryBytes() {
      return bindings.wasmMemoryBytes();
    },
  };
}
