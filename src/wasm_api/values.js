// Type checks, property reads and object construction for the WebAssembly bindings.
//
// Each call from WebAssembly into JavaScript costs far more than a step inside either, so
// these helpers read or build a whole object level in one call. They contain no rule. They
// report what a value is and copy the values that the Rust side names.

const UNREADABLE = Object.freeze({});

// Kept from load time, and called rather than `Object.hasOwn`, which runtimes before ES2022 lack.
const { hasOwnProperty } = Object.prototype;

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

// The values and keys of every object level described during the current call from
// WebAssembly, by level number. Rust reads and keeps values by (level, index), so no value
// crosses into WebAssembly unless a rule needs it. `beginCall` and `endCall` bracket each call,
// nested ones included (a getter may call the package again), so the references do not outlive
// it.
const levels = [];
const levelKeys = [];

// The kind codes of the level that `describeObject` or `describeOptions` described last, for
// `encodeLastLevel`, and for an options level the number of names, or -1 for an object level.
const NO_KINDS = Object.freeze([]);
let lastKinds = NO_KINDS;
let lastNameCount = -1;
let lastTextMask = 0;

/** Marks the start of a call and returns the mark that `endCall` takes. */
export function beginCall(outermost) {
  if (outermost && levels.length > 0) {
    // A call that trapped never reached its endCall; nothing before this call is in use.
    endCall(0);
  }
  return levels.length;
}

/** Forgets the levels described since `mark`. */
export function endCall(mark) {
  // A call has a few levels, and popping them is cheaper than setting `length`, which V8
  // handles in its runtime: an empty validatePatch went from about 420 to 290 ns.
  while (levels.length > mark) {
    levels.pop();
    levelKeys.pop();
  }
  lastKinds = NO_KINDS;
  lastNameCount = -1;
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

// The module's linear memory, which `describeObject` writes into and `assemble` reads from.
// Rust sets it once per module instance, before the first of either call.
let memory = null;
let memoryBytes = new Uint8Array(0);
let memoryWords = new Uint32Array(0);

/** Sets the linear memory that descriptions are written into. */
export function useMemory(wasmMemory) {
  memory = wasmMemory;
  memoryBytes = new Uint8Array(wasmMemory.buffer);
  memoryWords = new Uint32Array(wasmMemory.buffer);
}

function currentMemoryBytes() {
  // Growing the memory detaches its old buffer, and a view of a detached buffer is empty.
  if (memoryBytes.byteLength === 0) {
    memoryBytes = new Uint8Array(memory.buffer);
  }
  return memoryBytes;
}

// String encodings in a description, as `read_text` in src/wasm_api/de.rs reads them.
const UTF8_TEXT = 0;
const UTF16_TEXT = 1;

const encoder = new TextEncoder();

// `String.prototype.isWellFormed` is missing before Node.js 20 and Safari 16.4.
const isWellFormed =
  typeof String.prototype.isWellFormed === "function"
    ? (text) => text.isWellFormed()
    : (text) => {
        for (let index = 0; index < text.length; index += 1) {
          const unit = text.charCodeAt(index);
          if (unit >= 0xd800 && unit <= 0xdbff) {
            const next = text.charCodeAt(index + 1);
            if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
            index += 1;
          } else if (unit >= 0xdc00 && unit <= 0xdfff) {
            return false;
          }
        }
        return true;
      };

function writeU32(bytes, position, value) {
  bytes[position] = value & 0xff;
  bytes[position + 1] = (value >>> 8) & 0xff;
  bytes[position + 2] = (value >>> 16) & 0xff;
  bytes[position + 3] = value >>> 24;
}

/** Returns the number of bytes that `writeText` writes for `text`, its 5-byte header included. */
function encodedTextSize(text) {
  if (!isWellFormed(text)) {
    return 5 + 2 * text.length;
  }
  let size = 5;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      size += 1;
    } else if (unit < 0x800) {
      size += 2;
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      // A well-formed string has the low surrogate next; the pair is 4 bytes of UTF-8.
      size += 4;
      index += 1;
    } else {
      size += 3;
    }
  }
  return size;
}

/**
 * Writes `text` at `position`: its form (one byte), its size in bytes (four, little-endian)
 * and its UTF-8 bytes, or its UTF-16 code units (little-endian) when it contains a lone surrogate,
 * which UTF-8 cannot carry. Returns the position after it, or -1 when it does not fit before
 * `end`.
 */
