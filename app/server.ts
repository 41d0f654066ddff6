/**
 * Accord's HTTP server: migrates the database, then serves the Remix build with static assets,
 * the CSRF origin guard and per-request CSP nonces. Bundled to build/server.js by `npm run build`.
 */
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

import { startMailWorker } from "~/models/mailer.server";
import { env } from "~/utils/env.server";
import { formatRequestLog, requestLogStorage, type RequestLogContext } from "~/utils/request-log.server";
import { inRequestScope } from "~/utils/request-scope.server";
import { baselineSecurityHeaders, isAllowedOrigin } from "~/utils/security.server";
import { countingStatements, createDatabase, statementTally, type StatementTally } from "~db/connection";
import { reasonOf, redactUrl } from "~db/errors";
import { migrateToLatest } from "~db/migrate";
import { refreshPlannerStatistics } from "~db/sql";

const here = path.dirname(fileURLToPath(import.meta.url));
const config = env();

// A database that cannot be reached (or migrated) at start-up is one clear line, not a stack.
try {
  const migrationDb = createDatabase(config.DATABASE_URL);
  try {
    const { results = [] } = await migrateToLatest(migrationDb);
    for (const r of results) console.log(`migration ${r.migrationName}: ${r.status}`);
    await refreshPlannerStatistics(migrationDb);
  } finally {
    await migrationDb.destroy().catch(() => {});
  }
} catch (error) {
  const reason =
    error instanceof Error && error.message.startsWith("Migration ")
      ? `${error.message}: ${reasonOf(error.cause)}`
      : reasonOf(error);
  console.error(`Accord cannot start: database ${redactUrl(config.DATABASE_URL)}: ${reason}`);
  process.exit(1);
}

const build = (await import(path.join(here, "index.js"))) as ServerBuild;

const app = express();
app.disable("x-powered-by");
if (config.TRUST_PROXY) app.set("trust proxy", config.TRUST_PROXY);

// One log line per request, with the signed-in user the session code notes in the context.
app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  const context: RequestLogContext = { userId: null };
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(formatRequestLog({ method: req.method, path: req.path, status: res.statusCode, ms, userId: context.userId }));
  });
  requestLogStorage().run(context, next);
});

// Every response carries the security headers: documents get theirs (with the CSP nonce) from
// entry.server.tsx; anything else that has none by the time headers go out (CSV, .ics, PDF,
// static files, refusals below) gets the baseline set, including a CSP that allows nothing.
app.use((_req, res, next) => {
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
    for (const [name, value] of Object.entries(baselineSecurityHeaders(config.NODE_ENV === "production"))) {
      if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
});

// gzip or brotli by Accept-Encoding for every compressible type: HTML, single-fetch data, JS,
// CSS, CSV and the .ics feed (the default filter takes text/* and JSON).
app.use(compression({ brotli: { enabled: true } } as compression.CompressionOptions));

const publicDir = path.join(here, "..", "public");
app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(publicDir, { maxAge: "1h", index: false }));

// Remix buffers request bodies in memory: refuse large or unmeasured ones before they are read.
const MAX_BODY_BYTES = 2 * 1024 * 1024;
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const length = req.get("content-length");
  if (length === undefined && req.get("transfer-encoding")) {
    res.status(411).type("text/plain").send("A request body must state its length.");
    return;
  }
  if (Number(length ?? 0) > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("This request is too large.");
    return;
  }
  next();
});

app.use((req, res, next) => {
  const requestOrigin = `${req.protocol}://${req.get("host") ?? ""}`;
  if (!isAllowedOrigin({ method: req.method, origin: req.get("origin"), requestOrigin, configuredOrigin: config.APP_ORIGIN })) {
    res.status(403).type("text/plain").send("Forbidden: this request did not come from an Accord page.");
    return;
  }
  res.locals.nonce = crypto.randomBytes(16).toString("base64");
  next();
});

const remixHandler = createRequestHandler({
  build,
  mode: config.NODE_ENV,
  getLoadContext: (_req, res) => res.locals.loadContext as AppLoadContext,
});

const countSql = countingStatements();
app.all("*", (req, res, next) => {
  // One load context per HTTP request, also the request scope that per-request memos key on.
  const loadContext: AppLoadContext = {
    nonce: String(res.locals.nonce),
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
  };
  res.locals.loadContext = loadContext;
  const tally: StatementTally = { count: 0, statements: [] };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => express.Response;
  res.writeHead = ((...args: unknown[]) => {
    // Pages, data and exports are personal: no shared cache may keep them, unless a route said otherwise.
    if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", "private, no-store");
    // The benchmark reads how many SQL statements a request ran from this header.
    if (countSql) res.setHeader("X-Accord-SQL-Statements", String(tally.count));
    return writeHead(...args);
  }) as typeof res.writeHead;
  const serve = () => inRequestScope(loadContext, () => remixHandler(req, res, next));
  return countSql ? statementTally.run(tally, serve) : serve();
});

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`Accord is listening on http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}`);
});

// The outbox worker runs in this process over its own connection; without SMTP_URL it stays idle.
const mailDb = createDatabase(config.DATABASE_URL);
const stopMail = startMailWorker(mailDb, { onError: (e) => console.error("mail worker:", e) });
console.log(config.SMTP_URL ? "mail: sending through SMTP_URL" : "mail: off (SMTP_URL unset); mail waits in the outbox");

function shutdown() {
  stopMail();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
