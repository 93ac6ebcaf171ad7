// Property: for every JSON value v, validatePatchJson(JSON.stringify(v)) reports exactly what
// validatePatch(v) reports, issue for issue, and applyPatchJson agrees with applyPatch.
import assert from "node:assert/strict";
import { test } from "node:test";

import { applyPatch, applyPatchJson, PatchError, validatePatch, validatePatchJson } from "brp-customer-patch";

import { patchLike, randomSource } from "./generate.mjs";

const cases = 5_000;
const customer = {
  id: "cust_r8s9t0u1",
  status: "active",
  balance_group: { eic: "11YSOLARDACH--A", tso: "DE_AMPRION" },
  metadata: { customer_number: "KD-2026-0815", region: "NRW" },
  score: 1.5,
};

test("text and object paths agree", () => {
  const random = randomSource(20261204);
  const customerText = JSON.stringify(customer);
  let valid = 0;
  for (let index = 0; index < cases; index += 1) {
    const patch = patchLike(random);
    const text = JSON.stringify(patch);
    const locale = random.pick(["en", "de"]);

    const fromObject = validatePatch(patch, { locale });
    const fromText = validatePatchJson(text, { locale });
    assert.deepEqual(fromText, fromObject, `case ${index}: ${text}`);

    if (!fromObject.valid) {
      assert.throws(() => applyPatchJson(customerText, text), PatchError, `case ${index}: ${text}`);
      continue;
    }
    valid += 1;
    assert.equal(applyPatchJson(customerText, text), JSON.stringify(applyPatch(customer, patch)), `case ${index}: ${text}`);
  }
  // The generator must reach both outcomes often enough for the property to mean something.
  assert.ok(valid > cases / 10, `only ${valid} valid bodies`);
  assert.ok(valid < cases - cases / 10, `only ${cases - valid} invalid bodies`);
});

test("lone surrogates keep their pointer on both paths", () => {
  const key = "k\uD800";
  const patch = { metadata: { [key]: "x", ok: "a\uDFFFb" } };
  const text = JSON.stringify(patch);
  assert.ok(text.includes("\\ud800"), "JSON.stringify escapes the lone surrogate");

  const fromText = validatePatchJson(text);
  assert.deepEqual(fromText, validatePatch(patch));
  assert.deepEqual(fromText.errors.map((issue) => [issue.code, issue.pointer]), [["invalid_format", `/metadata/${key}`], ["invalid_format", "/metadata/ok"]]);
});

test("raw lone surrogate in text is reported, not replaced", () => {
  const text = `{"metadata":{"k":"a\uD800"}}`;
  const result = validatePatchJson(text);
  assert.deepEqual(result.errors.map((issue) => [issue.code, issue.pointer]), [["invalid_format", "/metadata/k"]]);
});
