// The text entry points beyond the vectors: wrong argument types, size limits, deep nesting.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { applyPatchJson, PatchError, toProblemDetails, validatePatch, validatePatchJson } from "brp-customer-patch";

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

test("escaped raw lone surrogate is invalid JSON", () => {
  const body = '{"metadata":{"k":"\\\uD800"}}';
  assert.throws(() => JSON.parse(body), SyntaxError);
  const result = validatePatchJson(body);
  assert.deepEqual(result.errors.map((issue) => [issue.code, issue.pointer]), [["invalid_json", "/metadata"]]);

  const evenBackslashes = '{"metadata":{"k":"\\\\\uD800"}}';
  assert.deepEqual(validatePatchJson(evenBackslashes).errors.map((issue) => [issue.code, issue.pointer]), [["invalid_format", "/metadata/k"]]);
});

test("columns count a raw lone surrogate once", () => {
  for (const [body, column] of [['{"\uD800":1,}', 8], ['{"\uD800\uD800":1,}', 9], ['{"a":"\uDC00", x}', 11]]) {
    const [issue] = validatePatchJson(body).errors;
    assert.equal(issue.code, "invalid_json", body);
    assert.equal(issue.params.column, column, body);
  }
});

test("size limit counts UTF-8 bytes", () => {
  const body = `{"metadata":{"k":"${"\u00e4".repeat(10)}"}}`;
  assert.equal(body.length, 31);
  const early = validatePatchJson(body, { maxBytes: 30 }).errors[0];
  assert.deepEqual(early.params, { maximum: 30, actual: 31, limit: "maxBytes" });
  assert.match(early.message, /has at least 31 bytes/);

  const exact = validatePatchJson(body, { maxBytes: 40 }).errors[0];
  assert.deepEqual(exact.params, { maximum: 40, actual: 41, limit: "maxBytes" });
  assert.match(exact.message, /has 41 bytes,/);
  assert.equal(validatePatchJson(body, { maxBytes: 41 }).valid, true);

  const lone = '{"metadata":{"k":"\uD800"}}';
  assert.equal(new TextEncoder().encode(lone).length, 24);
  assert.equal(validatePatchJson(lone, { maxBytes: 24 }).errors[0].code, "invalid_format");
});

test("size limit is the same on the fast and the general way", () => {
  // 10 characters take the fast way into the module. 20,000 are past its 16,384 code units.
  for (const count of [10, 20_000]) {
    const body = `{"metadata":{"k":"${"\u00e4".repeat(count)}"}}`;
    const units = body.length;
    const bytes = units + count;
    const sizeIssue = (maxBytes) => validatePatchJson(body, { maxBytes }).errors.map((issue) => issue.params);
    assert.deepEqual(sizeIssue(units - 1), [{ maximum: units - 1, actual: units, limit: "maxBytes" }], `${count} characters`);
    assert.deepEqual(sizeIssue(bytes - 1), [{ maximum: bytes - 1, actual: bytes, limit: "maxBytes" }], `${count} characters`);
    assert.deepEqual(sizeIssue(bytes), [], `${count} characters`);

    // An oversized body is the only issue: the stored customer, broken here, is not read.
    try {
      applyPatchJson("{", body, { maxBytes: bytes - 1 });
      assert.fail("applyPatchJson accepted an oversized body");
    } catch (error) {
      assert.deepEqual(error.issues.map((issue) => [issue.code, issue.params.actual]), [["value_too_large", bytes]], `${count} characters`);
    }
  }
});

test("options give the same result on the fast and the general way", () => {
  const body = '{"status":"approved"}';
  const padded = body + " ".repeat(16_385);
  for (const options of [{ locale: "de" }, { locale: "de-AT", strict: true }, { limits: { maxMetadataKeys: 1 } }, {}]) {
    assert.deepEqual(validatePatchJson(body, options), validatePatchJson(padded, options), JSON.stringify(options));
  }
  assert.match(validatePatchJson(body, { locale: "de" }).errors[0].message, /ist kein gültiger Wert/);
});

