// The module must not keep memory from failed calls: many invalid calls, then a valid one.
import assert from "node:assert/strict";
import { test } from "node:test";

import { applyPatch, PatchError, validatePatch, wasmMemoryBytes } from "brp-customer-patch";

const invalidPatches = [
  null,
  { stauts: "active", id: "x", metadata: { a: 1, "": "v", "k\uD800": "x" } },
  { balance_group: { eic: "10yde", tso: "DE_NOWHERE", extra: true } },
  { metadata: Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`key_${index}`, index])) },
];

function runInvalidCalls(count) {
  for (let index = 0; index < count; index += 1) {
    const patch = invalidPatches[index % invalidPatches.length];
    assert.equal(validatePatch(patch, { locale: index % 2 ? "de" : "en" }).valid, false);
    assert.throws(() => applyPatch({ id: "c", metadata: {} }, patch), PatchError);
  }
}

test("10,000 invalid calls do not grow memory", () => {
  runInvalidCalls(1_000);
  const afterWarmUp = wasmMemoryBytes();

  runInvalidCalls(10_000);
  assert.equal(wasmMemoryBytes(), afterWarmUp);

  const customer = { id: "c", status: "active", metadata: { a: "1" } };
  assert.deepEqual(applyPatch(customer, { status: "pending", metadata: { b: "2" } }), { id: "c", status: "pending", metadata: { a: "1", b: "2" } });
});
