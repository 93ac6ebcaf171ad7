// Type-checks the package as a bundler resolves it, the browser entry.
import init, { checkEic, createPatch, type CustomerPatch } from "brp-customer-patch";

await init(new URL("brp_customer_patch_bg.wasm", import.meta.url));
const body: CustomerPatch = createPatch({ status: "active" }, { status: "pending" });
console.log(body.status, checkEic("10YDE-RWENET---I").valid);
