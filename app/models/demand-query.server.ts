import type { DemandFilter } from "~/models/demand.server";
import { demandFilterSchema } from "~/schemas/demand-filter";
import { isTimestamp } from "~/utils/cursor";
import { parseListQuery, type ListQuery } from "~/utils/list.server";

/** Reads the list's filter and cursor from a URL; a bad filter is a 400 with its reason. */
export function demandQueryFrom(url: URL): ListQuery<DemandFilter> {
  const query = parseListQuery(url, demandFilterSchema, { validKey: isTimestamp });
  const f = query.filter;
  return {
    ...query,
    filter: { material: f.material, fiscalYear: f.year, sector: f.sector, organizationId: f.organization, status: f.status },
  };
}
