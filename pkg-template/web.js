// ES module entry for browsers and other runtimes that fetch the .wasm file. Call the default
// export once and await it before the first call.
import initBindings, * as bindings from "./web/brp_customer_patch.js";
import { PatchError, bindApi } from "./api.js";

let ready;
let loaded = false;

function ensureReady() {
  if (!loaded) {
    throw new Error("brp-customer-patch is not loaded yet: await init() once before the first call.");
  }
}

export const { validatePatch, applyPatch, createPatch, validatePatchJson, applyPatchJson, checkEic, patchJsonSchema, toProblemDetails, wasmMemoryBytes } =
  bindApi(bindings, ensureReady);
export { PatchError };

/**
 * Loads the WebAssembly module. By default it fetches `web/brp_customer_patch_bg.wasm` next to
 * this file; pass a URL, a Response, bytes or a WebAssembly.Module to load it another way.
 * Later calls return the first call's promise.
 */
export default function init(source) {
  ready ??= initBindings(source === undefined ? undefined : { module_or_path: source }).then(() => {
    loaded = true;
  });
  return ready;
}

export { init };
