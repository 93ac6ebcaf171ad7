// Inputs and environments that once broke the package: each must give issues, never a throw
// through the WebAssembly module, and later calls must still work.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { applyPatch, applyPatchJson, checkEic, createPatch, PatchError, toProblemDetails, validatePatch, validatePatchJson, wasmMemoryBytes } from "brp-customer-patch";

/** Asserts that the module still handles a valid call correctly. */
function assertStillWorks() {
  assert.deepEqual(validatePatch({ status: "active" }), { valid: true, errors: [], warnings: [] });
}

test("long key with lone surrogate", () => {
  const key = `\uD800${"k".repeat(200_000)}`;
  for (const patch of [{ metadata: { [key]: "v" } }, { [key]: 1 }, { balance_group: { [key]: "x" } }]) {
    const [issue] = validatePatch(patch).errors;
    assert.equal(issue.pointer.endsWith(key), true);
    assert.equal(issue.pointer.length, issue.pointer.indexOf("\uD800") + key.length);
  }
  assert.throws(() => applyPatch({ id: "c" }, { metadata: { [key]: "v" } }), PatchError);
  assertStillWorks();
});

test("long non-ASCII metadata round-trips", () => {
  // Longer than the bindings' first buffer for an object level, so the level is written twice.
  const key = "\u00e9".repeat(3000);
  const value = `${"\u00fc".repeat(5000)}\u{1f600}`;
  const patch = { metadata: { [key]: value, b: "\u20ac" } };
  assert.deepEqual(validatePatch(patch), { valid: true, errors: [], warnings: [] });

  const updated = applyPatch({ id: "c", metadata: { a: "1" } }, patch);
  assert.deepEqual(Object.keys(updated.metadata), ["a", key, "b"]);
  assert.equal(updated.metadata[key], value);
  assert.equal(updated.metadata.b, "\u20ac");
  assertStillWorks();
});

test("setters on Object.prototype are not called", (context) => {
  const seen = [];
  Object.defineProperty(Object.prototype, "legacy_id", { set(value) { seen.push(value); }, get() { return undefined; }, configurable: true });
  Object.defineProperty(Object.prototype, "code", { set() { throw new Error("hostile setter"); }, get() { return undefined; }, configurable: true });
  context.after(() => {
    delete Object.prototype.legacy_id;
    delete Object.prototype.code;
  });

  for (let round = 0; round < 3_000; round += 1) {
    const result = applyPatch({ id: "c1", legacy_id: "L-9" }, { status: "pending" });
    assert.equal(Object.getOwnPropertyDescriptor(result, "legacy_id").value, "L-9");
    const [issue] = validatePatch({ id: "x" }).errors;
    assert.equal(Object.getOwnPropertyDescriptor(issue, "code").value, "read_only_field");
  }
  assert.deepEqual(seen, []);
  assertStillWorks();
});

test("unreadable customer metadata is an error", () => {
  const metadata = new Proxy({ cost_center: "4711" }, { ownKeys() { throw new Error("ownKeys denied"); } });
  assert.throws(
    () => applyPatch({ id: "c1", metadata }, { metadata: { region: "north" } }),
    (error) => {
      assert.ok(error instanceof PatchError);
      assert.deepEqual(error.issues.map((issue) => [issue.code, issue.pointer, issue.params.subject]), [["invalid_type", "/metadata", "customer"]]);
      return true;
    },
  );
});

test("throwing customer getter is an error", () => {
  const customer = { status: "active", get updated_at() { throw new Error("getter"); } };
  assert.throws(
    () => applyPatch(customer, { status: "pending" }),
    (error) => {
      assert.deepEqual(error.issues.map((issue) => [issue.code, issue.pointer]), [["invalid_type", "/updated_at"]]);
      assert.match(error.issues[0].message, /could not be read/);
      return true;
    },
  );

  const metadata = { get cost_center() { throw new Error("getter"); }, b: "1" };
  assert.throws(() => applyPatch({ metadata }, { metadata: { c: "3" } }), (error) => error.issues[0].pointer === "/metadata/cost_center");
});

