// Tests examples/edge-handler/ over local HTTP on workerd and on Node.js, with the package from
// the packed tarball: valid, invalid, duplicate-key, malformed and oversized bodies.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { startNodeServer, startWorkerd } from "./servers.mjs";

const consumer = fileURLToPath(new URL("../../target/consumer/", import.meta.url));
const CUSTOMER_PATH = "/v1/customers/cust_r8s9t0u1";
const MAX_BODY_BYTES = 1_048_576;

const servers = {
  workerd: () => startWorkerd(consumer, "edge-handler/worker.js", "edge-handler"),
  "Node.js": () => startNodeServer("edge-handler/node-server.mjs", consumer),
};

function send(server, body, { method = "PATCH", path = CUSTOMER_PATH, contentType = "application/merge-patch+json", locale } = {}) {
  const headers = { "content-type": contentType };
  if (locale !== undefined) {
    headers["accept-language"] = locale;
  }
  return fetch(new URL(path, server.url), { method, headers, body });
}

async function readProblem(response, status) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  const problem = await response.json();
  assert.equal(problem.status, status);
  return problem;
}

for (const [runtime, start] of Object.entries(servers)) {
  describe(`edge handler on ${runtime}`, () => {
    // One server per runtime, so each test gets the customer that the tests before it stored.
    let server;
    test.before(async () => {
      server = await start();
    });
    test.after(async () => {
      await server?.stop();
    });

    test("valid patch returns updated customer", async () => {
      const response = await send(server, '{"status":"deactivated","metadata":{"region":null,"team":"Netz"}}');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("content-type"), "application/json");
      assert.equal(
        await response.text(),
        '{"id":"cust_r8s9t0u1","name":"SolarDach GmbH","status":"deactivated","balance_group":{"eic":"11YSOLARDACH--A","tso":"DE_AMPRION"},' +
          '"metadata":{"customer_number":"KD-2026-0815","cost_center":"CC-4200","team":"Netz"},' +
          '"assigned_at":"2026-01-10T09:00:00Z","created_at":"2026-01-10T09:00:00Z","activated_at":"2026-01-10T11:30:00Z"}',
      );
    });

    test("store keeps the update", async () => {
      const response = await send(server, undefined, { method: "GET" });
      assert.equal(response.status, 200);
      const customer = await response.json();
      assert.equal(customer.status, "deactivated");
      assert.deepEqual(customer.metadata, { customer_number: "KD-2026-0815", cost_center: "CC-4200", team: "Netz" });
    });

    test("invalid patch returns problem", async () => {
      const problem = await readProblem(await send(server, '{"stauts":"active","id":"x"}'), 400);
      assert.equal(problem.type, "about:blank");
      assert.equal(problem.title, "Bad Request");
      assert.equal(problem.detail, "The patch has 2 errors.");
      assert.equal(problem.instance, CUSTOMER_PATH);
      assert.deepEqual(problem.errors.map(({ code, pointer }) => ({ code, pointer })), [
        { code: "unknown_field", pointer: "/stauts" },
        { code: "read_only_field", pointer: "/id" },
      ]);
      assert.match(problem.errors[0].detail, /Did you mean "status"\?/);
    });

    test("German problem for Accept-Language de", async () => {
      const problem = await readProblem(await send(server, '{"status":"approved"}', { locale: "de-DE,de;q=0.9" }), 400);
      assert.equal(problem.title, "Ungültige Anfrage");
      assert.equal(problem.errors[0].code, "invalid_enum_value");
      assert.match(problem.errors[0].detail, /„approved“/);
    });

    test("duplicate key returns problem", async () => {
      const problem = await readProblem(await send(server, '{"status":"active","status":"pending"}'), 400);
      assert.deepEqual(problem.errors.map(({ code, pointer }) => ({ code, pointer })), [{ code: "duplicate_key", pointer: "/status" }]);
    });

    test("malformed JSON returns problem", async () => {
      const problem = await readProblem(await send(server, '{"status": "active",}'), 400);
      assert.equal(problem.errors[0].code, "invalid_json");
    });

    test("oversized body returns 413", async () => {
      const body = `{"metadata":{"note":"${"x".repeat(MAX_BODY_BYTES)}"}}`;
      const problem = await readProblem(await send(server, body), 413);
      assert.equal(problem.title, "Content Too Large");
      assert.match(problem.detail, /1048576/);
    });

    test("rejected patches leave customer unchanged", async () => {
      const customer = await (await send(server, undefined, { method: "GET" })).json();
      assert.equal(customer.status, "deactivated");
    });

    test("wrong content type returns 415", async () => {
      await readProblem(await send(server, '{"status":"active"}', { contentType: "text/plain" }), 415);
    });

    test("unknown customer returns 404", async () => {
      await readProblem(await send(server, '{"status":"active"}', { path: "/v1/customers/cust_missing" }), 404);
    });

    test("malformed percent escape returns 404", async () => {
      const problem = await readProblem(await send(server, '{"status":"active"}', { path: "/v1/customers/%E0%A4%A" }), 404);
      assert.match(problem.detail, /not valid percent-encoding/);
    });

    test("weighted German language range", async () => {
      const problem = await readProblem(await send(server, '{"status":"approved"}', { locale: "de;q=0.9, en;q=0.5" }), 400);
      assert.equal(problem.title, "Ungültige Anfrage");
    });

    test("POST returns 405 with Allow", async () => {
      const response = await send(server, '{"status":"active"}', { method: "POST" });
      await readProblem(response, 405);
      assert.equal(response.headers.get("allow"), "GET, PATCH");
    });
  });
}
