// Starts the local servers the runtime tests talk to: workerd with a worker, the edge handler
// under Node.js, and a static file server for Chromium. Each listens on 127.0.0.1 only.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { dirname, extname, join, normalize } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

import { build } from "esbuild";

const HOST = "127.0.0.1";

/** Returns a TCP port that was free a moment ago, for a server that cannot report its own. */
export async function freePort() {
  const server = createNetServer();
  server.listen(0, HOST);
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

/** Polls `url` until it responds, so a test starts only once the server listens. */
async function waitUntilListening(url, child, output) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before listening:\n${output()}`);
    }
    try {
      await fetch(url);
      return;
    } catch {
      await delay(50);
    }
  }
  throw new Error(`The server did not listen on ${url} within 15 s:\n${output()}`);
}

function startProcess(command, args, options, url) {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return waitUntilListening(url, child, () => output).then(() => ({
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    },
  }), async (error) => {
    child.kill("SIGTERM");
    throw error;
  });
}

/**
 * Bundles a worker as Wrangler does and serves it with workerd on 127.0.0.1.
 *
 * esbuild resolves the package with the `workerd` condition and leaves `.wasm` imports to
 * workerd, which loads each as a compiled WebAssembly module from the config. `entry` is a path
 * inside `consumerDir`, whose node_modules contains the package.
 */
export async function startWorkerd(consumerDir, entry, name) {
  const outDir = join(consumerDir, "workerd", name);
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(consumerDir, entry)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    external: ["*.wasm"],
    outfile: join(outDir, "worker.js"),
    metafile: true,
    logLevel: "warning",
  });
  const wasmImports = Object.values(result.metafile.outputs)[0].imports.filter((entry) => entry.path.endsWith(".wasm"));
  const modules = [`(name = "worker.js", esModule = embed "worker.js")`];
  // esbuild keeps an external import's path as written in the package, relative to its entry,
  // and the bundle sits at the root of the module names, so the same path names the module.
  // workerd embeds files relative to the config, so each .wasm file is copied beside it.
  for (const { path } of wasmImports) {
    const name = normalize(path);
    await mkdir(dirname(join(outDir, name)), { recursive: true });
    await copyFile(join(consumerDir, "node_modules/brp-customer-patch", name), join(outDir, name));
    modules.push(`(name = ${JSON.stringify(name)}, wasm = embed ${JSON.stringify(name)})`);
  }

  const port = await freePort();
  const config = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "${HOST}:${port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    ${modules.join(",\n    ")}
  ],
  compatibilityDate = "2026-11-01",
);
`;
  const configFile = join(outDir, "config.capnp");
  await writeFile(configFile, config);
  return startProcess("workerd", ["serve", configFile, "--experimental"], {}, `http://${HOST}:${port}/`);
}

/** Starts a Node.js script that takes `--port` and listens on 127.0.0.1. */
export async function startNodeServer(script, cwd) {
  const port = await freePort();
  return startProcess(process.execPath, [script, "--host", HOST, "--port", String(port)], { cwd }, `http://${HOST}:${port}/`);
}

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".css": "text/css",
};

/** Serves the files under `root` on 127.0.0.1 for the browser tests. */
export async function startStaticServer(root) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://localhost").pathname));
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, { "content-type": CONTENT_TYPES[extname(path)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end(`Not found: ${path}\n`);
    }
  });
  server.listen(0, HOST);
  await once(server, "listening");
  return {
    url: `http://${HOST}:${server.address().port}/`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
