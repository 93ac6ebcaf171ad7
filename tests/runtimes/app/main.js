// A small app that a bundler builds with no plugin and no option beyond its defaults. It loads
// the package, validates a body and leaves the problem document on the page for the test.
import init, { toProblemDetails, validatePatch } from "brp-customer-patch";

init().then(() => {
  const result = validatePatch({ status: "approved" }, { locale: "de" });
  document.body.dataset.problem = JSON.stringify(toProblemDetails(result));
});
