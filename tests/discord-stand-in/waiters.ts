/**
 * An append-only log of items (requests, frames, ...) that promises can wait on.
 */
interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class WaitableLog<T> {
  readonly items: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  #closedError: Error | null = null;

  constructor(private readonly label: string) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.#waiters]) {
      let matched = false;
      try {
        matched = waiter.predicate(item);
      } catch (error) {
        this.#settle(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matched) {
        this.#settle(waiter);
        waiter.resolve(item);
      }
    }
  }

  /**
   * Resolves with the first item (already logged or arriving later) matching the predicate.
   * Rejects after `timeoutMs` or when the log is closed.
   */
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, describe?: () => string): Promise<T> {
    const existing = this.items.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    if (this.#closedError) return Promise.reject(this.#closedError);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#settle(waiter);
          const extra = describe ? `\n${describe()}` : '';
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for a matching ${this.label}${extra}`));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Rejects every pending waiter; later waits reject immediately. */
  close(reason: string): void {
    this.#closedError = new Error(reason);
    for (const waiter of [...this.#waiters]) {
      this.#settle(waiter);
      waiter.reject(this.#closedError);
    }
  }

  #settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
  }
}
