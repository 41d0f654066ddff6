import type { DemandCursor, DemandFilter } from "~/models/demand.server";
import { demandFilterSchema } from "~/schemas/demand-filter";
import { decodeTimeCursor } from "~/utils/cursor";
import { issuesToFieldErrors } from "~/utils/forms";
import { invalidRequest } from "~/utils/http.server";

/** Reads the list's filter and cursor from a URL; a bad filter is a 400 with its reason. */
export function demandQueryFrom(url: URL): { raw: Record<string, string>; filter: DemandFilter; cursor: DemandCursor | null } {
  const raw = Object.fromEntries([...url.searchParams].filter(([k, v]) => k !== "cursor" && v !== ""));
  const parsed = demandFilterSchema.safeParse(raw);
  if (!parsed.success) {
    invalidRequest(`Invalid filter: ${Object.values(issuesToFieldErrors(parsed.error.issues)).join(" ")}`);
  }
  const f = parsed.data;
  const cursor: DemandCursor | null = decodeTimeCursor(url.searchParams.get("cursor"));
  return {
    raw,
    filter: { material: f.material, fiscalYear: f.year, sector: f.sector, organizationId: f.organization, status: f.status },
    cursor,
  };
}
