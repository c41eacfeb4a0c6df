/** Polling with a deadline, for state that changes without an event a test can wait on. */

/** Polls `read` until `accept` takes its value or the deadline passes (then returns the last value). */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { deadlineMs = 30_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs)); // polling interval, not a readiness guess
    value = await read();
  }
  return value;
}
