// The public API around the generated bindings. It contains no rule. The WebAssembly module
// decides everything and returns issues as JSON text. This file decodes them, turns a failed
// merge into a thrown PatchError, because throwing from inside WebAssembly would skip Rust's
// clean-up, and recovers from a panic in the module.

/**
 * An invalid patch or customer given to `applyPatch` or `applyPatchJson`, a change that
 * `createPatch` cannot express, or a panic inside the module.
 */
export class PatchError extends Error {
  constructor(issues, message) {
    const first = issues[0];
    super(message ?? (first ? `${first.code}: ${first.message}` : "Invalid patch."));
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
  return failureIssue(panic ?? `WebAssembly trap: ${trap.message}`);
}

/**
 * Builds the issue that reports an exception that passed through the module's frames, such as
 * a stack overflow, for the calls that were still running on the module when it happened.
 */
function interruptedIssue(error) {
  const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const detail = `a nested call was interrupted by ${thrown}`;
  // Usually the caller's own doing, such as a getter that calls the package with its own object,
  // so the message points at the getters instead of requesting a report.
  const message = `brp-customer-patch was interrupted by ${thrown} in a call made while this one ran, and was reset, so nothing was validated or applied. Check getters of the input that call the package again.`;
  return failureIssue(detail, message);
}

function failureIssue(detail, message = `brp-customer-patch failed internally and was reset, so nothing was validated or applied. Please report this message: ${detail}`) {
  return { code: "validation_failed", pointer: "", message, severity: "error", params: { panic: detail } };
}

// Strings up to this many UTF-16 code units take the fast way into the module: written into its
// memory by TextEncoder.encodeInto, at most three bytes per unit. Request bodies and stored
// customers are usually far smaller; longer strings take the general way, so the buffer stays
// small.
const FAST_TEXT_UNITS = 16384;

const encoder = new TextEncoder();

// The mark that the module sets on its own TypeErrors, as src/wasm_api/de.rs names it.
const OWN_ERROR = Symbol.for("brp-customer-patch.ownError");

// String.prototype.isWellFormed is ES2024; without it, text takes the general way, whose
// module code finds lone surrogates itself.
const canCheckWellFormed = typeof String.prototype.isWellFormed === "function";

/**
 * Builds the public functions over the wasm-bindgen exports of one module instance.
 * `ensureReady` runs before each call and throws when the module is not loaded yet.
 */
export function bindApi(bindings, ensureReady = () => {}) {
  // Calls into the module that are running: a getter of an input can call the package again.
  let depth = 0;
  // Set by a trap, or by an exception through the module's frames: the instance is reset when
  // the outermost running call ends, or, if that reset ran out of stack, before the next call.
  let resetPending = false;
  // The issue that reports that failure to every call that ran on the broken instance.
  let brokenIssue;
  // Set when an exception left the module, which then skipped the Rust code that releases the
  // call's object levels. A call that returns releases its own levels.
  let releasePending = false;

  // The module's memory and a view of its text buffer. The view goes stale when the memory
  // grows, which detaches its ArrayBuffer, and when the module is reset.
  let memory;
  let textView = new Uint8Array(0);

  // Whether a string can take the fast way in: short, and without lone surrogates, which
  // encodeInto would replace with U+FFFD. The module reports those, so they take the general way.
  const fastText = (text) => typeof text === "string" && text.length <= FAST_TEXT_UNITS && canCheckWellFormed && text.isWellFormed();

  // Writes a string into the module's text buffer from byte `offset` on, and returns its length
  // in bytes. A stale view has no bytes, so encodeInto then reads less than the whole string,
  // just as when the buffer is too small, and both cases get a new view.
  function writeText(text, offset) {
    const written = encoder.encodeInto(text, offset === 0 ? textView : textView.subarray(offset));
    if (written.read === text.length) return written.written;

    // A new view, for at most three bytes per UTF-16 code unit. Growing the buffer keeps the
    // bytes before `offset`.
    // textBuffer may grow the memory, so its buffer is read only after the call.
    memory ??= bindings.linearMemory();
    const capacity = offset + 3 * text.length;
    const start = bindings.textBuffer(capacity);
    textView = new Uint8Array(memory.buffer, start, capacity);
    return encoder.encodeInto(text, textView.subarray(offset)).written;
  }

  // Runs one call into the module. After a trap the instance's memory may be inconsistent, so
  // the module is instantiated again, and `onPanic` builds the call's result from the issue.
  // An exception that passed through WebAssembly frames, such as a stack overflow in a nested
  // call, skipped Rust's clean-up just as well. The reset waits for the outermost call to end,
  // because an outer call may still be running on this instance, and every call that ran on
  // the broken instance reports the failure instead of its result. The call's arguments are
  // passed through, so that no closure is created per call.
  function guard(call, onPanic, first, second, third) {
    ensureReady();
    if (depth === 0 && resetPending) resetInstance();
    depth += 1;
    try {
      let result;
      try {
        result = call(first, second, third);
      } catch (error) {
        // Marked before anything else, because near the stack limit any further step may throw
        // a RangeError of its own.
        const resetBefore = resetPending;
        const releaseBefore = releasePending;
        resetPending = true;
        releasePending = true;
        if (error instanceof WebAssembly.RuntimeError) {
          const issue = panicIssue(bindings, error);
          brokenIssue ??= issue;
          return onPanic(issue);
        }
        // A PatchError for a failed merge, and the module's own TypeErrors for malformed
        // options, are thrown after the module returned in order. Any other exception came
        // through its frames.
        const returnedInOrder = error instanceof PatchError || (error instanceof TypeError && error[OWN_ERROR] === true);
        if (!resetBefore) {
          if (returnedInOrder) {
            resetPending = false;
            releasePending = releaseBefore;
            throw error;
          }
          brokenIssue = interruptedIssue(error);
          throw error;
        }
      }
      if (!resetPending) return result;
      // A nested call, made by a getter of this call's input, broke the instance that this call
      // kept running on, so its result or error came from a broken instance.
      const issue = brokenIssue ?? interruptedIssue(new RangeError("Maximum call stack size exceeded"));
      return onPanic({ ...issue, params: { ...issue.params } });
    } finally {
      depth -= 1;
      if (depth === 0) {
        if (resetPending) resetInstance();
        if (releasePending) {
          bindings.releaseLevels();
          releasePending = false;
        }
      }
    }
  }

  // Instantiates the module again. The flags are cleared only after the reset, so that a reset
  // that ran out of stack is tried again.
  function resetInstance() {
    bindings.__wbg_reset_state();
    resetPending = false;
    brokenIssue = undefined;
    memory = undefined;
    textView = new Uint8Array(0);
  }


  const throwPanic = (issue) => {
    throw new PatchError([issue]);
  };
  const invalidAfterPanic = (issue) => ({ valid: false, errors: [issue], warnings: [] });

  // The module returns nothing for a patch without issues, by far the most common result.
  const validResult = () => ({ valid: true, errors: [], warnings: [] });
  const decodeResult = (encoded) => (encoded === undefined ? validResult() : JSON.parse(encoded));

  // A merge or diff returns undefined when it failed, and keeps its issues for takeResult, which
  // must run before the guard of the call resets a broken instance.
  function unwrap(value) {
    if (value === undefined) {
      const { issues, message } = JSON.parse(bindings.takeResult());
      throw new PatchError(issues, message);
    }
    return value;
  }

  // The calls that guard runs, one per entry point.
  const validateObject = (patch, options) => decodeResult(bindings.validatePatch(patch, options));
  const applyObjects = (customer, patch, options) => unwrap(bindings.applyPatch(customer, patch, options));
  const createFromObjects = (original, edited, options) => unwrap(bindings.createPatch(original, edited, options));
  const validateText = (text, options) => decodeResult(bindings.validatePatchJson(text, options));
  const applyTexts = (customerText, patchText, options) => unwrap(bindings.applyPatchJson(customerText, patchText, options));
  const checkCode = (code, options) => JSON.parse(bindings.checkEic(code, options));
  const invalidCodeAfterPanic = (issue) => ({ valid: false, issues: [issue] });

  // The same for short well-formed text, written into module memory. Options are parsed first,
  // because a getter of an option may call the package again and overwrite the buffer.
  const validateBufferedText = (text, options) => {
    const withOptions = options !== undefined;
    if (withOptions) bindings.bufferOptions(options);
    const length = writeText(text, 0);
    return bindings.validatePatchBuffer(length, text.length, withOptions) ? JSON.parse(bindings.takeResult()) : validResult();
  };
  const applyBufferedTexts = (customerText, patchText, options) => {
    const withOptions = options !== undefined;
    if (withOptions) bindings.bufferOptions(options);
    const customerLength = writeText(customerText, 0);
    const patchLength = writeText(patchText, customerLength);
    return unwrap(bindings.applyPatchBuffer(customerLength, patchLength, patchText.length, withOptions));
  };

  return {
    validatePatch(patch, options) {
      return guard(validateObject, invalidAfterPanic, patch, options);
    },

    applyPatch(customer, patch, options) {
      return guard(applyObjects, throwPanic, customer, patch, options);
    },

    createPatch(original, edited, options) {
      return guard(createFromObjects, throwPanic, original, edited, options);
    },

    validatePatchJson(text, options) {
      if (fastText(text)) {
        return guard(validateBufferedText, invalidAfterPanic, text, options);
      }
      return guard(validateText, invalidAfterPanic, text, options);
    },

    applyPatchJson(customerText, patchText, options) {
      if (fastText(customerText) && fastText(patchText)) {
        return guard(applyBufferedTexts, throwPanic, customerText, patchText, options);
      }
      return guard(applyTexts, throwPanic, customerText, patchText, options);
    },

    checkEic(code, options) {
      return guard(checkCode, invalidCodeAfterPanic, code, options);
    },

    patchJsonSchema() {
      return guard(bindings.patchJsonSchema, throwPanic);
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
      // The issues are read before the guarded call, so that an exception from reading them is
      // the caller's and does not count as one through the module.
      const errors = issues.map(({ code, pointer, message }) => ({ code, pointer, detail: message }));
      // A report that reached its limit of issues ends with one that counts those left out.
      const last = issues[errors.length - 1];
      const dropped = last?.code === "validation_failed" && Number.isSafeInteger(last.params?.dropped) ? last.params.dropped : 0;
      // Guarded, because a getter of the options may call the package again.
      const problem = JSON.parse(guard(bindings.problemHead, throwPanic, errors.length, dropped, options));
      problem.errors = errors;
      return problem;
    },
  };
}
