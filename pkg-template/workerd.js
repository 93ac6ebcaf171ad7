// ES module entry for Cloudflare's workerd, which can neither read files nor fetch its own
// code. Its module system, and Wrangler's bundler, turn a `.wasm` import into a compiled
// WebAssembly.Module, so the module is instantiated on import and no init call is needed.
import wasmModule from "./web/brp_customer_patch_bg.wasm";
import { initSync } from "./web/brp_customer_patch.js";
import * as bindings from "./web/brp_customer_patch.js";
import { PatchError, bindApi } from "./api.js";

initSync({ module: wasmModule });

export const { validatePatch, applyPatch, createPatch, validatePatchJson, applyPatchJson, checkEic, patchJsonSchema, toProblemDetails, wasmMemoryBytes } =
  bindApi(bindings);
export { PatchError };

/** Does nothing on workerd, where the module is ready on import; kept so that code shared with browsers can always await it. */
export async function init() {}
export default init;
