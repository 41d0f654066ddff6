/**
 * A bounded queue for PDF printing (docs/decisions/010-hardening.md): each job holds a Chromium
 * context, so only `concurrency` run at once, a few more wait, and one user has at most
 * `perUser` jobs running or waiting. Past that the caller is told to come back later (503).
 */
export class PdfBusyError extends Error {
  constructor(
    message: string,
    /** Seconds for the Retry-After header. */
    readonly retryAfter: number,
  ) {
    super(message);
  }
}

export interface PdfQueueOptions {
  concurrency: number;
  /** Jobs that may wait for a free slot, across users. */
  maxWaiting: number;
  /** Jobs one user may have running or waiting. */
  perUser: number;
}

export class PdfQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly byUser = new Map<string, number>();

  constructor(private readonly options: PdfQueueOptions) {}

  get stats() {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `job` when a slot is free, or throws PdfBusyError at once when the queue is full. */
  async run<T>(userId: string, job: () => Promise<T>): Promise<T> {
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= this.options.perUser) {
      throw new PdfBusyError("Your previous PDF is still being printed; try again when it has arrived.", 5);
    }
    if (this.running >= this.options.concurrency && this.waiting.length >= this.options.maxWaiting) {
      throw new PdfBusyError("The server is printing other PDFs; try again in a moment.", 10);
    }
    this.byUser.set(userId, mine + 1);
    try {
      if (this.running >= this.options.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
      else this.running++;
      try {
        return await job();
      } finally {
        // Hand the slot straight to the next waiter, or free it.
        const next = this.waiting.shift();
        if (next) next();
        else this.running--;
      }
    } finally {
      const left = (this.byUser.get(userId) ?? 1) - 1;
      if (left <= 0) this.byUser.delete(userId);
      else this.byUser.set(userId, left);
    }
  }
}

let shared: PdfQueue | undefined;

/** The server's one PDF queue: PDF_CONCURRENCY at once, twice that waiting, one job per user. */
export function pdfQueue(concurrency: number): PdfQueue {
  return (shared ??= new PdfQueue({
    concurrency,
    maxWaiting: concurrency * 2,
    perUser: 1,
  }));
}
