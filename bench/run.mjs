// Benchmarks brp-customer-patch against the JavaScript libraries a handler would otherwise use,
// all in one process on the same inputs, and checks the targets as ratios from this run.
//
// Usage: node bench/run.mjs [--quick]   (make bench)
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import * as v from "valibot";

import { applyPatch, applyPatchJson, validatePatch, validatePatchJson } from "brp-customer-patch";

import { exampleCustomer, examplePatch, invalidPatch, metadataPatch } from "../tests/fixtures/example.mjs";
import { formatNs, measure } from "./measure.mjs";
import { ajvApply, ajvApplyText, ajvValidate, valibotPatch, zodPatch } from "./peers.mjs";

const quick = process.argv.includes("--quick");
const samples = quick ? 7 : 25;
const root = new URL("../", import.meta.url);

const customerText = JSON.stringify(exampleCustomer);
const patchText = JSON.stringify(examplePatch);
const patch1k = metadataPatch(1_000);
const patch10k = metadataPatch(10_000);

// Every peer must agree with the package on the inputs, or the comparison means nothing.
function checkAgreement() {
  const expected = JSON.stringify(applyPatch(exampleCustomer, examplePatch));
  const checks = [
    [validatePatch(examplePatch).valid, true],
    [zodPatch.safeParse(examplePatch).success, true],
    [ajvValidate(examplePatch), true],
    [v.safeParse(valibotPatch, examplePatch).success, true],
    [JSON.stringify(ajvApply(exampleCustomer, examplePatch)), expected],
    [applyPatchJson(customerText, patchText), expected],
    [ajvApplyText(customerText, patchText), expected],
    [validatePatch(invalidPatch).errors.length, 5],
    [zodPatch.safeParse(invalidPatch).success, false],
  ];
  for (const [actual, wanted] of checks) {
    if (actual !== wanted) {
      throw new Error(`A peer disagrees with the package: got ${actual}, expected ${wanted}. Fix bench/peers.mjs before measuring.`);
    }
  }
}

function time(fn) {
  return measure(fn, { samples });
}

/**
 * Runs `node -e script` `runs` times in fresh processes, in `cwd`, and returns the median time
 * from before `require(specifier)` to the first result of `validatePatch`.
 */
function coldStart(runs, specifier = "brp-customer-patch", cwd = fileURLToPath(root)) {
  // The time is taken before process.stdout is touched, because Node.js creates that stream
  // lazily, which takes milliseconds that are not the package's.
  const script = `
    const start = performance.now();
    const { validatePatch } = require(${JSON.stringify(specifier)});
    const valid = validatePatch({ status: "active" }).valid;
    const elapsed = performance.now() - start;
    process.stdout.write(String(elapsed));
    if (!valid) process.exit(1);`;
  const timings = [];
  for (let run = 0; run < runs; run += 1) {
    timings.push(Number(execFileSync(process.execPath, ["-e", script], { cwd, encoding: "utf8" })));
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)];
}

/**
 * Measures the same cold start for a package that does nothing: an `exports` map like this
 * package's, and a `validatePatch` that returns a constant. No package can start faster here.
 */
function coldStartFloor(runs) {
  const directory = fileURLToPath(new URL("target/bench-floor/", root));
  const packageDirectory = `${directory}node_modules/empty-package/`;
  mkdirSync(packageDirectory, { recursive: true });
  writeFileSync(`${packageDirectory}package.json`, JSON.stringify({ name: "empty-package", exports: { ".": { require: "./index.cjs", default: "./index.cjs" } } }));
  writeFileSync(`${packageDirectory}index.cjs`, "exports.validatePatch = () => ({ valid: true });\n");
  return coldStart(runs, "empty-package", directory);
}

function gzipSize(path) {
  return gzipSync(readFileSync(new URL(path, root)), { level: 9 }).length;
}

/** Bundles and minifies a peer with esbuild and returns its gzip -9 size. */
function bundledPeerSize(entry) {
  const bundle = execFileSync(
    fileURLToPath(new URL("node_modules/.bin/esbuild", root)),
    ["--bundle", "--minify", "--format=esm", "--platform=neutral", "--main-fields=module,main", "--log-level=error"],
    { cwd: fileURLToPath(root), input: entry, maxBuffer: 64 * 1024 * 1024 },
  );
  return gzipSync(bundle, { level: 9 }).length;
}

checkAgreement();
const results = [];
const rows = [];
function row(name, ours, peers) {
  rows.push({ name, ours, peers });
}

const objectValidate = time(() => validatePatch(examplePatch));
const zodValidate = time(() => zodPatch.safeParse(examplePatch));
row("validate example, object", objectValidate, [
  ["zod safeParse", zodValidate],
  ["ajv", time(() => ajvValidate(examplePatch))],
  ["valibot safeParse", time(() => v.safeParse(valibotPatch, examplePatch))],
]);

const textValidate = time(() => validatePatchJson(patchText));
const parseAjv = time(() => ajvValidate(JSON.parse(patchText)));
row("validate example, text", textValidate, [
  ["JSON.parse + ajv", parseAjv],
  ["JSON.parse + zod", time(() => zodPatch.safeParse(JSON.parse(patchText)))],
]);

