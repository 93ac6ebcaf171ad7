// A panic inside the module: the package built with the test-panic feature (make
// pkg-test-panic) panics on the metadata value "__brp_test_panic__". The release profile aborts
// on panic, so the call traps, and the wrapper must report the panic and reset the module.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const { applyPatch, applyPatchJson, checkEic, createPatch, PatchError, toProblemDetails, validatePatch, validatePatchJson, wasmMemoryBytes } = require("../../target/pkg-test-panic/index.cjs");

const trigger = { metadata: { note: "__brp_test_panic__" } };
const customer = { id: "cust_1", status: "active", metadata: { a: "1" } };

function assertPanicIssue(issue) {
  assert.equal(issue.code, "validation_failed");
  assert.equal(issue.pointer, "");
  assert.equal(issue.severity, "error");
  assert.match(issue.params.panic, /forced panic: metadata value "__brp_test_panic__" in a test-panic build/);
  assert.match(issue.params.panic, /src\/rules\/metadata\.rs/);
  assert.ok(issue.message.includes(issue.params.panic), issue.message);
}

/** Asserts that `call` throws a PatchError whose first issue reports the forced panic. */
function assertThrowsPanic(call) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof PatchError, `expected PatchError, got ${error}`);
    assertPanicIssue(error.issues[0]);
    return true;
  });
}

test("applyPatch turns a panic into PatchError", () => {
  assert.throws(
    () => applyPatch(customer, trigger),
    (error) => {
      assert.ok(error instanceof PatchError, `expected PatchError, got ${error}`);
      assert.equal(error.issues.length, 1);
      assertPanicIssue(error.issues[0]);
      return true;
    },
  );
  assert.deepEqual(applyPatch(customer, { status: "pending" }), { ...customer, status: "pending" });
});

test("validatePatch returns a panic as an issue", () => {
  const result = validatePatch(trigger);
  assert.equal(result.valid, false);
  assert.equal(result.errors.length, 1);
  assertPanicIssue(result.errors[0]);
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(validatePatch({ status: "active" }), { valid: true, errors: [], warnings: [] });
});

test("panic message is taken once", () => {
  validatePatch(trigger);
  const [issue] = validatePatch({ status: 1 }).errors;
  assert.equal(issue.code, "invalid_type");
  assert.equal(issue.params.panic, undefined);
});

test("repeated panics keep the module usable", () => {
  for (let round = 0; round < 50; round += 1) {
    assert.throws(() => applyPatch(customer, trigger), PatchError);
    assert.equal(validatePatch({ metadata: { note: "fine" } }).valid, true);
  }
  assert.equal(checkEic("10YDE-RWENET---I").valid, true);
  assert.ok(wasmMemoryBytes() > 0);
});

test("release package has no trigger", async () => {
  const release = await import("brp-customer-patch");
  assert.deepEqual(release.validatePatch(trigger), { valid: true, errors: [], warnings: [] });
});

test("text written into module memory survives a panic and the reset", () => {
  // Without options, short text takes the wrapper's fast way, whose view of the module's
  // memory must follow the module to its new instance.
  const triggerText = JSON.stringify(trigger);
  for (let round = 0; round < 5; round += 1) {
    const result = validatePatchJson(triggerText);
    assert.equal(result.errors.length, 1);
    assertPanicIssue(result.errors[0]);
    assert.deepEqual(validatePatchJson(`{"status":"pending"}`), { valid: true, errors: [], warnings: [] });
    assert.throws(() => applyPatchJson(JSON.stringify(customer), triggerText), PatchError);
    assert.equal(applyPatchJson(`{"id":"c1"}`, `{"metadata":{"a":"1"}}`), `{"id":"c1","metadata":{"a":"1"}}`);
  }
});

test("a panic in a nested call fails the calls around it", () => {
  // A getter of the outer call's input calls the package again, and that call panics. The outer
  // call ran on the same instance, so it must not return a result from it.
  let nested;
  const patch = {
    status: "pending",
    get metadata() {
      nested = validatePatch(trigger);
      return { a: "1" };
    },
  };
  assertThrowsPanic(() => applyPatch(customer, patch));
  assertPanicIssue(nested.errors[0]);

  const outer = validatePatch(patch);
  assert.equal(outer.valid, false);
  assertPanicIssue(outer.errors[0]);
  // Each result has its own issue object.
  assert.notEqual(outer.errors[0], nested.errors[0]);

  assert.deepEqual(applyPatch(customer, { status: "pending" }), { ...customer, status: "pending" });
  assert.deepEqual(validatePatch({ metadata: { a: "1" } }), { valid: true, errors: [], warnings: [] });
});

test("an exception through a nested call fails the calls around it", () => {
  // The nested call's exception passes through the module's frames, which skips Rust's
  // clean-up, as a stack overflow would. The getter lets it through to the outer call.
  const patch = {
    get metadata() {
      validatePatch({ metadata: { note: "__brp_test_throw__" } });
      return { a: "1" };
    },
  };
  const outer = validatePatch(patch);
  assert.equal(outer.valid, false);
  assert.equal(outer.errors.length, 1);
  assert.equal(outer.errors[0].code, "validation_failed");
  assert.equal(outer.errors[0].params.panic, 'a nested call was interrupted by Error: forced exception: metadata value "__brp_test_throw__" in a test-panic build');
  // Usually the caller's getter is at fault, so the message points there instead of requesting a
  // report.
  assert.match(outer.errors[0].message, /Check getters of the input that call the package again\.$/);
  assert.doesNotMatch(outer.errors[0].message, /Please report/);

  assert.throws(() => validatePatch({ metadata: { note: "__brp_test_throw__" } }), { message: /forced exception/ });
  assert.deepEqual(validatePatch({ metadata: { a: "1" } }), { valid: true, errors: [], warnings: [] });
  assert.deepEqual(applyPatch(customer, { status: "pending" }), { ...customer, status: "pending" });
});

test("a failed merge around a nested panic throws PatchError", () => {
  // The failed merge leaves its issues in the module, but the nested panic broke the instance
  // first, so the panic is reported, not an error from reading those issues.
  const options = {
    get locale() {
      validatePatch(trigger);
      return "de";
    },
  };
  const calls = [
    () => applyPatch(customer, { status: "approved" }, options),
    () => applyPatchJson('{"id":"c"}', '{"status":"approved"}', options),
    () => applyPatchJson('{"id":"c"}', `{"status":"approved"}${" ".repeat(16_385)}`, options),
    () => createPatch({ id: "a" }, { id: "b" }, options),
  ];
  for (const call of calls) {
    assertThrowsPanic(call);
    assert.equal(applyPatchJson('{"id":"c"}', '{"status":"active"}'), '{"id":"c","status":"active"}');
  }
});

test("a panic in a toProblemDetails option getter", () => {
  const failed = validatePatchJson('{"status":"approved"}');
  const options = {
    get locale() {
      validatePatchJson(JSON.stringify(trigger));
      return "de";
    },
  };
  assertThrowsPanic(() => toProblemDetails(failed, options));
  for (let round = 0; round < 20; round += 1) {
    assert.equal(applyPatchJson('{"id":"c"}', '{"status":"active"}'), '{"id":"c","status":"active"}');
  }
  assert.equal(toProblemDetails(failed, { locale: "de" }).status, 400);
});
