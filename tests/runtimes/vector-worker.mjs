// A workerd worker that runs each conformance vector it receives: POST the vector as JSON and
// the response is its record as JSON.
import * as api from "brp-customer-patch";

import { conformanceRecord } from "./conformance.mjs";

export default {
  async fetch(request) {
    if (request.method !== "POST") {
      return new Response("POST a conformance vector as JSON.\n", { status: 405, headers: { allow: "POST" } });
    }
    const vector = await request.json();
    return new Response(JSON.stringify(conformanceRecord(api, vector)), { headers: { "content-type": "application/json" } });
  },
};
