// The edge handler as a Cloudflare Worker. `workerd serve` runs it locally, and Wrangler deploys
// it unchanged, because both load the package's .wasm file as a module.
import { createHandler } from "./handler.js";

const handle = createHandler();

export default {
  fetch(request) {
    return handle(request);
  },
};
