import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { consultationsCsv } from "~/models/consultations.server";
import { consultationFilterSchema } from "~/schemas/consultations";
import { csvResponse } from "~/utils/csv.server";
import { getDb } from "~/utils/db.server";

/** The filtered list as CSV, under exactly the list's visibility scope. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "consultation:list");
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([k, v]) => k !== "cursor" && v !== ""));
  const parsed = consultationFilterSchema.safeParse(raw);
  if (!parsed.success) throw data({ message: "Invalid filter." }, { status: 400 });
  const csv = await consultationsCsv(getDb(), user, parsed.data);
  return csvResponse(csv, `consultations-${new Date().toISOString().slice(0, 10)}.csv`);
}
