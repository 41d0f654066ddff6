/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary directory, served on a free
 * loopback port, removed on stop. initdb refuses to run as root, so as root the cluster belongs
 * to the `postgres` user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface TestCluster {
  port: number;
  /** A URL for a database of this cluster (default: the `postgres` maintenance database). */
  url(database?: string): string;
  binDir: string;
  /** Stops the server, keeping its data, as an outage would; `resume` starts it on the same port. */
  pause(): void;
  resume(): void;
  stop(): void;
}

/** The newest PostgreSQL server binaries: PG_BIN, then Debian's /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const bin = path.join(root, v, "bin");
    if (fs.existsSync(path.join(bin, "initdb"))) return bin;
  }
  throw new Error("PostgreSQL server binaries not found: install Debian's postgresql package or set PG_BIN");
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A free port from ACCORD_PG_PORTS ("FROM-TO", default 55400-55499), starting at a random one. */
export async function freePort(): Promise<number> {
  const [from, to] = (process.env.ACCORD_PG_PORTS ?? "55400-55499").split("-").map(Number) as [number, number];
  const span = to - from + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = from + ((start + i) % span);
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${from}-${to} for a test PostgreSQL`);
}

function asOwner(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

export async function startTestCluster(): Promise<TestCluster> {
  const binDir = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "accord-pg-"));
  const owner = asOwner();
  if (owner.uid !== undefined) fs.chownSync(dir, owner.uid, owner.gid!);
  const data = path.join(dir, "data");
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(path.join(binDir, cmd), args, { ...owner, cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  // Byte-order collation sorts text as SQLite does; a UTF-8 ctype lets pg_trgm read Japanese.
  run("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--lc-collate=C",
    "--lc-ctype=C.UTF-8",
    "--no-sync",
  ]);
  let port = 0;
  // Durability is not what these tests measure: fsync off keeps them fast.
  const start = () =>
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      "-w",
      "-t",
      "60",
      "start",
    ]);
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      start();
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  let stopped = false;
  return {
    port,
    binDir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    pause: () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]),
    resume: start,
    stop() {
      if (stopped) return;
      stopped = true;
      spawnSync(path.join(binDir, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], { ...owner, cwd: dir });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates an empty database on the cluster an admin URL names; returns its URL. */
export async function createTestDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("test database names are lower-case letters, digits and _");
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
