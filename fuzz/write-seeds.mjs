// Writes one seed per conformance vector to fuzz/seeds/, as {"patch", "customer", "strict"}
// JSON text, the form that both fuzz targets read. The folder is rebuilt on every run.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";

const vectors = new URL("../tests/vectors/", import.meta.url);
const seeds = new URL("./seeds/", import.meta.url);

rmSync(seeds, { recursive: true, force: true });
mkdirSync(seeds);

let count = 0;
for (const file of readdirSync(vectors).filter((name) => name.endsWith(".json")).sort()) {
  const { cases } = JSON.parse(readFileSync(new URL(file, vectors), "utf8"));
  for (const vector of cases) {
    const seed = { patch: vector.patch };
    if ("customer" in vector) seed.customer = vector.customer;
    if (vector.options?.strict) seed.strict = true;
    count += 1;
    writeFileSync(new URL(`${file.replace(/\.json$/, "")}-${String(count).padStart(3, "0")}.json`, seeds), JSON.stringify(seed));
  }
}
console.log(`Wrote ${count} seeds to fuzz/seeds/`);
