// Source of index.cjs, the Node.js entry. esbuild turns it into CommonJS so that `require`
// and `import` (through index.mjs) share one module instance and one PatchError class.
// The generated bindings load the .wasm file synchronously, so no init call is needed.
import * as bindings from "./node/brp_customer_patch.js";
import { PatchError, bindApi } from "./api.js";

export const { validatePatch, applyPatch, createPatch, validatePatchJson, applyPatchJson, checkEic, patchJsonSchema, toProblemDetails, wasmMemoryBytes } =
  bindApi(bindings);
export { PatchError };

/** Does nothing in Node.js, where the module is ready on import; kept so that code shared with browsers can always await it. */
export async function init() {}

// The default export, so that `require(...).default` matches the types shared with `import`.
export default init;
