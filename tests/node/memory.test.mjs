// The module must not keep memory from failed calls: many invalid and mixed calls, then valid
// ones, and a 10 MB input followed by small calls.
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

// Small invalid patches, so that a million calls fit in the test's time.
const smallInvalidPatches = [null, { status: "approved" }, { id: "x" }, { metadata: { a: 1 } }, { balance_group: { eic: "10yde" } }];

// One round is four calls: a valid and an invalid validatePatch, an applyPatch that returns and
// one that throws PatchError.
function runMixedRound(index) {
  const locale = index % 2 ? "de" : "en";
  assert.equal(validatePatch({ status: "active", metadata: { [`k${index % 97}`]: "v" } }, { locale }).valid, true);
  assert.equal(validatePatch(smallInvalidPatches[index % smallInvalidPatches.length], { locale }).valid, false);
  const updated = applyPatch({ id: "c", metadata: { a: "1" } }, { metadata: { a: null, b: "2" } });
  assert.equal(updated.metadata.b, "2");
  try {
    applyPatch({ id: "c", metadata: {} }, smallInvalidPatches[index % smallInvalidPatches.length]);
    assert.fail("applyPatch returned for an invalid patch");
  } catch (error) {
    if (!(error instanceof PatchError)) throw error;
  }
}

test("1,000,000 mixed calls do not grow memory", () => {
  const rounds = 250_000;
  const warmUp = 10_000;
  for (let index = 0; index < warmUp; index += 1) {
    runMixedRound(index);
  }
  const afterWarmUp = wasmMemoryBytes();

  for (let index = warmUp; index < rounds; index += 1) {
    runMixedRound(index);
  }
  assert.equal(wasmMemoryBytes(), afterWarmUp, "linear memory grew after warm-up");
});

test("small calls work after a 10 MB input", () => {
  const big = "x".repeat(10 * 1024 * 1024);
  assert.equal(validatePatch({ metadata: { big } }).valid, true);
  assert.equal(applyPatch({ id: "c" }, { metadata: { big } }).metadata.big.length, big.length);
  assert.equal(validatePatch({ status: big }).errors[0].code, "invalid_enum_value");

  const afterBigInput = wasmMemoryBytes();
  for (let index = 0; index < 10_000; index += 1) {
    runMixedRound(index);
  }
  assert.equal(wasmMemoryBytes(), afterBigInput, "linear memory grew after the big input");
  assert.deepEqual(validatePatch({ status: "pending" }), { valid: true, errors: [], warnings: [] });
});
