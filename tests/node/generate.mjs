// A seeded generator of PATCH-like JSON values, for property tests. The same seed gives the
// same values, so a failure can be replayed.

/** Returns a pseudo-random number generator (mulberry32) for a 32-bit seed. */
export function randomSource(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (below) => Math.floor(next() * below),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  };
}

const topKeys = ["status", "balance_group", "metadata", "id", "name", "created_at", "stauts", "__proto__", "constructor", "a/b~c", ""];
const groupKeys = ["eic", "tso", "eic", "tso", "name"];
const strings = [
  "active", "pending", "deactivated", "approved", "",
  "10YDE-RWENET---I", "10YDE-RWENET---X", "22XWATTPLUS----G", "11YSOLARDACH--A", "10yde-rwenet---i",
  "DE_AMPRION", "DE_TENNET", "DE_50HERTZ", "DE_TRANSNETBW", "DE_NOWHERE",
  "KD-2026-0815", "Grüße", "\u{1F50C}", "a\uD800b", "\uDFFF", "line\nbreak", "quote\"and\\slash",
];
const metadataKeys = ["customer_number", "cost_center", "region", "", "a/b", "~", "~1", "__proto__", "constructor", "k\uDC00", "ü"];

/** Returns a random JSON value of at most `depth` levels. */
function anyValue(random, depth) {
  switch (random.integer(depth > 0 ? 8 : 5)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 1e21, 12345678901234567890]);
    case 3:
    case 4:
      return random.pick(strings);
    case 5:
      return Array.from({ length: random.integer(3) }, () => anyValue(random, depth - 1));
    default:
      return objectOf(random, metadataKeys, () => anyValue(random, depth - 1));
  }
}

function objectOf(random, keys, valueOf) {
  const object = {};
  const count = random.integer(5);
  for (let index = 0; index < count; index += 1) {
    // defineProperty keeps `__proto__` an own key, as JSON.parse would.
    Object.defineProperty(object, random.pick(keys), { value: valueOf(), enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** Returns a random PATCH-like body: mostly the right shape, often with mistakes in it. */
export function patchLike(random) {
  if (random.chance(0.05)) {
    return anyValue(random, 2);
  }
  return objectOf(random, topKeys, () => {
    const shape = random.integer(10);
    if (shape < 3) {
      return random.pick(strings);
    }
    if (shape < 5) {
      return objectOf(random, groupKeys, () => (random.chance(0.85) ? random.pick(strings) : anyValue(random, 1)));
    }
    if (shape < 8) {
      return objectOf(random, metadataKeys, () => (random.chance(0.8) ? random.pick([...strings, null]) : anyValue(random, 1)));
    }
    return anyValue(random, 2);
  });
}
