// ES module entry for Node.js: the same instance as `require("brp-customer-patch")`.
import api from "./index.cjs";

export const { validatePatch, applyPatch, createPatch, validatePatchJson, applyPatchJson, checkEic, patchJsonSchema, toProblemDetails, wasmMemoryBytes, PatchError, init } =
  api;
export default init;
