import SQLite from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";

import { withStatementCache } from "./connection";

function database() {
  const sqlite = new SQLite(":memory:");
  sqlite.exec("create table t (n integer); insert into t values (1), (2), (3)");
  const prepare = vi.spyOn(sqlite, "prepare");
  return { sqlite, prepare, cached: withStatementCache(sqlite, 2) };
}

describe("the SQLite statement cache", () => {
  it("compiles a SQL text once and binds new values on each run", () => {
    const { prepare, cached } = database();
    const sql = "select n from t where n >= ? order by n";
    expect(cached.prepare(sql).all([2])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(cached.prepare(sql).all([3])).toEqual([{ n: 3 }]);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("keeps only the most recently used statements", () => {
    const { prepare, cached } = database();
    cached.prepare("select 1");
    cached.prepare("select 2");
    cached.prepare("select 1");
    cached.prepare("select 3"); // pushes out "select 2", used least recently
    cached.prepare("select 1");
    expect(prepare).toHaveBeenCalledTimes(3);
    cached.prepare("select 2");
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it("never hands out a statement that is still being iterated", () => {
    const { cached } = database();
    const sql = "select n from t order by n";
    const outer = cached.prepare(sql).iterate() as IterableIterator<{ n: number }>;
    expect(outer.next().value).toEqual({ n: 1 });
    // A second reader of the same SQL while the first is mid-way gets a statement of its own.
    expect(cached.prepare(sql).all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...outer].map((r) => r.n)).toEqual([2, 3]);
  });

  it("sees a table changed after the statement was compiled", () => {
    const { sqlite, cached } = database();
    expect(cached.prepare("select * from t where n = 1").all()).toEqual([{ n: 1 }]);
    sqlite.exec("alter table t add column label text default 'x'");
    expect(cached.prepare("select * from t where n = 1").all()).toEqual([{ n: 1, label: "x" }]);
  });
});
