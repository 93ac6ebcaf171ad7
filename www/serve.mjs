// A static file server for the demo page, bound to loopback only.
//
// Usage: node www/serve.mjs [--host 127.0.0.1] [--port 8080]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL(".", import.meta.url));

const contentTypes = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** Maps a URL path to a file below `root`, or returns null for a path that leaves it. */
function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, "");
  const file = join(root, relative);
  if (file !== root.replace(/[/\\]$/, "") && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return null;
  }
  return file;
}

export function startServer({ host = "127.0.0.1", port = 8080 } = {}) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    let file = resolveFile(url.pathname);
    if (file === null) {
      response.writeHead(400, { "content-type": "text/plain" }).end(`Invalid path ${url.pathname}\n`);
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        file = join(file, "index.html");
      }
      const body = await readFile(file);
      const type = contentTypes[extname(file)] ?? "application/octet-stream";
      response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
    } catch (error) {
      const status = error.code === "ENOENT" || error.code === "ENOTDIR" ? 404 : 500;
      if (status === 500) {
        console.error(`Failed to serve ${url.pathname}: ${error.message}`);
      }
      response.writeHead(status, { "content-type": "text/plain" }).end(status === 404 ? `Not found: ${url.pathname}\n` : "Internal error\n");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let values;
  try {
    ({ values } = parseArgs({ options: { host: { type: "string", default: "127.0.0.1" }, port: { type: "string", default: "8080" } } }));
  } catch (error) {
    console.error(`${error.message}\nUsage: node www/serve.mjs [--host 127.0.0.1] [--port 8080], or make demo DEMO_PORT=8092`);
    process.exit(2);
  }
  const port = Number(values.port);
  try {
    await startServer({ host: values.host, port });
  } catch (error) {
    console.error(`Cannot serve the demo on ${values.host}:${port}: ${error.message}. Stop the other server, or pick another port: make demo DEMO_PORT=8092.`);
    process.exit(1);
  }
  console.log(`Demo running at http://${values.host}:${port}/ (press Ctrl+C to stop)`);
}
