// The edge handler on plain node:http: each request becomes a Fetch API Request for handler.js,
// and its Response is written back. Usage: node node-server.mjs [--host 127.0.0.1] [--port 8787]
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";

import { createHandler } from "./handler.js";

const { values } = parseArgs({ options: { host: { type: "string", default: "127.0.0.1" }, port: { type: "string", default: "8787" } } });
const handle = createHandler();

const server = createServer(async (incoming, outgoing) => {
  try {
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new Request(`http://${incoming.headers.host ?? values.host}${incoming.url}`, {
      method: incoming.method,
      headers: incoming.headers,
      body: hasBody ? Readable.toWeb(incoming) : undefined,
      duplex: "half",
    });
    const response = await handle(request);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(`${incoming.method} ${incoming.url} failed:`, error);
    outgoing.writeHead(500, { "content-type": "text/plain" });
    outgoing.end("Internal Server Error\n");
  }
});

server.listen(Number(values.port), values.host, () => {
  console.log(`Listening on http://${values.host}:${server.address().port}`);
});
