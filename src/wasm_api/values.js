// Type checks, property reads and object construction for the WebAssembly bindings.
//
// Each call from WebAssembly into JavaScript costs far more than a step inside either, so
// these helpers read or build a whole object level in one call. They contain no rule. They
// report what a value is and copy the values that the Rust side names.

const UNREADABLE = Object.freeze({});

// Kind codes, in the order of `Kind` in src/wasm_api/de.rs.
const UNDEFINED = 0;
const NULL = 1;
const BOOLEAN = 2;
const NUMBER = 3;
const BIGINT = 4;
const STRING = 5;
const SYMBOL = 6;
const FUNCTION = 7;
const ARRAY = 8;
const PLAIN_OBJECT = 9;
const MAP = 10;
const SET = 11;
const DATE = 12;
const OTHER_OBJECT = 13;
const UNREADABLE_VALUE = 14;

/** Returns the kind code of a value. A Proxy whose traps throw is unreadable. */
export function kindOf(value) {
  switch (typeof value) {
    case "undefined":
      return UNDEFINED;
    case "boolean":
      return BOOLEAN;
    case "number":
      return NUMBER;
    case "bigint":
      return BIGINT;
    case "string":
      return STRING;
    case "symbol":
      return SYMBOL;
    case "function":
      return FUNCTION;
    default:
      break;
  }
  if (value === null) {
    return NULL;
  }
  if (value === UNREADABLE) {
    return UNREADABLE_VALUE;
  }
  try {
    if (Array.isArray(value)) {
      return ARRAY;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) {
      return PLAIN_OBJECT;
    }
    if (prototype === Map.prototype) {
      return MAP;
    }
    if (prototype === Set.prototype) {
      return SET;
    }
    return prototype === Date.prototype ? DATE : OTHER_OBJECT;
  } catch {
    return UNREADABLE_VALUE;
  }
}

// The values of every object level described during the current call from WebAssembly, by
// level number. Rust reads and keeps values by (level, index), so no value crosses into
// WebAssembly unless a rule needs it. `beginCall` and `endCall` bracket each call, nested ones
// included (a getter may call the package again), so the references do not outlive it.
const levels = [];

/** Marks the start of a call and returns the mark that `endCall` takes. */
export function beginCall(outermost) {
  if (outermost) {
    // A call that trapped never reached its endCall; nothing before this call is in use.
    levels.length = 0;
  }
  return levels.length;
}

/** Forgets the levels described since `mark`. */
export function endCall(mark) {
  levels.length = mark;
}

/** Returns whether two Date objects hold the same time; false for anything else. */
export function sameTime(left, right) {
  try {
    return Object.is(Date.prototype.getTime.call(left), Date.prototype.getTime.call(right));
  } catch {
    return false;
  }
}

/** Returns value `index` of a described level. */
export function valueAt(level, index) {
  return levels[level][index];
}

// Strings that JSON text can carry between quotes as they are; others go through
// JSON.stringify, which escapes them, lone surrogates included.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text) {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * Reads the own enumerable string keys of a plain object and their values, each read once,
 * and keeps the values as a new level.
 *
 * Returns JSON text of `[level, kinds, key, string, key, string, ...]`: the level number, the
 * kind code of each value as one character (`"a"` + code), then each key with its value when
 * that is a string, or null. JSON text carries lone surrogates as `\udXXX` escapes, so nothing
 * is replaced on the way into WebAssembly. Returns undefined when the keys cannot be listed. A
 * value whose getter throws is reported as unreadable.
 */
export function describeObject(object) {
  let keys;
  try {
    keys = Object.keys(object);
  } catch {
    return undefined;
  }

  const values = new Array(keys.length);
  let kinds = "";
  let entries = "";
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    let value;
    try {
      value = object[key];
    } catch {
      value = UNREADABLE;
    }
    const kind = kindOf(value);
    values[index] = value;
    kinds += String.fromCharCode(97 + kind);
    entries += `,${quote(key)},${kind === STRING ? quote(value) : "null"}`;
  }
  levels.push(values);
  return `[${levels.length - 1},"${kinds}"${entries}]`;
}

/** Describes value `index` of a described level, as `describeObject` does. */
export function describeEntry(level, index) {
  return describeObject(levels[level][index]);
}

/** Positions per source in a reference of `assemble`: a reference is source * SOURCE_SPAN + index. */
const SOURCE_SPAN = 16777216;

/**
 * Builds a plain object from a template: JSON text of an object whose values are references
 * `source * 16777216 + index`. Source 0 is `built`, and source `n` is described level `n - 1`.
 *
 * JSON.parse creates every key as an own data property, `__proto__` included, and replacing
 * an own property's value calls no setter that someone may have put on Object.prototype. This
 * is several times faster than defining each property.
 */
export function assemble(template, built) {
  const object = JSON.parse(template);
  const keys = Object.keys(object);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    const reference = object[key];
    const source = Math.floor(reference / SOURCE_SPAN);
    object[key] = (source === 0 ? built : levels[source - 1])[reference % SOURCE_SPAN];
  }
  return object;
}
