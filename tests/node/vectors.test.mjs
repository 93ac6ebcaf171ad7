// Runs every conformance vector against the built npm package, the way the Rust runner
// (tests/vectors.rs) runs them against the core.
import assert from "node:assert/strict";
import { test } from "node:test";

import { applyPatch, PatchError, validatePatch } from "brp-customer-patch";

import { codesAndPointers, deepFreeze, loadCases, revive, withoutGetters } from "./vectors.mjs";

const cases = loadCases();
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);

test("vector files hold at least 100 cases", () => {
  assert.ok(cases.length >= 100, `found ${cases.length}`);
});

for (const vector of cases) {
  test(`${vector.file}: ${vector.name}`, () => {
    const patch = deepFreeze(revive(vector.patch));
    const pristinePatch = revive(vector.patch);

    const result = validatePatch(patch, vector.options);
    assert.deepEqual(codesAndPointers(result.errors), vector.errors, "errors");
    assert.deepEqual(codesAndPointers(result.warnings), vector.warnings, "warnings");
    assert.equal(result.valid, vector.errors.length === 0, "valid");
    for (const issue of [...result.errors, ...result.warnings]) {
      assert.equal(typeof issue.message, "string");
      assert.ok(issue.message.length > 20, `message of ${issue.code} at ${issue.pointer}: ${issue.message}`);
    }

    if ("customer" in vector) {
      const customer = deepFreeze(revive(vector.customer));
      const pristineCustomer = revive(vector.customer);
      if ("result" in vector) {
        const updated = applyPatch(customer, patch, vector.options);
        assert.equal(JSON.stringify(updated), JSON.stringify(vector.result), "result, with key order");
        assert.deepEqual(JSON.parse(JSON.stringify(updated)), vector.result, "result");
        assert.notEqual(updated, customer, "a new object");
      } else {
        assert.throws(
          () => applyPatch(customer, patch, vector.options),
          (error) => {
            assert.ok(error instanceof PatchError, `expected PatchError, got ${error}`);
            assert.deepEqual(codesAndPointers(error.issues), vector.applyErrors, "applyErrors");
            return true;
          },
        );
      }
      assert.deepEqual(withoutGetters(customer), withoutGetters(pristineCustomer), "customer unchanged");
    }

    assert.deepEqual(patch, pristinePatch, "patch unchanged");
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), prototypeKeys, "Object.prototype unchanged");
    assert.equal({}.polluted, undefined);
  });
}