test("all-zero EIC has check character 0", () => {
  assert.deepEqual(checkEic("0000000000000000"), { valid: true, objectType: "0", expectedCheckCharacter: "0", issues: [] });
});

test("messages shorten huge values", () => {
  const [issue] = validatePatch({ status: "x".repeat(10_000_000) }).errors;
  assert.ok(issue.message.length < 200, `message of ${issue.message.length} characters`);
  assert.equal(issue.params.received.length, 10_000_000);
});

test("getter that calls the package again", () => {
  const patch = {
    status: "pending",
    get metadata() {
      assert.equal(validatePatch({ id: "x" }).valid, false);
      return { a: "1" };
    },
  };
  assert.deepEqual(validatePatch(patch), { valid: true, errors: [], warnings: [] });

  const customer = {
    id: "c",
    get extra() {
      assert.deepEqual(applyPatch({ id: "d" }, { status: "active" }), { id: "d", status: "active" });
      return 5;
    },
    metadata: { b: "2" },
  };
  assert.deepEqual(applyPatch(customer, { metadata: { a: "1" } }), { id: "c", extra: 5, metadata: { b: "2", a: "1" } });
});

test("createPatch keeps equal dates", () => {
  const customer = { id: "c", status: "active", updated_at: new Date(0), metadata: {} };
  assert.deepEqual(createPatch(customer, structuredClone(customer)), {});
  const later = { ...customer, updated_at: new Date(1) };
  assert.throws(() => createPatch(customer, later), (error) => error.issues[0].code === "unknown_field");
});

test("later calls work after a nested stack overflow", () => {
  let depth = 0;
  const patch = {
    get metadata() {
      depth += 1;
      validatePatch(patch);
      return {};
    },
  };
  // Where the stack runs out decides whether a getter catches the overflow or the caller gets
  // it. Either is fine as long as the module keeps working.
  try {
    assert.equal(typeof validatePatch(patch).valid, "boolean");
  } catch (error) {
    assert.ok(error instanceof RangeError, `expected a RangeError, got ${error}`);
  }
  assert.ok(depth > 10, `recursed ${depth} times`);
  assertStillWorks();
  assert.deepEqual(applyPatch({ id: "c" }, { status: "active" }), { id: "c", status: "active" });
});

test("createPatch with a throwing array proxy", () => {
  // A TypeError from the caller's Proxy once passed through the module without a reset, and
  // after about 1,260 such calls a valid call trapped.
  const trap = new Proxy([1], {
    get(target, key) {
      if (key === "length") throw new TypeError("the caller's proxy");
      return Reflect.get(target, key);
    },
  });
  const throwingItem = [1];
  Object.defineProperty(throwingItem, 0, {
    get() {
      throw new Error("the caller's getter");
    },
  });
  for (let call = 0; call < 2_000; call += 1) {
    for (const extra of [trap, throwingItem]) {
      assert.throws(
        () => createPatch({ id: "c", extra: [1] }, { id: "c", extra }),
        (error) => error instanceof PatchError && error.issues[0].pointer === "/extra",
      );
    }
    assertStillWorks();
  }
});

test("createPatch with huge sparse arrays", () => {
  // Arrays longer than a million items count as changed instead of being walked item by item.
  const left = [];
  const right = [];
  left.length = 2 ** 32 - 1;
  right.length = 2 ** 32 - 1;
  assert.throws(
    () => createPatch({ id: "c", extra: left }, { id: "c", extra: right }),
    (error) => error instanceof PatchError && error.issues[0].code === "unknown_field",
  );
  assertStillWorks();
});

