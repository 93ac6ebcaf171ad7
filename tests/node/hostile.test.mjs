// Hostile JavaScript values: for each family, validatePatch returns issues without throwing,
// applyPatch returns or throws only PatchError, the inputs and Object.prototype stay unchanged,
// and a valid call right after succeeds. TESTING.md lists what each family returns.
import assert from "node:assert/strict";
import { test } from "node:test";

import { applyPatch, PatchError, validatePatch } from "brp-customer-patch";

const DEPTH = 100_000;
const TEN_MB = 10 * 1024 * 1024;

function nested(depth, leaf = "x") {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) {
    value = { a: value };
  }
  return value;
}

function cyclic() {
  const value = { label: "loop" };
  value.self = value;
  return value;
}

function throwingGetter(key) {
  return Object.defineProperty({}, key, { enumerable: true, get() { throw new Error(`getter ${key}`); } });
}

function throwingProxy() {
  const thrower = () => { throw new Error("trap"); };
  return new Proxy({}, { ownKeys: thrower, get: thrower, getPrototypeOf: thrower, getOwnPropertyDescriptor: thrower, has: thrower });
}

/** A Proxy that claims keys it does not have and returns a different value on every read. */
function lyingProxy(keys) {
  let reads = 0;
  return new Proxy({}, {
    ownKeys: () => keys,
    getOwnPropertyDescriptor: () => ({ value: "x", enumerable: true, configurable: true, writable: true }),
    get: () => (reads++ % 2 ? "active" : 42),
    getPrototypeOf: () => Object.prototype,
  });
}

function revokedProxy() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function prototypeKeys(inner) {
  return JSON.parse(`{"__proto__": ${inner}, "constructor": ${inner}, "prototype": ${inner}}`);
}

const manyKeys = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`key_${index}`, `value_${index}`]));
const tenMegabytes = "x".repeat(TEN_MB);
class Patch {
  constructor() {
    this.status = "active";
  }
}

