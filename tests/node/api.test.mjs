// The package's JavaScript API beyond the vectors: entry points, errors, locales, options.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { test } from "node:test";

import * as esm from "brp-customer-patch";

import { exampleCustomer, examplePatch } from "../fixtures/example.mjs";

const { applyPatch, checkEic, createPatch, PatchError, validatePatch } = esm;
const require = createRequire(import.meta.url);

test("require and import share one instance", () => {
  const cjs = require("brp-customer-patch");
  assert.equal(cjs.validatePatch, esm.validatePatch);
  assert.equal(cjs.PatchError, esm.PatchError);
  assert.equal(typeof cjs.applyPatch, "function");
});

test("init resolves in Node.js", async () => {
  assert.equal(await esm.default(), undefined);
  assert.equal(await esm.init(), undefined);
});

test("node -e prints the example merge", () => {
  const script = `const { applyPatch } = require("brp-customer-patch");
const customer = ${JSON.stringify(exampleCustomer)};
console.log(JSON.stringify(applyPatch(customer, ${JSON.stringify(examplePatch)})));`;
  const output = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(output.trim(), JSON.stringify({ ...exampleCustomer, status: "pending" }));
});

test("PatchError is a real Error subclass", () => {
  let caught;
  try {
    applyPatch(exampleCustomer, { id: "other", status: "approved" });
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof PatchError);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, "PatchError");
  assert.equal(caught.issues.length, 2);
  assert.match(caught.message, /^Invalid patch, 2 issues\. read_only_field at \/id: /);
  assert.ok(caught.stack.includes("PatchError"));
});

test("customer issues name the customer", () => {
  assert.throws(() => applyPatch("cust_r8s9t0u1", { status: "active" }), PatchError);
  try {
    applyPatch({ metadata: 5 }, { metadata: { a: "1" } });
    assert.fail("applyPatch returned for a customer whose metadata is a number");
  } catch (error) {
    assert.equal(error.issues[0].code, "invalid_type");
    assert.equal(error.issues[0].pointer, "/metadata");
    assert.equal(error.issues[0].params.subject, "customer");
    assert.match(error.issues[0].message, /^The customer's metadata must be an object, but it is a number/);
  }
});

test("German messages for de and de-DE", () => {
  for (const locale of ["de", "de-DE", "DE"]) {
    const [issue] = validatePatch({ id: "x" }, { locale }).errors;
    assert.equal(issue.message, "id ist schreibgeschützt und wird nur vom Server gesetzt. Entfernen Sie das Feld aus dem PATCH-Body.");
  }
});

test("unknown locale falls back to English", () => {
  const [issue] = validatePatch({ id: "x" }, { locale: "fr" }).errors;
  assert.equal(issue.message, "id is read-only and only the server sets it. Remove it from the PATCH body.");
});

test("enum issue lists the options", () => {
  const [issue] = validatePatch({ status: "approved" }).errors;
  assert.deepEqual(issue.params, { received: "approved", options: ["pending", "active", "deactivated"] });
  assert.equal(issue.message, '"approved" is not a valid status. Use one of: pending, active, deactivated.');
  assert.equal(issue.severity, "error");
});

test("EIC warning names the check character", () => {
  const result = validatePatch({ balance_group: { eic: "10YDE-RWENET---X", tso: "DE_AMPRION" } });
  assert.equal(result.valid, true);
  assert.equal(result.warnings.length, 1);
  const [warning] = result.warnings;
  assert.equal(warning.severity, "warning");
  assert.deepEqual(warning.params, { expectedCheckCharacter: "I", received: "X" });
  assert.match(warning.message, /should be 'I', not 'X'/);
});

test("undefined metadata value says to use null", () => {
  const [issue] = validatePatch({ metadata: { region: undefined } }).errors;
  assert.equal(issue.pointer, "/metadata/region");
  assert.match(issue.message, /Use null to remove the key/);
});

test("checkEic on the reference codes", () => {
  for (const code of ["10YDE-RWENET---I", "10YDE-VE-------2", "10YDE-EON------1", "10YDE-ENBW-----N", "10Y1001A1001A83F"]) {
    assert.deepEqual(checkEic(code), { valid: true, objectType: "Y", expectedCheckCharacter: code.at(-1), issues: [] }, code);
  }
  assert.deepEqual(checkEic("22XWATTPLUS----G"), { valid: true, objectType: "X", expectedCheckCharacter: "G", issues: [] });

  const typo = checkEic("22XWATTPLUS----X", { locale: "de" });
  assert.equal(typo.valid, false);
  assert.equal(typo.expectedCheckCharacter, "G");
  assert.equal(typo.issues[0].code, "invalid_format");
  assert.match(typo.issues[0].message, /^Das Prüfzeichen des EIC müsste „G“ lauten/);
});

test("checkEic on a short code and a non-string", () => {
  const short = checkEic("11YSOLARDACH--A");
  assert.equal(short.valid, false);
  assert.equal(short.objectType, undefined);
  // Computed by hand: the weighted sum of the 15 characters is 2336, and 36 - (2335 mod 37) = 32.
  assert.equal(short.expectedCheckCharacter, "W");
  assert.deepEqual(short.issues[0].params, { expected: 16, actual: 15 });

  const number = checkEic(42);
  assert.equal(number.valid, false);
  assert.equal(number.issues[0].code, "invalid_type");
});

test("malformed options throw TypeError", () => {
  assert.throws(() => validatePatch({}, { strict: "yes" }), { name: "TypeError", message: "options.strict must be true or false." });
  assert.throws(() => validatePatch({}, { limits: { maxMetadataKeys: -1 } }), TypeError);
  assert.throws(() => validatePatch({}, { locale: 7 }), TypeError);
  assert.throws(() => validatePatch({}, "de"), TypeError);
  assert.equal(validatePatch({}, null).valid, true);
  assert.equal(validatePatch({}, {}).valid, true);
});

test("prototype keys never pollute", () => {
  const patch = JSON.parse('{"metadata":{"polluted":"x","__proto__":"y"}}');
  const result = applyPatch(exampleCustomer, patch);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.getPrototypeOf(result.metadata), Object.prototype);
  assert.deepEqual(Object.keys(result.metadata), ["customer_number", "cost_center", "region", "polluted", "__proto__"]);
  assert.equal(Object.getOwnPropertyDescriptor(result.metadata, "__proto__").value, "y");
  assert.equal(JSON.stringify(result.metadata), '{"customer_number":"KD-2026-0815","cost_center":"CC-4200","region":"NRW","polluted":"x","__proto__":"y"}');
});

