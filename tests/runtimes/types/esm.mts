// Type-checks the ES module entry as a Node.js consumer sees it.
import init, { applyPatch, PatchError, toProblemDetails, validatePatchJson, type Customer, type ProblemDetails } from "brp-customer-patch";

await init();
const result = validatePatchJson('{"status":"active"}', { locale: "de", maxBytes: 4096 });
const problem: ProblemDetails | undefined = result.valid ? undefined : toProblemDetails(result, { instance: "/v1/customers/cust_1" });
const status: 400 | undefined = problem?.status;

declare const stored: Customer;
try {
  const updated: Customer = applyPatch(stored, { status: "deactivated" });
  console.log(updated.balance_group.tso, status);
} catch (error) {
  if (error instanceof PatchError) {
    console.log(toProblemDetails(error).errors[0]?.pointer);
  }
}
