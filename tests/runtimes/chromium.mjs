// Launches Debian's headless Chromium through playwright-core, the way tests/browser/ does.

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Launches headless Chromium; `chromium` is playwright-core's browser type. */
export function launchChromium(chromium) {
  // Chromium's sandbox cannot start as root, which is how CI runs.
  const sandbox = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...sandbox, "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--disable-gpu"],
  });
}