test("result round-trips through JSON", () => {
  const result = applyPatch(exampleCustomer, { balance_group: { eic: "10YDE-EON------1", tso: "DE_TENNET" }, metadata: { region: null } });
  assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.equal(Object.getPrototypeOf(result.balance_group), Object.prototype);
});

test("frozen inputs are not changed", () => {
  const customer = structuredClone(exampleCustomer);
  const patch = { status: "deactivated", metadata: { region: null, contract: "V-1" } };
  Object.freeze(customer.metadata);
  Object.freeze(customer);
  Object.freeze(patch.metadata);
  Object.freeze(patch);
  const result = applyPatch(customer, patch);
  assert.equal(result.status, "deactivated");
  assert.deepEqual(customer, exampleCustomer);
  assert.deepEqual(patch, { status: "deactivated", metadata: { region: null, contract: "V-1" } });
  assert.equal(Object.isFrozen(result), false);
});

test("lone surrogate pointer keeps the key", () => {
  const key = "k\uD800";
  const [issue] = validatePatch({ metadata: { [key]: "x" } }).errors;
  assert.equal(issue.code, "invalid_format");
  assert.equal(issue.pointer, `/metadata/${key}`);
  assert.equal(issue.pointer.isWellFormed(), false);
});

test("validatePatch never throws on odd values", () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwingGetter = { get status() { throw new Error("getter"); } };
  const lyingProxy = new Proxy({}, { ownKeys: () => { throw new Error("ownKeys"); } });
  const odd = [undefined, null, 0, -0, NaN, 1n, Symbol("s"), () => {}, [], new Map(), new Set(), new Date(), /x/, new Uint8Array(2),
    revoked.proxy, throwingGetter, lyingProxy, { metadata: lyingProxy }, { balance_group: throwingGetter }, Object.create(null)];
  for (const value of odd) {
    const result = validatePatch(value);
    assert.equal(typeof result.valid, "boolean");
    assert.ok(Array.isArray(result.errors));
  }
  assert.equal(validatePatch(throwingGetter).errors[0].code, "invalid_type");
  assert.equal(validatePatch(throwingGetter).errors[0].pointer, "/status");
  assert.equal(validatePatch(lyingProxy).errors[0].pointer, "");
});

test("createPatch sends only what changed", () => {
  const edited = structuredClone(exampleCustomer);
  edited.status = "deactivated";
  delete edited.metadata.region;
  edited.metadata.tariff = "H0";

  const patch = createPatch(exampleCustomer, edited);
  assert.deepEqual(patch, { status: "deactivated", metadata: { tariff: "H0", region: null } });
  assert.deepEqual(applyPatch(exampleCustomer, patch), edited);
  assert.deepEqual(createPatch(exampleCustomer, structuredClone(exampleCustomer)), {});
});

test("createPatch throws PatchError for read-only change", () => {
  const edited = { ...exampleCustomer, name: "Other GmbH", updated_at: "2026-02-01T00:00:00Z" };
  assert.throws(
    () => createPatch(exampleCustomer, edited, { locale: "de" }),
    (error) => {
      assert.ok(error instanceof PatchError);
      assert.deepEqual(
        error.issues.map((issue) => [issue.code, issue.pointer]),
        [["read_only_field", "/name"], ["unknown_field", "/updated_at"]],
      );
      assert.match(error.issues[0].message, /schreibgeschützt/);
      return true;
    },
  );
});
