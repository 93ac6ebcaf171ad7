// Prints the conformance records of the vectors in the JSON file named by the first argument.
// Node.js, Deno and Bun run this file with the package from the packed tarball.
import { readFileSync } from "node:fs";
import process from "node:process";

import * as api from "brp-customer-patch";

import { conformanceText } from "./conformance.mjs";

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
process.stdout.write(conformanceText(api, cases));
