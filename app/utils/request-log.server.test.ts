import { describe, expect, it } from "vitest";

import { formatRequestLog, noteRequestUser, requestLogStorage, type RequestLogContext } from "./request-log.server";

describe("request log", () => {
  it("writes one JSON line with method, path, status, time and user, never a feed secret", () => {
    const line = formatRequestLog({
      method: "GET",
      path: "/calendar/feed/abc123.ics",
      status: 404,
      ms: 1.234,
      userId: null,
    });
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({
      msg: "request",
      method: "GET",
      path: "/calendar/feed/[secret]",
      status: 404,
      ms: 1.2,
      userId: null,
    });
  });

  it("carries the signed-in user noted during the request", async () => {
    const context: RequestLogContext = { userId: null };
    await requestLogStorage().run(context, async () => {
      await Promise.resolve();
      noteRequestUser("user-1");
    });
    expect(context.userId).toBe("user-1");
  });
});
