import { describe, expect, it } from "vitest";

import { PdfBusyError, PdfQueue } from "./pdf-queue.server";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("PdfQueue", () => {
  it("runs at most `concurrency` jobs at once and refuses past the waiting room", async () => {
    const queue = new PdfQueue({ concurrency: 2, maxWaiting: 1, perUser: 1 });
    const gates = [deferred(), deferred(), deferred()];
    let peak = 0;
    let running = 0;
    const job = (i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await gates[i]!.promise;
      running--;
      return i;
    };
    const runs = [queue.run("u1", job(0)), queue.run("u2", job(1)), queue.run("u3", job(2))];
    await Promise.resolve();
    expect(queue.stats).toEqual({ running: 2, waiting: 1 });
    const refused = await queue.run("u4", job(0)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PdfBusyError);
    expect((refused as PdfBusyError).retryAfter).toBeGreaterThan(0);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(peak).toBe(2);
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  it("lets one user have one job at a time", async () => {
    const queue = new PdfQueue({ concurrency: 2, maxWaiting: 4, perUser: 1 });
    const gate = deferred();
    const first = queue.run("u1", () => gate.promise);
    await expect(queue.run("u1", async () => 1)).rejects.toBeInstanceOf(PdfBusyError);
    expect(await queue.run("u2", async () => 2)).toBe(2);
    gate.resolve();
    await first;
    expect(await queue.run("u1", async () => 3)).toBe(3);
  });

  it("frees the slot when a job fails", async () => {
    const queue = new PdfQueue({ concurrency: 1, maxWaiting: 0, perUser: 1 });
    await expect(queue.run("u1", async () => Promise.reject(new Error("printing failed")))).rejects.toThrow("printing failed");
    expect(await queue.run("u1", async () => "ok")).toBe("ok");
  });
});
