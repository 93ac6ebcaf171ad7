// Checks the packed tarball as consumers meet it: publint and @arethetypeswrong/cli on the
// package, `tsc --strict` on typed consumers, and small apps built by esbuild and Vite that
// headless Chromium then loads. `make consumer` installs the tarball into target/consumer first.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFile, cp, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { chromium } from "playwright-core";

import { launchChromium } from "./chromium.mjs";
import { startStaticServer } from "./servers.mjs";

const run = promisify(execFile);
const consumer = fileURLToPath(new URL("../../target/consumer/", import.meta.url));
const packDir = fileURLToPath(new URL("../../target/pack/", import.meta.url));
const installed = join(consumer, "node_modules/brp-customer-patch");
const types = join(consumer, "tests/runtimes/types");
const apps = join(consumer, "apps");

async function tarball() {
  const [file] = (await readdir(packDir)).filter((name) => name.endsWith(".tgz"));
  assert.ok(file, `no tarball in ${packDir}; run make consumer`);
  return join(packDir, file);
}

test("publint finds no problem", async () => {
  // The installed folder contains exactly the tarball's files, so publint need not pack again.
  const { stdout } = await run("publint", ["--strict", installed, "--pack", "false"]);
  assert.match(stdout, /All good!/);
});

test("types resolve in every entry", async () => {
  // attw exits non-zero on any problem and prints the resolution table either way.
  const { stdout } = await run("attw", ["--format", "table-flipped", await tarball()]);
  assert.match(stdout, /No problems found/);
});

test("tsc --strict accepts ESM and CommonJS consumers", async () => {
  await run("tsc", ["-p", join(types, "tsconfig.json")]);
});

test("tsc --strict accepts bundler resolution", async () => {
  await run("tsc", ["-p", join(types, "tsconfig.bundler.json")]);
});

describe("bundled apps", () => {
  let browser;

  before(async () => {
    await rm(apps, { recursive: true, force: true });
    await mkdir(apps, { recursive: true });
    const source = join(consumer, "tests/runtimes/app");

    // Vite with no config: it finds the .wasm file through `new URL(..., import.meta.url)` in
    // the browser entry and emits it as an asset.
    await cp(source, join(apps, "vite"), { recursive: true });
    await run("vite", ["build", join(apps, "vite"), "--logLevel", "warn"], { cwd: consumer });

    // esbuild with no flags beyond --bundle: it leaves `new URL(..., import.meta.url)` alone,
    // so the .wasm file is copied beside the bundle, as the README describes.
    const esbuildOut = join(apps, "esbuild");
    await run("esbuild", [join(source, "main.js"), "--bundle", "--format=esm", `--outdir=${esbuildOut}`, "--log-level=warning"], { cwd: consumer });
    await copyFile(join(source, "index.html"), join(esbuildOut, "index.html"));
    await copyFile(join(installed, "web/brp_customer_patch_bg.wasm"), join(esbuildOut, "brp_customer_patch_bg.wasm"));

    browser = await launchChromium(chromium);
  });

  after(async () => {
    await browser?.close();
  });

  // Each build is served from its own root, as it would be deployed: Vite's page links its
  // assets from "/".
  for (const [bundler, root] of [["Vite", "vite/dist"], ["esbuild", "esbuild"]]) {
    test(`${bundler} build runs in Chromium`, async (t) => {
      const server = await startStaticServer(join(apps, root));
      t.after(() => server.stop());
      const tab = await browser.newPage();
      const errors = [];
      tab.on("pageerror", (error) => errors.push(error.message));
      await tab.goto(`${server.url}index.html`);
      await tab.waitForSelector("body[data-problem]", { state: "attached", timeout: 10_000 }).catch((error) => {
        throw new Error(`The ${bundler} app did not finish: ${errors.join("; ") || error.message}`);
      });
      const problem = JSON.parse(await tab.evaluate(() => document.body.dataset.problem));
      assert.equal(problem.status, 400);
      assert.equal(problem.errors[0].code, "invalid_enum_value");
      await tab.close();
    });
  }
});
