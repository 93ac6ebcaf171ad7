// A/B timing: runs each package in its own process, alternating, and prints medians.
// Usage: node bench/ab.mjs DIR_A DIR_B [case...]
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { measure } from "./measure.mjs";
import { exampleCustomer, examplePatch } from "../tests/fixtures/example.mjs";

const [, , dirA, dirB, ...which] = process.argv;
if (process.env.AB_CHILD) {
  const api = createRequire(import.meta.url)(`${process.env.AB_CHILD}/index.cjs`);
  const patchText = JSON.stringify(examplePatch), customerText = JSON.stringify(exampleCustomer);
  const german = { locale: "de" };
  const cases = {
    tv: () => api.validatePatchJson(patchText),
    ta: () => api.applyPatchJson(customerText, patchText),
    ov: () => api.validatePatch(examplePatch),
    oa: () => api.applyPatch(exampleCustomer, examplePatch),
    // The same calls with an option, as a handler that serves German users makes them.
    tvDe: () => api.validatePatchJson(patchText, german),
    taDe: () => api.applyPatchJson(customerText, patchText, german),
    ovDe: () => api.validatePatch(examplePatch, german),
  };
  const out = {};
  for (const name of which.length ? which : Object.keys(cases)) out[name] = measure(cases[name], { samples: 9, minBatchMs: 10 });
  process.stdout.write(JSON.stringify(out));
} else {
  const runs = { A: [], B: [] };
  for (let round = 0; round < 4; round++) {
    for (const [label, dir] of [["A", dirA], ["B", dirB]]) {
      const out = execFileSync(process.execPath, [new URL(import.meta.url).pathname, dirA, dirB, ...which], { env: { ...process.env, AB_CHILD: dir }, encoding: "utf8" });
      runs[label].push(JSON.parse(out));
    }
  }
  for (const name of Object.keys(runs.A[0])) {
    const median = (label) => runs[label].map((run) => run[name]).sort((x, y) => x - y)[2];
    console.log(`${name}: A ${median("A").toFixed(0)}  B ${median("B").toFixed(0)}  B/A ${(median("B") / median("A")).toFixed(3)}`);
  }
}