// Each family: a function that builds the patch, and the first error validatePatch must report,
// or null for a valid patch. Each patch is built inside its own test.
const families = [
  ["getter throws at the top", () => throwingGetter("status"), ["invalid_type", "/status"]],
  ["getter throws in metadata", () => ({ metadata: throwingGetter("region") }), ["invalid_type", "/metadata/region"]],
  ["getter throws in balance_group", () => ({ balance_group: throwingGetter("eic") }), ["invalid_type", "/balance_group/eic"]],
  ["Proxy whose traps throw", () => throwingProxy(), ["invalid_type", ""]],
  ["Proxy whose traps throw, in metadata", () => ({ metadata: throwingProxy() }), ["invalid_type", "/metadata"]],
  ["Proxy that lies about its keys", () => lyingProxy(["status", "metadata"]), ["invalid_type", "/status"]],
  ["Proxy that lies, in metadata", () => ({ metadata: lyingProxy(["a", "b"]) }), ["invalid_type", "/metadata/a"]],
  ["revoked Proxy", () => revokedProxy(), ["invalid_type", ""]],
  ["cyclic object at the top", () => cyclic(), ["unknown_field", "/label"]],
  ["cyclic object in metadata", () => ({ metadata: { loop: cyclic() } }), ["invalid_type", "/metadata/loop"]],
  ["cyclic balance_group", () => ({ balance_group: Object.assign(cyclic(), { eic: "10YDE-RWENET---I", tso: "DE_AMPRION" }) }), ["unknown_field", "/balance_group/label"]],
  ["100,000 levels at the top", () => nested(DEPTH), ["unknown_field", "/a"]],
  ["100,000 levels in metadata", () => ({ metadata: nested(DEPTH) }), ["invalid_type", "/metadata/a"]],
  ["100,000 levels in balance_group", () => ({ balance_group: nested(DEPTH) }), ["unknown_field", "/balance_group/a"]],
  ["BigInt values", () => ({ status: 10n, metadata: { n: 1n } }), ["invalid_type", "/status"]],
  ["BigInt patch", () => 1n, ["invalid_type", ""]],
  ["Symbol keys are ignored", () => ({ [Symbol("status")]: "x", status: "active", metadata: { [Symbol("k")]: 1 } }), null],
  ["Symbol values", () => ({ status: Symbol("active"), metadata: { s: Symbol("v") } }), ["invalid_type", "/status"]],
  ["Symbol patch", () => Symbol("patch"), ["invalid_type", ""]],
  ["function patch", () => function patch() {}, ["invalid_type", ""]],
  ["function values", () => ({ status: () => "active", metadata: { f() {} } }), ["invalid_type", "/status"]],
  ["frozen patch", () => Object.freeze({ status: "active", metadata: Object.freeze({ a: "1" }) }), null],
  ["sealed patch", () => Object.seal({ status: "pending", metadata: Object.seal({ a: null }) }), null],
  ["class instance patch", () => new Patch(), ["invalid_type", ""]],
  ["class instance in metadata", () => ({ metadata: new Patch() }), ["invalid_type", "/metadata"]],
  ["null prototype objects", () => Object.assign(Object.create(null), { status: "active", metadata: Object.assign(Object.create(null), { a: "1" }) }), null],
  ["Map patch", () => new Map([["status", "active"]]), ["invalid_type", ""]],
  ["Set in metadata", () => ({ metadata: new Set(["a"]) }), ["invalid_type", "/metadata"]],
  ["typed array patch", () => new Uint8Array([1, 2, 3]), ["invalid_type", ""]],
  ["typed array in metadata", () => ({ metadata: { bytes: new Float64Array(4) } }), ["invalid_type", "/metadata/bytes"]],
  ["-0, NaN and Infinity", () => ({ status: -0, metadata: { nan: NaN, inf: Infinity, negative: -Infinity } }), ["invalid_type", "/status"]],
  ["10 MB metadata value", () => ({ metadata: { big: tenMegabytes } }), null],
  ["10 MB metadata key", () => ({ metadata: { [tenMegabytes]: "v" } }), null],
  ["10 MB status", () => ({ status: tenMegabytes }), ["invalid_enum_value", "/status"]],
  ["10 MB EIC", () => ({ balance_group: { eic: tenMegabytes, tso: "DE_AMPRION" } }), ["invalid_format", "/balance_group/eic"]],
  ["100,000 metadata keys", () => ({ metadata: manyKeys }), null],
  ["prototype keys at the top", () => prototypeKeys('{"polluted": "yes"}'), ["unknown_field", "/__proto__"]],
  ["prototype keys in metadata", () => ({ metadata: prototypeKeys('"yes"') }), null],
  ["prototype keys in balance_group", () => ({ balance_group: { eic: "10YDE-RWENET---I", tso: "DE_AMPRION", ...prototypeKeys("{}") } }), ["unknown_field", "/balance_group/__proto__"]],
  ["prototype keys in metadata values", () => ({ metadata: { a: prototypeKeys('{"polluted": "yes"}') } }), ["invalid_type", "/metadata/a"]],
];


/**
 * Records what a value looks like without calling getters or recursing, so that it works on
 * cycles, throwing Proxies and 100,000 levels: each reachable object's own property keys and
 * descriptors, with objects named by their order of discovery.
 */
function snapshot(root) {
  const ids = new Map();
  const pending = [root];
  const lines = [];
  const name = (value) => {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) {
      return typeof value === "symbol" ? value.toString() : `${typeof value}:${Object.is(value, -0) ? "-0" : String(value).slice(0, 64)}`;
    }
    if (!ids.has(value)) {
      ids.set(value, ids.size);
      pending.push(value);
    }
    return `#${ids.get(value)}`;
  };
  name(root);
  pending.shift();
  if (root !== null && typeof root === "object") pending.push(root);
  while (pending.length > 0) {
    const value = pending.pop();
    let keys;
    try {
      keys = Reflect.ownKeys(value);
    } catch {
      lines.push(`${name(value)} unreadable`);
      continue;
    }
    for (const key of keys) {
      let descriptor;
      try {
        descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      } catch {
        lines.push(`${name(value)} ${String(key)} unreadable`);
        continue;
      }
      const content = descriptor && ("value" in descriptor ? name(descriptor.value) : "accessor");
      lines.push(`${name(value)} ${String(key).slice(0, 64)} ${content} ${descriptor?.enumerable} ${descriptor?.writable}`);
    }
    lines.push(`${name(value)} frozen=${Object.isFrozen(value)}`);
  }
  return lines;
}