function writeText(bytes, position, end, text) {
  const length = text.length;
  const start = position + 5;
  if (start + length > end) {
    return -1;
  }
  let index = 0;
  while (index < length) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x80) {
      break;
    }
    bytes[start + index] = unit;
    index += 1;
  }

  let form = UTF8_TEXT;
  let size = length;
  if (index < length) {
    if (isWellFormed(text)) {
      const { read, written } = encoder.encodeInto(text, bytes.subarray(start, end));
      if (read < length) {
        return -1;
      }
      size = written;
    } else {
      if (start + 2 * length > end) {
        return -1;
      }
      for (index = 0; index < length; index += 1) {
        const unit = text.charCodeAt(index);
        bytes[start + 2 * index] = unit & 0xff;
        bytes[start + 2 * index + 1] = unit >>> 8;
      }
      form = UTF16_TEXT;
      size = 2 * length;
    }
  }
  bytes[position] = form;
  writeU32(bytes, position + 1, size);
  return start + size;
}

/**
 * Writes the description of a level into linear memory at `address`, at most `capacity`
 * bytes: the level number and the entry count (four bytes each, little-endian), then per entry
 * its kind code (one byte), its key and, when the value is a string and `withText` is true,
 * the value, each as `writeText` writes it.
 *
 * Returns the number of bytes written, or minus the number needed when they do not fit.
 */
function encodeLevel(level, kinds, address, capacity, withText) {
  const keys = levelKeys[level];
  const values = levels[level];
  // The values were read before, so no getter or trap runs from here on, and the memory
  // cannot grow and detach `bytes`.
  const bytes = currentMemoryBytes();
  const end = address + capacity;

  let position = address + 8;
  for (let index = 0; position >= 0 && index < keys.length; index += 1) {
    if (position >= end) {
      position = -1;
      break;
    }
    const kind = kinds[index];
    bytes[position] = kind;
    position = writeText(bytes, position + 1, end, keys[index]);
    if (withText && kind === STRING && position >= 0) {
      position = writeText(bytes, position, end, values[index]);
    }
  }

  if (position < 0 || address + 8 > end) {
    let needed = 8;
    for (let index = 0; index < keys.length; index += 1) {
      needed += 1 + encodedTextSize(keys[index]);
      if (withText && kinds[index] === STRING) {
        needed += encodedTextSize(values[index]);
      }
    }
    return -needed;
  }

  writeU32(bytes, address, level);
  writeU32(bytes, address + 4, keys.length);
  return position - address;
}

/**
 * Reads the own enumerable string keys of a plain object and their values, each read once,
 * keeps them as a new level, and writes its description into linear memory as `encodeLevel`
 * does.
 *
 * Returns what `encodeLevel` returns, or -1 when the keys cannot be listed. A value whose
 * getter throws is reported as unreadable.
 */
export function describeObject(object, address, capacity, withText) {
  let keys;
  try {
    keys = Object.keys(object);
  } catch {
    return -1;
  }

  // Getters and Proxy traps run here, before anything is written: they may call the package
  // again, which describes levels of its own and may grow the memory.
  const values = new Array(keys.length);
  const kinds = new Array(keys.length);
  for (let index = 0; index < keys.length; index += 1) {
    let value;
    try {
      value = object[keys[index]];
    } catch {
      value = UNREADABLE;
    }
    values[index] = value;
    kinds[index] = kindOf(value);
  }
  levels.push(values);
  levelKeys.push(keys);
  lastKinds = kinds;
  lastNameCount = -1;
  return encodeLevel(levels.length - 1, kinds, address, capacity, withText);
}

/**
 * Reads the own properties `names` of an options object, non-enumerable ones included, each
 * once, keeps them as a new level, and writes its
 * description as `encodeOptions` does. When bit `i` of `textMask` is set and the value of
 * name `i` is a string, the description includes that string. The level also keeps, with an
 * undefined value, the first own enumerable key outside `names`, so that the module can
 * reject a misspelled option.
 *
 * Returns what `encodeOptions` returns, or -1 when the keys cannot be listed.
 */
export function describeOptions(object, names, textMask, address, capacity) {
  let ownKeys;
  try {
    ownKeys = Object.keys(object);
  } catch {
    return -1;
  }

  const keys = [];
  const values = [];
  const kinds = [];
  for (let index = 0; index < names.length; index += 1) {
    const name = names[index];
    // Only own properties count, so that a value set on Object.prototype, by prototype
    // pollution for example, cannot change a limit.
    let value;
    try {
      value = hasOwnProperty.call(object, name) ? object[name] : undefined;
    } catch {
      value = UNREADABLE;
    }
    keys.push(name);
    values.push(value);
    kinds.push(kindOf(value));
  }
  // Only the first unknown key is listed: one is enough to reject the options, and an object
  // with a million keys would otherwise fill the module's memory.
  for (let index = 0; index < ownKeys.length; index += 1) {
    if (!names.includes(ownKeys[index])) {
      keys.push(ownKeys[index]);
      values.push(undefined);
      kinds.push(UNDEFINED);
      break;
    }
  }

  levels.push(values);
  levelKeys.push(keys);
  lastKinds = kinds;
  lastNameCount = names.length;
  lastTextMask = textMask;
  return encodeOptions(levels.length - 1, kinds, names.length, textMask, address, capacity);
}

