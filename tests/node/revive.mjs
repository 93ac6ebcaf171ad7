// Builds the JavaScript values that a vector's `{ "$js": NAME }` stand-ins name. It uses no
// runtime API, so Node.js, Deno, Bun, workerd and browsers all run this same file.

// One instance each, so that a revived input compares equal to a second revival of it.
const sharedSymbol = Symbol("vector");
const sharedFunction = function vectorFunction() {};
class VectorClass {
  constructor() {
    this.status = "active";
  }
}
const sharedInstance = new VectorClass();

/** Replaces each `{ "$js": NAME }` stand-in of a vector with the JavaScript value it names. */
export function revive(value) {
  if (Array.isArray(value)) {
    return value.map(revive);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  if (Object.keys(value)[0] === "$js") {
    return standIn(value);
  }
  const copy = {};
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (member !== null && typeof member === "object" && member.$js === "unreadable") {
      Object.defineProperty(copy, key, { get: throwOnRead, enumerable: true, configurable: true });
      continue;
    }
    // defineProperty, because assigning `__proto__` would change the prototype.
    Object.defineProperty(copy, key, { value: revive(member), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

function throwOnRead() {
  throw new Error("a vector's unreadable member was read");
}

/**
 * Copies a revived value with each getter replaced by the string "getter", so that two
 * revivals can be compared without calling a getter that throws.
 */
export function withoutGetters(value) {
  if (value === null || typeof value !== "object" || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(withoutGetters);
  }
  const copy = {};
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    const member = "get" in descriptor ? "getter" : withoutGetters(descriptor.value);
    Object.defineProperty(copy, key, { value: member, enumerable: descriptor.enumerable, writable: true, configurable: true });
  }
  return copy;
}

function standIn({ $js: name, entries }) {
  switch (name) {
    case "undefined":
      return undefined;
    case "NaN":
      return NaN;
    case "Infinity":
      return Infinity;
    case "bigint":
      return 10n ** 20n;
    case "symbol":
      return sharedSymbol;
    case "function":
      return sharedFunction;
    case "Map":
      return new Map([["status", "active"]]);
    case "Set":
      return new Set(["active"]);
    case "Date":
      return new Date(Date.UTC(2026, 0, 10));
    case "class":
      return sharedInstance;
    case "Uint8Array":
      return new Uint8Array([1, 2, 3]);
    case "nullProto":
      return Object.assign(Object.create(null), revive(entries));
    default:
      throw new Error(`Unknown stand-in ${JSON.stringify(name)} in a vector; see tests/vectors/README.md.`);
  }
}

/** Freezes a value and everything reachable from it through data properties; getters are not called. */
export function deepFreeze(value) {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) {
      deepFreeze(descriptor.value);
    }
  }
  return value;
}
