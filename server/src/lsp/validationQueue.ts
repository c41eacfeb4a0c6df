/**
 * Debounced validation per document: typing restarts a document's timer, and one document's
 * validation never runs twice at once.
 */
export class ValidationQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private running = Promise.resolve();

  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.running = this.running.then(() => this.validate(uri)).catch(this.onError);
    }, delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
