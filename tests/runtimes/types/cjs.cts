// Type-checks the CommonJS entry as `require` sees it.
import patch = require("brp-customer-patch");

const result: patch.ValidationResult = patch.validatePatch({ status: "active" });
const detail: string | undefined = result.valid ? undefined : patch.toProblemDetails(result).detail;
const ready: Promise<void> = patch.default();
console.log(detail, ready);
