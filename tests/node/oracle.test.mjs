// A differential test: ajv checks generated PATCH bodies against patchJsonSchema(), and
// validatePatch must agree on valid or invalid for every one (warnings do not make a body
// invalid). A disagreement fails with the body printed.
import assert from "node:assert/strict";
import { test } from "node:test";

import Ajv2020 from "ajv/dist/2020.js";

import { patchJsonSchema, validatePatch } from "brp-customer-patch";

const BODIES = 20_000;

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (probability) => next() < probability;
  return { pick, chance, next };
}

// Strings that JSON can carry: no lone surrogates, which JSON Schema cannot tell apart.
const strings = ["", "x", "active", "pending", "deactivated", "Active", "DE_AMPRION", "DE_TENNET", "DE_50HERTZ", "DE_TRANSNETBW",
  "DE_NOWHERE", "10YDE-RWENET---I", "10YDE-RWENET---X", "22XWATTPLUS----G", "10yde-rwenet---i", "11YSOLARDACH--A",
  "10YDE-RWENET---I ", "10YDE-RWENET--ÄI", "0000000000000000", "----------------", "ü", "😀", "a\nb"];
const keys = ["status", "balance_group", "metadata", "id", "name", "assigned_at", "activated_at", "created_at", "stauts",
  "__proto__", "constructor", "prototype", "eic", "tso", "", "region", "a/b"];

function anyValue(random, depth) {
  const kinds = depth > 2 ? ["null", "boolean", "number", "string"] : ["null", "boolean", "number", "string", "array", "object"];
  switch (random.pick(kinds)) {
    case "null":
      return null;
    case "boolean":
      return random.chance(0.5);
    case "number":
      return random.pick([0, -1, 1.5, 1e21]);
    case "string":
      return random.pick(strings);
    case "array":
      return Array.from({ length: Math.floor(random.next() * 3) }, () => anyValue(random, depth + 1));
    default:
      return objectOf(random, () => random.pick(keys), () => anyValue(random, depth + 1), 3);
  }
}

function objectOf(random, key, value, maxEntries) {
  const object = {};
  const count = Math.floor(random.next() * (maxEntries + 1));
  for (let index = 0; index < count; index += 1) {
    // defineProperty, so that `__proto__` is an own key as JSON.parse would make it.
    Object.defineProperty(object, key(), { value: value(), enumerable: true, writable: true, configurable: true });
  }
  return object;
}

function body(random) {
  if (random.chance(0.05)) {
    return anyValue(random, 0);
  }
  return objectOf(random, () => (random.chance(0.8) ? random.pick(["status", "balance_group", "metadata"]) : random.pick(keys)), function value() {
    return fieldValue(random);
  }, 4);
}

function fieldValue(random) {
  const roll = random.next();
  if (roll < 0.3) {
    return random.pick(strings);
  }
  if (roll < 0.6) {
    return objectOf(random, () => (random.chance(0.85) ? random.pick(["eic", "tso"]) : random.pick(keys)),
      () => (random.chance(0.9) ? random.pick(strings) : anyValue(random, 2)), 3);
  }
  if (roll < 0.9) {
    return objectOf(random, () => (random.chance(0.7) ? random.pick(["region", "cost_center", "a", "b"]) : random.pick(keys)),
      () => (random.chance(0.8) ? random.pick([...strings, null]) : anyValue(random, 2)), 4);
  }
  return anyValue(random, 1);
}

test("schema is draft 2020-12 and compiles", () => {
  const schema = patchJsonSchema();
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(schema.properties.status.enum, ["pending", "active", "deactivated"]);
  assert.equal(schema.properties.balance_group.properties.eic.pattern, "^[0-9A-Z-]{16}$");
  assert.deepEqual(schema.properties.id, { readOnly: true, not: {} });
  assert.equal(typeof new Ajv2020({ strict: true }).compile(schema), "function");
});

test("ajv and validatePatch agree on generated bodies", () => {
  const check = new Ajv2020({ strict: true, allErrors: true }).compile(patchJsonSchema());
  const random = generator(7396);
  let validCount = 0;
  for (let index = 0; index < BODIES; index += 1) {
    const patch = body(random);
    const ours = validatePatch(patch);
    const theirs = check(patch);
    if (ours.valid !== theirs) {
      assert.fail(`body ${index} ${JSON.stringify(patch)}: validatePatch says ${ours.valid ? "valid" : "invalid"} ` +
        `${JSON.stringify(ours.errors.map(({ code, pointer }) => ({ code, pointer })))}, ajv says ${theirs ? "valid" : "invalid"} ` +
        `${JSON.stringify(check.errors)}`);
    }
    if (theirs) validCount += 1;
  }
  // Both outcomes must be common, or the comparison proves little.
  assert.ok(validCount > BODIES / 20, `only ${validCount} of ${BODIES} bodies were valid`);
  assert.ok(validCount < BODIES - BODIES / 20, `${validCount} of ${BODIES} bodies were valid`);
});
