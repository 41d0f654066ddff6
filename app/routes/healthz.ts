import { getDb } from "~/utils/db.server";
import { reasonOf } from "~db/errors";
import { ping } from "~db/sql";

export async function loader() {
  try {
    await ping(getDb());
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error(`health check failed: ${reasonOf(error)}`);
    return Response.json(
      { status: "unavailable", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
