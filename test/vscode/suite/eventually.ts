/** Polling with a deadline, for state the extension shows without an event a test can wait on. */
const DEADLINE_MS = 30_000;

/** Polls `read` until `accept` takes its value or the deadline passes (then returns the last value). */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250)); // polling interval, not a readiness guess
    value = await read();
  }
  return value;
}
