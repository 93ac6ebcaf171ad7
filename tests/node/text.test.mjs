// The text entry points beyond the vectors: wrong argument types, size limits, deep nesting.
import assert from "node:assert/strict";
import { test } from "node:test";

import { applyPatchJson, PatchError, validatePatch, validatePatchJson } from "brp-customer-patch";

test("text entry points reject non-strings", () => {
  const result = validatePatchJson({ status: "active" });
  assert.equal(result.valid, false);
  assert.deepEqual(result.errors.map((issue) => [issue.code, issue.pointer]), [["invalid_type", ""]]);
  assert.deepEqual(result.errors[0].params, { expected: "string", received: "object" });
  assert.match(result.errors[0].message, /use validatePatch or applyPatch for parsed objects/);

  try {
    applyPatchJson({ id: "c" }, "{}");
    assert.fail("applyPatchJson accepted an object as the customer");
  } catch (error) {
    assert.ok(error instanceof PatchError);
    assert.equal(error.issues[0].params.subject, "customer");
    assert.match(error.message, /^Cannot apply the patch to this customer, 1 issue\. invalid_type: /);
  }
});

test("oversized body is rejected before parsing", () => {
  const text = `{"metadata":{"note":"${"x".repeat(2 * 1024 * 1024)}"}}`;
  const [issue] = validatePatchJson(text).errors;
  assert.equal(issue.code, "value_too_large");
  assert.equal(issue.pointer, "");
  assert.equal(issue.params.maximum, 1048576);
  assert.ok(issue.params.actual >= text.length);

  assert.equal(validatePatchJson(text, { maxBytes: 4 * 1024 * 1024 }).valid, true);
});

test("deep nesting in text never overflows", () => {
  const depth = 100_000;
  const deep = `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const [issue] = validatePatchJson(`{"metadata":{"deep":${deep}}}`).errors;
  assert.deepEqual([issue.code, issue.pointer], ["invalid_type", "/metadata/deep"]);

  const unclosed = validatePatchJson(`{"metadata":${"[".repeat(depth)}`).errors[0];
  assert.equal(unclosed.code, "invalid_json");

  const customer = `{"id":"c","archive":${deep}}`;
  assert.equal(applyPatchJson(customer, '{"status":"active"}'), `{"id":"c","archive":${deep},"status":"active"}`);
});

test("German summary in PatchError", () => {
  assert.throws(() => applyPatchJson('{"id":"c"}', '{"id":"x"}', { locale: "de" }), {
    name: "PatchError",
    message: "Ungültiger Patch, 1 Problem. read_only_field bei /id: id ist schreibgeschützt und wird nur vom Server gesetzt. Entfernen Sie das Feld aus dem PATCH-Body.",
  });
});

test("unknown options are TypeErrors", () => {
  assert.throws(() => validatePatch({}, { strcit: true }), {
    name: "TypeError",
    message: "Unknown option options.strcit. Known options: locale, strict, limits, maxBytes.",
  });
  assert.throws(() => validatePatchJson("{}", { limits: { maxKeys: 1 } }), TypeError);
  assert.throws(() => validatePatchJson("{}", { maxBytes: -1 }), { message: "options.maxBytes must be a non-negative whole number or undefined, not -1." });
});
