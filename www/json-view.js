// Renders a JSON value as indented text in DOM nodes, so that members at chosen JSON Pointers
// can be marked: changed values in the merged customer, issues in a hand-typed patch.

/** Escapes an object key for a JSON Pointer (RFC 6901): `~` becomes `~0` and `/` becomes `~1`. */
export function escapePointerKey(key) {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Reverses `escapePointerKey`. */
export function unescapePointerKey(segment) {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Fills `container` with `value` as JSON indented by two spaces, like JSON.stringify(value,
 * null, 2). A member whose pointer is a key of `marks` is wrapped in a <mark> with that
 * key's class names.
 */
export function renderJson(container, value, marks = new Map()) {
  const fragment = document.createDocumentFragment();
  appendValue(fragment, value, "", 0, marks);
  container.replaceChildren(fragment);
  container.classList.toggle("marked-whole", marks.has(""));
}

function appendValue(parent, value, pointer, depth, marks) {
  if (value === null || typeof value !== "object") {
    parent.append(JSON.stringify(value) ?? "undefined");
    return;
  }

  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    parent.append(open + close);
    return;
  }

  const indent = "  ".repeat(depth + 1);
  parent.append(`${open}\n`);
  entries.forEach(([key, member], index) => {
    const memberPointer = `${pointer}/${escapePointerKey(key)}`;
    const className = marks.get(memberPointer);
    const target = className ? document.createElement("mark") : parent;
    if (className) {
      target.className = className;
      target.dataset.pointer = memberPointer;
    }
    parent.append(indent);
    if (className) {
      parent.append(target);
    }
    if (!isArray) {
      target.append(`${JSON.stringify(key)}: `);
    }
    appendValue(target, member, memberPointer, depth + 1, marks);
    parent.append(index < entries.length - 1 ? ",\n" : "\n");
  });
  parent.append(`${"  ".repeat(depth)}${close}`);
}