test("malformed options throw before the text is read, on both ways", () => {
  for (const text of ['{"status":"active"}', "{".repeat(20_000), 42]) {
    assert.throws(() => validatePatchJson(text, { locale: 1 }), { name: "TypeError", message: 'options.locale must be a string such as "en" or "de".' });
    assert.throws(() => applyPatchJson("{}", text, { limits: { maxKeyLength: 1.5 } }), {
      name: "TypeError",
      message: "options.limits.maxKeyLength must be a non-negative whole number or undefined, not a fractional number.",
    });
  }
  const throwing = { get locale() { throw new Error("getter"); } };
  assert.throws(() => validatePatchJson("{}", throwing), { name: "TypeError", message: "options.locale could not be read because its getter or a proxy trap threw. Pass a plain value." });
  // A later call with default options is not affected.
  assert.deepEqual(validatePatchJson('{"status":"approved"}').errors[0].params, { received: "approved", options: ["pending", "active", "deactivated"] });
});

test("option getter with a nested call", () => {
  const options = {
    get locale() {
      assert.equal(applyPatchJson('{"id":"inner"}', '{"status":"active"}', { strict: false }), '{"id":"inner","status":"active"}');
      return "de";
    },
  };
  assert.equal(applyPatchJson('{"id":"outer"}', '{"status":"pending"}', options), '{"id":"outer","status":"pending"}');
  const result = validatePatchJson('{"status":"approved"}', options);
  assert.equal(result.errors[0].pointer, "/status");
  assert.match(result.errors[0].message, /ist kein gültiger Wert/);
});

test("issues stop at one thousand", () => {
  const body = `{${Array.from({ length: 2_000 }, () => '"x":0').join(",")}}`;
  const { errors } = validatePatchJson(body);
  assert.equal(errors.length, 1_001);
  const last = errors.at(-1);
  assert.equal(last.code, "validation_failed");
  assert.equal(last.pointer, "");
  // 1,999 repeats and 2,000 unknown fields, of which the first 1,000 issues are listed.
  assert.deepEqual(last.params, { maximum: 1000, dropped: 2_999 });
});

test("problem details count the issues left out", () => {
  const body = `{${Array.from({ length: 2_000 }, () => '"x":0').join(",")}}`;
  const problem = toProblemDetails(validatePatchJson(body));
  // 1,999 repeats and 2,000 unknown fields, though only 1,000 issues and a summary are listed.
  assert.equal(problem.detail, "The patch has 3999 errors.");
  assert.equal(problem.errors.length, 1_001);
  assert.equal(toProblemDetails(validatePatchJson('{"x":0}')).detail, "The patch has 1 error.");
});

test("short text survives memory growth between calls", () => {
  // Short text is written into module memory through a view that growing the memory detaches.
  // A large object between two text calls makes the module grow its memory.
  const body = `{"metadata":{"a":"1"}}`;
  assert.deepEqual(validatePatchJson(body), { valid: true, errors: [], warnings: [] });

  const metadata = {};
  for (let index = 0; index < 50_000; index += 1) metadata[`key_${index}`] = `value ${index}`;
  assert.equal(validatePatch({ metadata }).valid, true);

  assert.deepEqual(validatePatchJson(`{"metadata":{"a":1}}`).errors.map((issue) => [issue.code, issue.pointer]), [["invalid_type", "/metadata/a"]]);
  assert.equal(applyPatchJson(`{"id":"c1"}`, body), `{"id":"c1","metadata":{"a":"1"}}`);
});

test("text works without String.prototype.isWellFormed", () => {
  // Runtimes that predate ES2024 lack the method. The package must then give the same
  // results, through the general way into the module.
  const script = `
    delete String.prototype.isWellFormed;
    const { applyPatchJson, validatePatchJson } = require(${JSON.stringify(fileURLToPath(new URL("../../pkg/index.cjs", import.meta.url)))});
    const results = [
      validatePatchJson('{"status":"active"}'),
      validatePatchJson('{"metadata":{"k":"a\\uD800"}}'),
      applyPatchJson('{"id":"c1"}', '{"metadata":{"a":"1"}}'),
    ];
    process.stdout.write(JSON.stringify(results));`;
  const [valid, lone, merged] = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  assert.deepEqual(valid, { valid: true, errors: [], warnings: [] });
  assert.deepEqual(lone.errors.map((issue) => [issue.code, issue.pointer]), [["invalid_format", "/metadata/k"]]);
  assert.equal(merged, `{"id":"c1","metadata":{"a":"1"}}`);
});
