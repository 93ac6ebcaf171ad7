// Splits the cost of validating many metadata keys into what any reader of the object pays,
// listing its keys and reading each value, and what the package adds on top.
// Usage: node bench/enumerate.mjs (after `make pkg`)
import { createRequire } from "node:module";

import { metadataPatch } from "../tests/fixtures/example.mjs";
import { formatNs, measure } from "./measure.mjs";

const { validatePatch } = createRequire(import.meta.url)("../pkg/index.cjs");

// The same read that `describeObject` in src/wasm_api/values.js makes of an object level.
function readEntries(object) {
  const keys = Object.keys(object);
  let characters = 0;
  for (let index = 0; index < keys.length; index += 1) {
    characters += object[keys[index]].length;
  }
  return characters;
}

const rows = [];
for (const count of [1_000, 10_000]) {
  const patch = metadataPatch(count);
  const read = measure(() => readEntries(patch.metadata));
  const validate = measure(() => validatePatch(patch));
  rows.push({ count, read, validate });
  console.log(`${count.toLocaleString("en-US")} keys: Object.keys and reads ${formatNs(read)}, validatePatch ${formatNs(validate)}`);
}

// Per-key cost of 10,000 keys relative to 1,000 keys. A linear cost gives 1.00.
const [small, large] = rows;
const perKeyRatio = (field) => large[field] / large.count / (small[field] / small.count);
const packageShare = (row) => row.validate - row.read;
console.log(`per-key ratio, Object.keys and reads: ${perKeyRatio("read").toFixed(2)}`);
console.log(`per-key ratio, validatePatch: ${perKeyRatio("validate").toFixed(2)}`);
console.log(`per-key ratio, validatePatch without the reads: ${(packageShare(large) / large.count / (packageShare(small) / small.count)).toFixed(2)}`);