test("options are read as properties", () => {
  // A limit that is not an own enumerable property, as Object.defineProperty makes it, still
  // applies, on the fast and the general way into the module.
  const hidden = Object.defineProperty({}, "maxBytes", { value: 10 });
  for (const text of ['{"metadata":{"note":"a long value"}}', `{"metadata":{"note":"a long value"}}${" ".repeat(16_385)}`]) {
    assert.deepEqual(validatePatchJson(text, hidden).errors.map((issue) => issue.code), ["value_too_large"]);
  }

  // An option inherited from a polluted Object.prototype does not count.
  Object.prototype.maxBytes = 2 ** 40;
  try {
    const long = `{"metadata":{"note":"${"x".repeat(2_000_000)}"}}`;
    assert.deepEqual(validatePatchJson(long, { locale: "de" }).errors.map((issue) => issue.code), ["value_too_large"]);
  } finally {
    delete Object.prototype.maxBytes;
  }
});

test("option numbers out of range", () => {
  const message = (value) => `options.maxBytes must be a non-negative whole number or undefined, not ${value}.`;
  assert.throws(() => validatePatchJson("{}", { maxBytes: 2 ** 53 }), { name: "TypeError", message: message("a number over 9007199254740991") });
  assert.throws(() => validatePatchJson("{}", { maxBytes: -(2 ** 60) }), { name: "TypeError", message: message("a negative number") });
  assert.throws(() => validatePatchJson("{}", { maxBytes: 0.5 }), { name: "TypeError", message: message("a fractional number") });
  assert.throws(() => validatePatchJson("{}", { maxBytes: Infinity }), { name: "TypeError", message: message("a non-finite number") });
  assert.throws(() => validatePatchJson("{}", { maxBytes: -3 }), { name: "TypeError", message: message("-3") });
  assert.equal(validatePatchJson("{}", { maxBytes: 2 ** 53 - 1 }).valid, true);
});

test("option values behind a throwing proxy trap", () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(() => validatePatchJson("{}", { limits: proxy }), {
    name: "TypeError",
    message: "options.limits could not be read because its getter or a proxy trap threw. Pass a plain value.",
  });
  assert.throws(() => validatePatch({}, new Proxy({}, { ownKeys() { throw new Error("trap"); } })), {
    name: "TypeError",
    message: "options could not be read because a proxy trap threw. Pass a plain object.",
  });
  assertStillWorks();
});

test("options with many unknown keys", () => {
  // Only the first unknown key is copied into the module, so its memory does not grow with
  // the size of the options object.
  const options = {};
  for (let index = 0; index < 100_000; index += 1) options[`unknown_${index}`] = "x".repeat(20);
  const before = wasmMemoryBytes();
  assert.throws(() => validatePatch({}, options), { name: "TypeError", message: "Unknown option options.unknown_0. Known options: locale, strict, limits, maxBytes." });
  assert.throws(() => validatePatchJson("{}", options), { name: "TypeError", message: "Unknown option options.unknown_0. Known options: locale, strict, limits, maxBytes." });
  assert.ok(wasmMemoryBytes() - before < 1024 * 1024, `memory grew from ${before} to ${wasmMemoryBytes()} bytes`);
});

test("long strings in options of another type", () => {
  // Only the options that take a string have their text copied into the module.
  const long = "1".repeat(5_000_000);
  const before = wasmMemoryBytes();
  assert.throws(() => validatePatchJson("{}", { maxBytes: long }), { name: "TypeError", message: "options.maxBytes must be a non-negative whole number or undefined, not string." });
  assert.throws(() => validatePatch({}, { strict: long }), { name: "TypeError", message: "options.strict must be true or false." });
  assert.throws(() => validatePatch({}, { limits: { maxKeyLength: long } }), {
    name: "TypeError",
    message: "options.limits.maxKeyLength must be a non-negative whole number or undefined, not string.",
  });
  assert.ok(wasmMemoryBytes() - before < 1024 * 1024, `memory grew from ${before} to ${wasmMemoryBytes()} bytes`);
});

