/**
 * Accord's HTTP server: migrates the database, then serves the Remix build with static assets,
 * the CSRF origin guard and per-request CSP nonces. Bundled to build/server.js by `npm run build`.
 */
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

import { env } from "~/utils/env.server";
import { isAllowedOrigin } from "~/utils/security.server";
import { createDatabase } from "~db/connection";
import { reasonOf, redactUrl } from "~db/errors";
import { migrateToLatest } from "~db/migrate";

const here = path.dirname(fileURLToPath(import.meta.url));
const config = env();

// A database that cannot be reached (or migrated) at start-up is one clear line, not a stack.
try {
  const migrationDb = createDatabase(config.DATABASE_URL);
  try {
    const { results = [] } = await migrateToLatest(migrationDb);
    for (const r of results) console.log(`migration ${r.migrationName}: ${r.status}`);
  } finally {
    await migrationDb.destroy().catch(() => {});
  }
} catch (error) {
  const reason = error instanceof Error && error.message.startsWith("Migration ") ? `${error.message}: ${reasonOf(error.cause)}` : reasonOf(error);
  console.error(`Accord cannot start: database ${redactUrl(config.DATABASE_URL)}: ${reason}`);
  process.exit(1);
}

const build = (await import(path.join(here, "index.js"))) as ServerBuild;

const app = express();
app.disable("x-powered-by");
if (config.TRUST_PROXY) app.set("trust proxy", config.TRUST_PROXY);

const publicDir = path.join(here, "..", "public");
const nosniff = (res: express.Response) => res.setHeader("X-Content-Type-Options", "nosniff");
app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", setHeaders: nosniff }));
app.use(express.static(publicDir, { maxAge: "1h", index: false, setHeaders: nosniff }));

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
    res.status(403).type("text/plain").setHeader("X-Content-Type-Options", "nosniff");
    res.send("Forbidden: this request did not come from an Accord page.");
    return;
  }
  res.locals.nonce = crypto.randomBytes(16).toString("base64");
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({
      nonce: String(res.locals.nonce),
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

const server = app.listen(config.PORT, config.HOST, () => {
  console.log(`Accord is listening on http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
