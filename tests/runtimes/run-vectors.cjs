// The CommonJS twin of run-vectors.mjs: the package comes from `require`, so Node.js loads
// index.cjs instead of index.mjs.
const { readFileSync } = require("node:fs");

const api = require("brp-customer-patch");

import("./conformance.mjs").then(({ conformanceText }) => {
  const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
  process.stdout.write(conformanceText(api, cases));
});