const objectApply = time(() => applyPatch(exampleCustomer, examplePatch));
const ajvObjectApply = time(() => ajvApply(exampleCustomer, examplePatch));
row("apply example, objects", objectApply, [["ajv + structuredClone + json-merge-patch", ajvObjectApply]]);

const textApply = time(() => applyPatchJson(customerText, patchText));
const jsTextApply = time(() => ajvApplyText(customerText, patchText));
row("apply example, text in and out", textApply, [["JSON.parse x2 + ajv + json-merge-patch + JSON.stringify", jsTextApply]]);

const validate1k = time(() => validatePatch(patch1k));
const validate10k = time(() => validatePatch(patch10k));
row("validate 1,000 metadata keys", validate1k, [["zod safeParse", time(() => zodPatch.safeParse(patch1k))]]);
row("validate 10,000 metadata keys", validate10k, [["zod safeParse", time(() => zodPatch.safeParse(patch10k))]]);

row("validate body with five errors", time(() => validatePatch(invalidPatch)), [
  ["zod safeParse", time(() => zodPatch.safeParse(invalidPatch))],
  ["ajv (allErrors)", time(() => ajvValidate(invalidPatch))],
]);

const coldMs = coldStart(quick ? 5 : 15);
const coldFloorMs = coldStartFloor(quick ? 5 : 15);
const wasmGzip = gzipSize("pkg/web/brp_customer_patch_bg.wasm");
// The JavaScript that Node.js loads: the entry with the wrapper, the generated glue, and the
// glue's snippet of value helpers.
const snippets = readdirSync(new URL("pkg/node/snippets/", root), { recursive: true }).filter((path) => path.endsWith(".js"));
const glueGzip = ["pkg/index.cjs", "pkg/node/brp_customer_patch.js", ...snippets.map((path) => `pkg/node/snippets/${path}`)]
  .map(gzipSize)
  .reduce((sum, size) => sum + size, 0);
const packageGzip = wasmGzip + glueGzip;

console.log(`brp-customer-patch benchmark: Node ${process.version}, ${cpus()[0].model}, ${cpus().length} cores, ${samples} samples`);
console.log("");
console.log("| case | brp-customer-patch | peer | peer time | ratio |");
console.log("|---|---:|---|---:|---:|");
for (const { name, ours, peers } of rows) {
  for (const [peer, peerTime] of peers) {
    console.log(`| ${name} | ${formatNs(ours)} | ${peer} | ${formatNs(peerTime)} | ${(ours / peerTime).toFixed(2)}x |`);
  }
}

console.log("");
console.log("| size, gzip -9 | bytes |");
console.log("|---|---:|");
console.log(`| brp-customer-patch .wasm (raw ${readFileSync(new URL("pkg/web/brp_customer_patch_bg.wasm", root)).length}) | ${wasmGzip} |`);
console.log(`| brp-customer-patch JavaScript for Node.js: entry and wrapper, glue, value helpers | ${glueGzip} |`);
for (const [peer, entry] of [
  ["zod (esbuild, minified)", 'export { z } from "zod";'],
  ["ajv (esbuild, minified)", 'export { default } from "ajv";'],
  ["valibot (esbuild, minified, tree-shaken to the schema)", 'export { strictObject, optional, picklist, pipe, string, regex, record, minLength, nullable, safeParse } from "valibot";'],
  ["json-merge-patch (esbuild, minified)", 'export { default } from "json-merge-patch";'],
]) {
  console.log(`| ${peer} | ${bundledPeerSize(entry)} |`);
}
console.log(`| cold start to first result, median of fresh processes | ${coldMs.toFixed(2)} ms |`);
console.log(`| the same for an empty package with an exports map, the floor on this machine | ${coldFloorMs.toFixed(2)} ms |`);

const perKey1k = validate1k / 1_000;
const perKey10k = validate10k / 10_000;
const targets = [
  ["text validate <= 0.8x JSON.parse + ajv", textValidate / parseAjv, 0.8],
  ["text apply <= 0.4x the JS text stack", textApply / jsTextApply, 0.4],
  ["object validate <= 1.0x zod safeParse", objectValidate / zodValidate, 1.0],
  ["object apply <= 1.0x ajv + structuredClone + json-merge-patch", objectApply / ajvObjectApply, 1.0],
  ["10,000-key per-key cost <= 1.5x the 1,000-key case", perKey10k / perKey1k, 1.5],
  ["package .wasm + JavaScript, gzip -9 <= 24 KiB", packageGzip / 1024, 24],
  ["cold start to first result <= 3 ms median", coldMs, 3],
];
console.log("");
console.log("| target | measured | result |");
console.log("|---|---:|---|");
let failed = 0;
for (const [name, value, limit] of targets) {
  const pass = value <= limit;
  failed += pass ? 0 : 1;
  results.push({ name, value, pass });
  console.log(`| ${name} | ${value.toFixed(2)} | ${pass ? "PASS" : "FAIL"} |`);
}
console.log("");
console.log(`${targets.length - failed} of ${targets.length} targets pass.`);
