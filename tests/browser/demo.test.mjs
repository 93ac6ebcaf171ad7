// End-to-end tests of the demo page in Debian's headless Chromium, driven by playwright-core
// through the page's own controls. Screenshots are written to target/screenshots/.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { startServer } from "../../www/serve.mjs";
import { exampleCustomer, examplePatch } from "../fixtures/example.mjs";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const screenshots = fileURLToPath(new URL("../../target/screenshots/", import.meta.url));

let server;
let browser;
let pageUrl;

before(async () => {
  server = await startServer({ host: "127.0.0.1", port: 0 });
  pageUrl = `http://127.0.0.1:${server.address().port}/`;
  await mkdir(screenshots, { recursive: true });
  // Chromium's sandbox cannot start as root, which is how CI runs.
  const sandbox = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...sandbox, "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--disable-gpu"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the demo at the given viewport and waits until the package has validated the form. */
async function openDemo(viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  await page.goto(pageUrl);
  await page.locator("#status[data-tone]").waitFor();
  return { page, pageErrors };
}

async function patchBody(page) {
  return JSON.parse(await page.locator("#patch-output").textContent());
}

test("demo loads example without errors", async () => {
  const { page, pageErrors } = await openDemo();
  assert.equal(await page.locator("#status").textContent(), "No changes");
  assert.deepEqual(await patchBody(page), {});
  assert.deepEqual(JSON.parse(await page.locator("#result").textContent()), exampleCustomer);
  assert.equal(await page.locator("#eic-input").inputValue(), "11YSOLARDACH--A");
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test("invalid EIC shows messages in both languages", async () => {
  const { page, pageErrors } = await openDemo();
  await page.locator("#eic-input").fill("10YDE-RWENET---X");
  const eicMessages = page.locator("#eic-messages");
  assert.match(await eicMessages.locator(".issue-warning").textContent(), /check character should be 'I', not 'X'/);
  assert.match(await page.locator("#eic-check").textContent(), /Expected check character: I, so the code would be 10YDE-RWENET---I/);

  await page.locator("#eic-input").fill("10YDE-RWENET");
  assert.match(await eicMessages.locator(".issue-error").textContent(), /An EIC has 16 characters, but this one has 12/);
  assert.equal(await page.locator("#eic-input").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#result").isHidden(), true);
  await page.screenshot({ path: `${screenshots}demo-en.png`, fullPage: true });

  await page.locator("#locale").selectOption("de");
  assert.match(await eicMessages.locator(".issue-error").textContent(), /Ein EIC hat 16 Zeichen, dieser hat 12/);
  assert.equal(await page.locator("legend").first().textContent(), "Bilanzkreis");
  assert.equal(await page.locator("#status").textContent(), "1 Fehler");
  assert.equal(await page.locator("html").getAttribute("lang"), "de");
  await page.screenshot({ path: `${screenshots}demo-de.png`, fullPage: true });
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test("removed metadata row is null in patch", async () => {
  const { page } = await openDemo();
  await page.getByRole("button", { name: "Remove metadata row 3" }).click();
  const patch = await patchBody(page);
  assert.deepEqual(patch, { metadata: { region: null } });
  const merged = JSON.parse(await page.locator("#result").textContent());
  assert.equal("region" in merged.metadata, false);
  assert.match(await page.locator("#removed-keys").textContent(), /Removed metadata keys: region/);
  assert.match(await page.locator("#curl").textContent(), /--data-raw '\{"metadata":\{"region":null\}\}'/);
  await page.close();
});

test("fixing every field clears all errors", async () => {
  const { page, pageErrors } = await openDemo();
  await page.locator("#status-input").selectOption("deactivated");
  await page.locator("#tso-input").selectOption("DE_TENNET");
  await page.getByRole("button", { name: "Add metadata row" }).click();
  await page.getByLabel("Value of row 4").fill("H0");

  // The unchanged 15-character EIC is now sent with the new TSO, and the new row has no key.
  assert.match(await page.locator("#eic-messages .issue-error").textContent(), /16 characters/);
  assert.match(await page.locator(".metadata-message-row .issue-error").textContent(), /must not be empty/);
  assert.equal(await page.locator("#status").getAttribute("data-tone"), "error");

  await page.locator("#eic-input").fill("10YDE-RWENET---I");
  await page.getByLabel("Key of row 4").fill("tariff");
  assert.equal(await page.locator(".issue-error").count(), 0);
  assert.equal(await page.locator("#status").textContent(), "No errors. The PATCH body changes 3 fields.");
  assert.deepEqual(await patchBody(page), {
    status: "deactivated",
    balance_group: { eic: "10YDE-RWENET---I", tso: "DE_TENNET" },
    metadata: { tariff: "H0" },
  });
  const highlighted = await page.locator("#result mark.changed").evaluateAll((marks) => marks.map((mark) => mark.dataset.pointer));
  assert.deepEqual(highlighted, ["/status", "/balance_group", "/metadata/tariff"]);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test("raw tab highlights issue pointers", async () => {
  const { page } = await openDemo();
  await page.locator("#tab-raw").click();
  await page.locator("#raw-patch").fill('{"stauts": "active", "metadata": {"a/b": 1}}');
  const marks = await page.locator("#raw-view mark.issue-mark-error").evaluateAll((found) => found.map((mark) => mark.dataset.pointer));
  assert.deepEqual(marks, ["/stauts", "/metadata/a~1b"]);
  assert.match(await page.locator("#raw-messages").textContent(), /Did you mean "status"\?/);

  await page.locator("#raw-patch").fill('{"status": "pending"}');
  assert.equal(await page.locator("#status").getAttribute("data-tone"), "ok");
  assert.equal(JSON.parse(await page.locator("#result").textContent()).status, "pending");
  await page.close();
});

test("raw tab starts with the documented request", async () => {
  const { page } = await openDemo();
  await page.locator("#tab-raw").click();
  assert.deepEqual(JSON.parse(await page.locator("#raw-patch").inputValue()), examplePatch);
  assert.equal(await page.locator("#status").getAttribute("data-tone"), "ok");
  assert.deepEqual(JSON.parse(await page.locator("#result").textContent()), { ...exampleCustomer, status: "pending" });
  await page.close();
});

test("tabs and fields work by keyboard", async () => {
  const { page } = await openDemo();
  await page.locator("#tab-form").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.locator("#tab-raw").getAttribute("aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-raw");
  assert.equal(await page.locator("#panel-form").isHidden(), true);
  await page.keyboard.press("ArrowLeft");

  // Every control has an accessible name from a <label> or aria-label.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((control) => control.labels.length === 0 && !control.getAttribute("aria-label"))
      .map((control) => control.id),
  );
  assert.deepEqual(unnamed, []);

  await page.getByLabel("Status", { exact: true }).focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "eic-input");
  await page.close();
});

test("demo fits a phone screen", async () => {
  const { page } = await openDemo({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: `${screenshots}demo-phone.png`, fullPage: true });
  await page.close();
});

test("createPatch law holds in the browser", async () => {
  const { page } = await openDemo();
  const failures = await page.evaluate(async (cases) => {
    const api = await import("./pkg/web.js");
    await api.default();

    // A linear congruential generator, seeded, so a failing case number reproduces.
    let seed = 20260110;
    const below = (bound) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % bound;
    };
    const pick = (items) => items[below(items.length)];
    const keys = ["customer_number", "cost_center", "region", "__proto__", "a/b", "~", "Zählpunkt", "😀"];
    const eics = ["10YDE-RWENET---I", "10YDE-VE-------2", "10YDE-EON------1", "10YDE-ENBW-----N"];
    const statuses = ["pending", "active", "deactivated"];
    const tsos = ["DE_50HERTZ", "DE_AMPRION", "DE_TENNET", "DE_TRANSNETBW"];
    const metadata = () => Object.fromEntries(Array.from({ length: below(5) }, () => [pick(keys), `v${below(4)}`]));
    const sameJson = (left, right) => {
      if (left === null || right === null || typeof left !== "object" || typeof right !== "object") {
        return left === right;
      }
      const leftKeys = Object.keys(left);
      return leftKeys.length === Object.keys(right).length && leftKeys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
    };

    const found = [];
    for (let number = 0; number < cases; number += 1) {
      const original = { id: `cust_${number}`, status: pick(statuses), balance_group: { eic: pick(eics), tso: pick(tsos) }, metadata: metadata(), created_at: "2026-01-10T09:00:00Z" };
      const edited = structuredClone(original);
      if (below(2)) edited.status = pick(statuses);
      if (below(2)) edited.balance_group = { tso: pick(tsos), eic: pick(eics) };
      edited.metadata = Object.fromEntries([...Object.entries(edited.metadata).filter(() => below(3) > 0), ...Object.entries(metadata())]);

      const patch = api.createPatch(original, edited);
      const once = api.applyPatch(original, patch);
      const twice = api.applyPatch(once, patch);
      if (!sameJson(once, edited) || !sameJson(twice, once)) {
        found.push({ number, original, edited, patch, once });
      }
    }
    return found;
  }, 1_000);
  assert.deepEqual(failures, []);
  await page.close();
});
