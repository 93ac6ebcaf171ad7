// Runs the conformance vectors from the packed tarball in Node.js (ES module and CommonJS),
// Deno, Bun, workerd and headless Chromium, and checks that all six give byte-identical
// records. `make consumer` installs the tarball into target/consumer first.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { chromium } from "playwright-core";

import { loadCases } from "../node/vectors.mjs";
import { launchChromium } from "./chromium.mjs";
import { startStaticServer, startWorkerd } from "./servers.mjs";

const run = promisify(execFile);
const consumer = fileURLToPath(new URL("../../target/consumer/", import.meta.url));
const cases = loadCases();
const casesFile = `${consumer}cases.json`;

/** Runs a runtime on tests/runtimes/run-vectors.* in the consumer folder and returns its output. */
async function runScript(command, args) {
  const { stdout } = await run(command, [...args, casesFile], { cwd: consumer, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function runWorkerd() {
  const server = await startWorkerd(consumer, "tests/runtimes/vector-worker.mjs", "vectors");
  try {
    const records = [];
    for (const vector of cases) {
      const response = await fetch(server.url, { method: "POST", body: JSON.stringify(vector) });
      assert.equal(response.status, 200, `workerd on ${vector.file}: ${vector.name}`);
      records.push(await response.text());
    }
    return `[${records.join(",")}]`;
  } finally {
    await server.stop();
  }
}

async function runChromium() {
  const server = await startStaticServer(consumer);
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.goto(`${server.url}tests/runtimes/browser.html`);
    await page.waitForSelector("body[data-ready]", { state: "attached", timeout: 10_000 }).catch((error) => {
      throw new Error(`The conformance page did not load: ${errors.join("; ") || error}`);
    });
    return await page.evaluate((url) => window.runVectors(url), `${server.url}cases.json`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const outputs = {};

before(async () => {
  writeFileSync(casesFile, JSON.stringify(cases));
  // Each runtime is its own process, so they run side by side.
  const runs = {
    "Node.js ESM": () => runScript(process.execPath, ["tests/runtimes/run-vectors.mjs"]),
    "Node.js CommonJS": () => runScript(process.execPath, ["tests/runtimes/run-vectors.cjs"]),
    Deno: () => runScript("deno", ["run", "--no-lock", "--allow-read", "--allow-env", "tests/runtimes/run-vectors.mjs"]),
    Bun: () => runScript("bun", ["tests/runtimes/run-vectors.mjs"]),
    workerd: runWorkerd,
    Chromium: runChromium,
  };
  const names = Object.keys(runs);
  const settled = await Promise.allSettled(names.map((name) => runs[name]()));
  settled.forEach((outcome, index) => {
    outputs[names[index]] = outcome.status === "fulfilled" ? outcome.value : outcome.reason;
  });
});

test("Node.js records match the vectors", () => {
  const records = JSON.parse(outputs["Node.js ESM"]);
  assert.equal(records.length, cases.length);
  const pick = (issues) => issues.map(({ code, pointer }) => ({ code, pointer }));
  records.forEach((record, index) => {
    const vector = cases[index];
    const label = `${vector.file}: ${vector.name}`;
    const result = record.validate ?? record.validateText;
    assert.deepEqual(pick(result.errors), pick(vector.errors), `${label} errors`);
    assert.deepEqual(pick(result.warnings), pick(vector.warnings), `${label} warnings`);
    if (!result.valid) {
      const problem = record.problem ?? record.problemText;
      assert.equal(problem.status, 400, `${label} problem status`);
      assert.deepEqual(pick(problem.errors), pick(vector.errors), `${label} problem errors`);
    }
  });
});

for (const runtime of ["Node.js CommonJS", "Deno", "Bun", "workerd", "Chromium"]) {
  test(`${runtime} output equals Node.js byte for byte`, () => {
    const output = outputs[runtime];
    if (output instanceof Error) {
      throw output;
    }
    const expected = outputs["Node.js ESM"];
    assert.equal(typeof expected, "string", "the Node.js ESM run failed");
    assert.ok(output === expected, `${runtime} output differs from Node.js (${output.length} and ${expected.length} characters)`);
  });
}
