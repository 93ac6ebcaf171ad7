// Runs every conformance vector against the built npm package, the way the Rust runner
// (tests/vectors.rs) runs them against the core.
import assert from "node:assert/strict";
import { test } from "node:test";

import { applyPatch, applyPatchJson, PatchError, validatePatch, validatePatchJson } from "brp-customer-patch";

import { deepFreeze, loadCases, revive, withoutGetters } from "./vectors.mjs";

const cases = loadCases();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);

/** Reduces issues to what a vector fixes: code, pointer, and the params the vector names. */
function comparable(actual, expected) {
  return actual.map((issue, index) => {
    const wanted = expected[index]?.params;
    const params = wanted ? Object.fromEntries(Object.keys(wanted).map((name) => [name, issue.params?.[name]])) : undefined;
    return params ? { code: issue.code, pointer: issue.pointer, params } : { code: issue.code, pointer: issue.pointer };
  });
}

function assertReport(result, vector, label) {
  assert.deepEqual(comparable(result.errors, vector.errors), vector.errors, `${label} errors`);
  assert.deepEqual(comparable(result.warnings, vector.warnings), vector.warnings, `${label} warnings`);
  assert.equal(result.valid, vector.errors.length === 0, `${label} valid`);
  for (const issue of [...result.errors, ...result.warnings]) {
    assert.ok(issue.message.length > 20, `message of ${issue.code} at ${issue.pointer}: ${issue.message}`);
  }
}

function assertPatchError(call, expected, label) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof PatchError, `${label}: expected PatchError, got ${error}`);
    assert.deepEqual(comparable(error.issues, expected), expected, `${label} applyErrors`);
    return true;
  });
}

/** Returns whether JSON can carry the value unchanged, so the text entry points apply. */
function expressibleAsJson(value) {
  return !JSON.stringify(value).includes('"$js"');
}

test("vector files hold at least 150 cases", () => {
  assert.ok(cases.length >= 150, `found ${cases.length}`);
});

for (const vector of cases.filter((candidate) => "patchText" in candidate)) {
  test(`${vector.file}: ${vector.name}`, () => {
    assertReport(validatePatchJson(vector.patchText, vector.options), vector, "text");
    if ("resultText" in vector) {
      assert.equal(applyPatchJson(vector.customerText, vector.patchText, vector.options), vector.resultText);
    } else if ("applyErrors" in vector) {
      assertPatchError(() => applyPatchJson(vector.customerText, vector.patchText, vector.options), vector.applyErrors, "text");
    }
  });
}

for (const vector of cases.filter((candidate) => "patch" in candidate)) {
  test(`${vector.file}: ${vector.name}`, () => {
    const patch = deepFreeze(revive(vector.patch));
    const pristinePatch = revive(vector.patch);
    assertReport(validatePatch(patch, vector.options), vector, "object");

    const patchText = expressibleAsJson(vector.patch) ? JSON.stringify(vector.patch) : undefined;
    if (patchText !== undefined) {
      assertReport(validatePatchJson(patchText, vector.options), vector, "text");
    }

    if ("customer" in vector) {
      const customer = deepFreeze(revive(vector.customer));
      const pristineCustomer = revive(vector.customer);
      const customerText = patchText !== undefined && expressibleAsJson(vector.customer) ? JSON.stringify(vector.customer) : undefined;
      if ("result" in vector) {
        const updated = applyPatch(customer, patch, vector.options);
        assert.equal(JSON.stringify(updated), JSON.stringify(vector.result), "result, with key order");
        assert.deepEqual(JSON.parse(JSON.stringify(updated)), vector.result, "result");
        assert.notEqual(updated, customer, "a new object");
        if (customerText !== undefined) {
          assert.equal(applyPatchJson(customerText, patchText, vector.options), JSON.stringify(vector.result), "text result");
        }
      } else {
        assertPatchError(() => applyPatch(customer, patch, vector.options), vector.applyErrors, "object");
        if (customerText !== undefined) {
          assertPatchError(() => applyPatchJson(customerText, patchText, vector.options), vector.applyErrors, "text");
        }
      }
      assert.deepEqual(withoutGetters(customer), withoutGetters(pristineCustomer), "customer unchanged");
    }

    assert.deepEqual(patch, pristinePatch, "patch unchanged");
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), prototypeKeys, "Object.prototype unchanged");
    assert.equal({}.polluted, undefined);
  });
}
