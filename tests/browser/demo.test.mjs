// Loads the demo page in headless Chromium and checks that the browser build of the package
// validates the example patch and shows the merged customer.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";

import { startServer } from "../../www/serve.mjs";

const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
let server;
let pageUrl;

before(async () => {
  server = await startServer({ host: "127.0.0.1", port: 0 });
  pageUrl = `http://127.0.0.1:${server.address().port}/`;
});

after(() => server.close());

/** Returns the page's DOM after its scripts have run, as Chromium serializes it. */
async function renderPage(url) {
  const profile = await mkdtemp(join(tmpdir(), "brp-chromium-"));
  try {
    const { stdout } = await promisify(execFile)(
      chromium,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${profile}`,
        "--virtual-time-budget=10000",
        "--dump-dom",
        url,
      ],
      { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

test("demo validates the example in Chromium", async () => {
  const dom = await renderPage(pageUrl);
  const status = dom.match(/<p id="status"[^>]*>([^<]*)<\/p>/);
  assert.ok(status, "the page has a #status line");
  assert.equal(status[1], "Valid patch");

  const result = dom.match(/<pre id="result"[^>]*>([^<]*)<\/pre>/);
  assert.ok(result, "the page shows the merged customer in #result");
  const merged = JSON.parse(result[1].replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
  assert.equal(merged.status, "pending");
  assert.deepEqual(merged.metadata, { customer_number: "KD-2026-0815", cost_center: "CC-4200", region: "NRW" });
  assert.equal(merged.id, "cust_r8s9t0u1");
});