// Customers are built once and shared by every family, as stored customers would be. Walking
// the deep one is slow, so it is compared only once, in the last test.
const customers = [
  ["plain customer", () => ({ id: "cust_1", status: "active", metadata: { a: "1" } })],
  ["customer with a throwing getter", () => throwingGetter("id")],
  ["Proxy customer whose traps throw", () => throwingProxy()],
  ["cyclic customer", () => Object.assign(cyclic(), { metadata: { a: "1" } })],
  ["customer 100,000 levels deep", () => ({ id: "cust_1", metadata: { a: "1" }, history: nested(DEPTH) })],
  ["customer with prototype keys", () => ({ ...prototypeKeys('{"polluted": "yes"}'), metadata: prototypeKeys('"yes"') })],
  ["frozen null-prototype customer", () => Object.freeze(Object.assign(Object.create(null), { id: "cust_1", metadata: Object.freeze({ a: "1" }) }))],
].map(([name, make]) => {
  const customer = make();
  return { name, customer, before: snapshot(customer), deep: name.includes("deep") };
});

function prototypeState() {
  return Reflect.ownKeys(Object.prototype).map((key) => [String(key), Object.getOwnPropertyDescriptor(Object.prototype, key).value]);
}

function assertNoPollution(before) {
  assert.deepEqual(prototypeState(), before, "Object.prototype unchanged");
  assert.equal({}.polluted, undefined, "no polluted property");
  assert.equal(Object.getPrototypeOf({}), Object.prototype);
}

function assertValidCallWorks() {
  assert.deepEqual(validatePatch({ status: "active" }), { valid: true, errors: [], warnings: [] });
  const customer = { id: "cust_1", status: "active", metadata: { a: "1" } };
  assert.deepEqual(applyPatch(customer, { metadata: { b: "2" } }), { id: "cust_1", status: "active", metadata: { a: "1", b: "2" } });
}

for (const [family, makePatch, firstError] of families) {
  test(`hostile patch: ${family}`, () => {
    const patch = makePatch();
    const patchBefore = snapshot(patch);
    const prototypeBefore = prototypeState();

    const result = validatePatch(patch);
    assert.equal(typeof result.valid, "boolean");
    assert.ok(Array.isArray(result.errors));
    assert.ok(Array.isArray(result.warnings));
    if (firstError === null) {
      assert.deepEqual(result.errors, [], "no errors");
    } else {
      assert.equal(result.valid, false);
      assert.deepEqual([result.errors[0].code, result.errors[0].pointer], firstError, "first error");
    }

    for (const { name: customerName, customer, before: customerBefore, deep } of customers) {
      try {
        const updated = applyPatch(customer, patch);
        assert.equal(firstError, null, `${customerName}: applyPatch returned for a patch with errors`);
        assert.equal(typeof updated, "object");
      } catch (error) {
        assert.ok(error instanceof PatchError, `${customerName}: expected PatchError, got ${error?.stack ?? error}`);
        assert.ok(error.issues.length > 0);
      }
      if (!deep) {
        assert.deepEqual(snapshot(customer), customerBefore, `${customerName}: customer unchanged`);
      }
    }

    assert.deepEqual(snapshot(patch), patchBefore, "patch unchanged");
    assertNoPollution(prototypeBefore);
    assertValidCallWorks();
  });
}

test("hostile customer fields give PatchError", () => {
  for (const { name, customer } of customers.slice(1, 3)) {
    assert.throws(() => applyPatch(customer, { status: "active" }), PatchError, name);
  }
});

test("deep customer is unchanged", () => {
  for (const { name, customer, before } of customers.filter(({ deep }) => deep)) {
    assert.deepEqual(snapshot(customer), before, name);
  }
});

test("prototype keys merge as own properties", () => {
  const customer = { id: "cust_1", metadata: { a: "1" } };
  const updated = applyPatch(customer, { metadata: prototypeKeys('"yes"') });
  assert.deepEqual(Object.keys(updated.metadata), ["a", "__proto__", "constructor", "prototype"]);
  assert.equal(Object.getPrototypeOf(updated.metadata), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(updated.metadata, "__proto__").value, "yes");
  assert.equal({}.polluted, undefined);
});
