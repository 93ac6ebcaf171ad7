// The request handler for `PATCH /v1/customers/{id}`, written against the Fetch API's Request
// and Response so that workerd (worker.js) and Node.js (node-server.mjs) run the same code.
// Customers live in memory, per process or isolate, seeded with the documented example.
import { applyPatchJson, PatchError, toProblemDetails, validatePatchJson } from "brp-customer-patch";

/** The largest PATCH body accepted, in bytes of UTF-8; the package's own default. */
export const MAX_BODY_BYTES = 1_048_576;

const EXAMPLE_CUSTOMER = {
  id: "cust_r8s9t0u1",
  name: "SolarDach GmbH",
  status: "active",
  balance_group: { eic: "11YSOLARDACH--A", tso: "DE_AMPRION" },
  metadata: { customer_number: "KD-2026-0815", cost_center: "CC-4200", region: "NRW" },
  assigned_at: "2026-01-10T09:00:00Z",
  created_at: "2026-01-10T09:00:00Z",
  activated_at: "2026-01-10T11:30:00Z",
};

const PATCH_CONTENT_TYPES = ["application/merge-patch+json", "application/json"];
const CUSTOMER_PATH = /^\/v1\/customers\/([^/]+)$/;

/** Returns a new in-memory store of customers as JSON text, keyed by id. */
export function createStore() {
  return new Map([[EXAMPLE_CUSTOMER.id, JSON.stringify(EXAMPLE_CUSTOMER)]]);
}

function json(body, status, contentType = "application/json") {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": contentType } });
}

/** Builds a problem response for a failure outside the body's content, such as a wrong path. */
function problem(status, title, detail, instance, headers = {}) {
  const body = JSON.stringify({ type: "about:blank", title, status, detail, instance });
  return new Response(body, { status, headers: { "content-type": "application/problem+json", ...headers } });
}

/**
 * Reads at most `limit` + 1 bytes of the body, so an oversized body is never held in memory
 * whole. The package then reports the cut text as too large before parsing it.
 */
async function readBoundedText(request, limit) {
  if (request.body === null) {
    return "";
  }
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  while (bytes <= limit) {
    const { done, value } = await reader.read();
    if (done) {
      return text + decoder.decode();
    }
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text + decoder.decode();
}

/** Picks German messages when the client prefers German, and English otherwise. */
function localeOf(request) {
  // The first language range, without its weight: "de-DE;q=0.9, en" gives "de-DE".
  const preferred = (request.headers.get("accept-language") ?? "").split(",")[0].split(";")[0].trim();
  return preferred === "" ? "en" : preferred;
}

/** Returns a handler `(Request) => Promise<Response>` over `store`. */
export function createHandler(store = createStore()) {
  return async function handle(request) {
    const { pathname } = new URL(request.url);
    const match = CUSTOMER_PATH.exec(pathname);
    if (match === null) {
      return problem(404, "Not Found", `No resource at ${pathname}; customers are at /v1/customers/{id}.`, pathname);
    }
    let id;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      // A malformed percent escape, such as %E0%A4%A, names no customer.
      return problem(404, "Not Found", `The customer id in ${pathname} is not valid percent-encoding.`, pathname);
    }
    const stored = store.get(id);
    if (stored === undefined) {
      return problem(404, "Not Found", `No customer with id ${id}.`, pathname);
    }
    if (request.method === "GET") {
      return json(stored, 200);
    }
    if (request.method !== "PATCH") {
      return problem(405, "Method Not Allowed", `${request.method} is not supported here; use GET or PATCH.`, pathname, { allow: "GET, PATCH" });
    }

    const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (!PATCH_CONTENT_TYPES.includes(mediaType)) {
      return problem(415, "Unsupported Media Type", `Send the body as ${PATCH_CONTENT_TYPES.join(" or ")}, not "${mediaType}".`, pathname, {
        "accept-patch": PATCH_CONTENT_TYPES.join(", "),
      });
    }

    const options = { locale: localeOf(request), maxBytes: MAX_BODY_BYTES };
    const body = await readBoundedText(request, MAX_BODY_BYTES);
    const result = validatePatchJson(body, options);
    // The package reports an oversized body as value_too_large at the root pointer, which HTTP
    // names 413 Content Too Large.
    const tooLarge = result.errors.find((issue) => issue.code === "value_too_large" && issue.pointer === "");
    if (tooLarge !== undefined) {
      return problem(413, "Content Too Large", tooLarge.message, pathname);
    }
    if (!result.valid) {
      return json(toProblemDetails(result, { instance: pathname, locale: options.locale }), 400, "application/problem+json");
    }

    try {
      const updated = applyPatchJson(stored, body, options);
      store.set(id, updated);
      return json(updated, 200);
    } catch (error) {
      if (!(error instanceof PatchError)) {
        throw error;
      }
      // The body was valid, so the stored customer could not take it, which is a server fault.
      // The issues describe the stored record, which the client neither sent nor can fix, so
      // they stay in the log.
      console.error(`PATCH ${pathname}: the stored customer ${id} rejected a valid patch: ${error.message}`);
      return problem(500, "Internal Server Error", "The stored customer could not be updated. The error is logged.", pathname);
    }
  };
}