/**
 * Writes the description of an options level into linear memory at `address`, at most
 * `capacity` bytes. It starts with the level number and the number of names, four bytes each
 * and little-endian. Then come each name's kind code (one byte) and, for a string whose bit is
 * set in `textMask`, the value as `writeText` writes it. Last come one byte, 1 when an unknown
 * key follows and 0 otherwise, and that key. The names are left out, because the module
 * passed them in.
 *
 * Returns the number of bytes written, or minus the number needed when they do not fit.
 */
function encodeOptions(level, kinds, nameCount, textMask, address, capacity) {
  const keys = levelKeys[level];
  const values = levels[level];
  const bytes = currentMemoryBytes();
  const end = address + capacity;

  let position = address + 8;
  for (let index = 0; position >= 0 && index < nameCount; index += 1) {
    if (position >= end) {
      position = -1;
      break;
    }
    bytes[position] = kinds[index];
    position += 1;
    if (kinds[index] === STRING && (textMask & (1 << index)) !== 0) {
      position = writeText(bytes, position, end, values[index]);
    }
  }
  const hasUnknown = keys.length > nameCount;
  if (position >= 0 && position < end) {
    bytes[position] = hasUnknown ? 1 : 0;
    position += 1;
    if (hasUnknown) {
      position = writeText(bytes, position, end, keys[nameCount]);
    }
  } else {
    position = -1;
  }

  if (position < 0 || address + 8 > end) {
    let needed = 9;
    for (let index = 0; index < nameCount; index += 1) {
      needed += 1;
      if (kinds[index] === STRING && (textMask & (1 << index)) !== 0) needed += encodedTextSize(values[index]);
    }
    if (hasUnknown) needed += encodedTextSize(keys[nameCount]);
    return -needed;
  }

  writeU32(bytes, address, level);
  writeU32(bytes, address + 4, nameCount);
  return position - address;
}

/** Describes value `index` of a described level, as `describeObject` does. */
export function describeEntry(level, index, address, capacity, withText) {
  return describeObject(levels[level][index], address, capacity, withText);
}

/**
 * Writes the description of the level that `describeObject` described last again, into a
 * larger buffer after it returned the size it needs.
 */
export function encodeLastLevel(address, capacity, withText) {
  if (lastNameCount >= 0) {
    return encodeOptions(levels.length - 1, lastKinds, lastNameCount, lastTextMask, address, capacity);
  }
  return encodeLevel(levels.length - 1, lastKinds, address, capacity, withText);
}

// The level number that marks `null` in an `assemble` entry, `NULL_LEVEL` in src/wasm_api/de.rs.
const NULL_LEVEL = 0xffffffff;

const NO_KEYS = Object.freeze([]);

/** Keeps a value as a new level of one value and returns the level number. */
export function keepValue(value) {
  levels.push([value]);
  levelKeys.push(NO_KEYS);
  return levels.length - 1;
}

function currentMemoryWords() {
  if (memoryWords.byteLength === 0) {
    memoryWords = new Uint32Array(memory.buffer);
  }
  return memoryWords;
}

/**
 * Builds a plain object from `count` entries at `address` in linear memory, four 32-bit
 * numbers each: the level and index of the key, then those of the value, where level
 * `NULL_LEVEL` means `null`. Keeps the object as a new level and returns the level number.
 *
 * Each key becomes an own data property. Assignment does that for a key that Object.prototype
 * lacks, and is several times faster than `Object.defineProperty`. A key that Object.prototype
 * has, such as `__proto__` or one with a setter that someone added, could reach a setter or a
 * read-only property there, so it is defined instead.
 */
export function assemble(address, count) {
  const words = currentMemoryWords();
  const object = {};
  let word = address >>> 2;
  for (let entry = 0; entry < count; entry += 1) {
    const key = levelKeys[words[word]][words[word + 1]];
    const valueLevel = words[word + 2];
    const value = valueLevel === NULL_LEVEL ? null : levels[valueLevel][words[word + 3]];
    if (key in Object.prototype) {
      Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
    } else {
      object[key] = value;
    }
    word += 4;
  }
  return keepValue(object);
}