test("toProblemDetails whose issues throw when read", () => {
  // The exception comes from reading the caller's issues, not from the module, so a call
  // around it keeps its result.
  const odd = { errors: new Proxy([{ code: "c", pointer: "", message: "m" }], { get: (target, key) => (key === "length" ? Symbol("length") : target[key]) }) };
  assert.throws(() => toProblemDetails(odd), TypeError);
  const options = {
    get locale() {
      assert.throws(() => toProblemDetails(odd), TypeError);
      return "de";
    },
  };
  assert.deepEqual(validatePatch({ status: "active" }, options), { valid: true, errors: [], warnings: [] });
});

test("toProblemDetails options that call the package again", () => {
  const failed = validatePatchJson('{"status":"approved"}');
  let nested;
  const options = {
    get locale() {
      nested = applyPatchJson('{"id":"c"}', '{"status":"active"}', { locale: "de" });
      return "de";
    },
  };
  const problem = toProblemDetails(failed, options);
  assert.equal(nested, '{"id":"c","status":"active"}');
  assert.equal(problem.status, 400);
  assert.equal(problem.errors[0].code, "invalid_enum_value");
  assert.match(problem.detail, /1/);

  // The same getter, recursing until the stack runs out. Where it runs out decides whether the
  // overflow passes through the module. Either way, only a result, a PatchError or the
  // caller's RangeError may come out, and later calls work.
  const deep = {
    get locale() {
      try {
        toProblemDetails(failed, deep);
      } catch (error) {
        assert.ok(error instanceof RangeError || error instanceof PatchError, `unexpected ${error}`);
      }
      return "de";
    },
  };
  for (let round = 0; round < 3; round += 1) {
    try {
      assert.equal(toProblemDetails(failed, deep).status, 400);
    } catch (error) {
      assert.ok(error instanceof PatchError, `expected PatchError, got ${error}`);
      assert.equal(error.issues[0].code, "validation_failed");
    }
    assert.equal(applyPatchJson('{"id":"c"}', '{"status":"active"}'), '{"id":"c","status":"active"}');
  }
  assertStillWorks();
});

test("calls near the stack limit leave later calls working", () => {
  // Calls made just short of the JavaScript stack limit may run out of stack inside the module
  // or inside the wrapper's own clean-up. Later ordinary calls must still get their results.
  // Node runs only its interpreter here, which makes where the stack runs out repeatable.
  const script = `
    const { applyPatchJson, validatePatch, validatePatchJson } = require(${JSON.stringify(fileURLToPath(new URL("../../pkg/index.cjs", import.meta.url)))});
    const near = () => validatePatchJson('{"status":"x","metadata":{"k":"v"}}', { locale: "de" });
    near();
    const down = (depth, call) => (depth === 0 ? call() : down(depth - 1, call) + 0);
    let deepest = 0;
    for (let high = 1e6; deepest < high; ) {
      const middle = (deepest + high + 1) >> 1;
      try { down(middle, () => 0); deepest = middle; } catch { high = middle - 1; }
    }
    const failures = [];
    for (let round = 0; round < 20; round += 1) {
      for (let depth = deepest - 60; depth <= deepest; depth += 1) {
        try { down(depth, near); } catch {}
      }
      const merged = applyPatchJson('{"id":"c","metadata":{"m":"x"}}', '{"status":"pending","metadata":{"n":"\u00e4","m":null}}');
      if (merged !== '{"id":"c","metadata":{"n":"\u00e4"},"status":"pending"}') failures.push(merged);
      const [issue] = validatePatchJson('{"status":"bad","metadata":{"k":"v"}}', { locale: "de" }).errors;
      if (issue.code !== "invalid_enum_value") failures.push(issue.params.panic);
      const result = validatePatch({ status: "pending" });
      if (!result.valid) failures.push(result.errors[0].params.panic);
    }
    process.stdout.write(JSON.stringify(failures));`;
  const output = execFileSync(process.execPath, ["--no-opt", "--no-sparkplug", "--no-maglev", "-e", script], { encoding: "utf8" });
  assert.deepEqual(JSON.parse(output), []);
});
