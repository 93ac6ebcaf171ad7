// Reads the conformance vectors in tests/vectors/ and builds their JavaScript inputs.
import { readFileSync, readdirSync } from "node:fs";

export { deepFreeze, revive, withoutGetters } from "./revive.mjs";

const folder = new URL("../vectors/", import.meta.url);

/** Returns every case of every vector file, with the file name. */
export function loadCases() {
  const cases = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".json")).sort()) {
    const document = JSON.parse(readFileSync(new URL(file, folder), "utf8"));
    for (const vector of document.cases) {
      cases.push({ file, ...vector });
    }
  }
  return cases;
}
