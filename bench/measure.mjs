// Timing helpers: repeated batches, and the median batch as nanoseconds per call.

/** Returns the median time of one call of `fn` in nanoseconds, over `samples` batches. */
export function measure(fn, { samples = 25, minBatchMs = 20 } = {}) {
  // Find a batch size that takes at least minBatchMs, which also warms the function up.
  let batch = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let index = 0; index < batch; index += 1) fn();
    const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (elapsedMs >= minBatchMs) break;
    batch *= 2;
  }

  const perCall = [];
  for (let sample = 0; sample < samples; sample += 1) {
    const start = process.hrtime.bigint();
    for (let index = 0; index < batch; index += 1) fn();
    perCall.push(Number(process.hrtime.bigint() - start) / batch);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

/** Formats nanoseconds for the table, such as "1,234 ns". */
export function formatNs(ns) {
  return `${Math.round(ns).toLocaleString("en-US")} ns`;
}
