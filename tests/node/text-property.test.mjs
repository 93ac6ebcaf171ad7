// Property: for every JSON value v, validatePatchJson(JSON.stringify(v)) reports exactly what
// validatePatch(v) reports, issue for issue, and applyPatchJson agrees with applyPatch.
import assert from "node:assert/strict";
import { test } from "node:test";

import { applyPatch, applyPatchJson, PatchError, validatePatch, validatePatchJson } from "brp-customer-patch";

import { patchLike, randomSource } from "./generate.mjs";

const cases = 5_000;

// White space that JSON allows after the value, long enough to take a text past the 16,384
// UTF-16 code units up to which the wrapper writes it straight into module memory.
const GENERAL_WAY_PADDING = " ".repeat(16_385);
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
    // Short well-formed text takes the wrapper's fast way into the module, through its memory.
    // The same text padded past the fast way's length takes the general way. All must agree.
    const padded = text + GENERAL_WAY_PADDING;
    const locale = random.pick(["en", "de"]);

    const fromObject = validatePatch(patch, { locale });
    assert.deepEqual(validatePatchJson(text, { locale }), fromObject, `case ${index}: ${text}`);
    assert.deepEqual(validatePatchJson(padded, { locale }), fromObject, `case ${index}, general way: ${text}`);
    assert.deepEqual(validatePatchJson(text), validatePatch(patch), `case ${index}, no options: ${text}`);

    if (!fromObject.valid) {
      assert.throws(() => applyPatchJson(customerText, text), PatchError, `case ${index}: ${text}`);
      assert.throws(() => applyPatchJson(customerText, padded, {}), PatchError, `case ${index}, general way: ${text}`);
      continue;
    }
    valid += 1;
    const merged = JSON.stringify(applyPatch(customer, patch));
    assert.equal(applyPatchJson(customerText, text), merged, `case ${index}: ${text}`);
    assert.equal(applyPatchJson(customerText, text, {}), merged, `case ${index}, options: ${text}`);
    assert.equal(applyPatchJson(customerText, padded, {}), merged, `case ${index}, general way: ${text}`);
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

test("text past the fast way's length takes the general way with the same result", () => {
  // 16,384 UTF-16 code units is where the wrapper stops writing text into module memory.
  for (const units of [16_380, 16_384, 16_385, 40_000]) {
    const filler = "x".repeat(units - `{"metadata":{"note":""}}`.length);
    const text = `{"metadata":{"note":"${filler}"}}`;
    assert.equal(text.length, units);
    assert.deepEqual(validatePatchJson(text), { valid: true, errors: [], warnings: [] }, `${units} units`);
    const limited = validatePatchJson(text, { limits: { maxValueLength: 100 } });
    assert.deepEqual(limited.errors.map((issue) => [issue.code, issue.pointer]), [["value_too_large", "/metadata/note"]], `${units} units`);
    assert.equal(applyPatchJson(`{"id":"c1"}`, text), `{"id":"c1","metadata":{"note":"${filler}"}}`, `${units} units`);
  }
});

test("raw lone surrogate in text is reported, not replaced", () => {
  const text = `{"metadata":{"k":"a\uD800"}}`;
  const result = validatePatchJson(text);
  assert.deepEqual(result.errors.map((issue) => [issue.code, issue.pointer]), [["invalid_format", "/metadata/k"]]);
});
