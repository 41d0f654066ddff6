import { data } from "@remix-run/node";
import type * as z from "zod";

import { decodeCursor, encodeCursor, type Cursor } from "~/utils/cursor";
import { issuesToFieldErrors } from "~/utils/forms";

/**
 * The server half of the list-page kit: every list page reads its filter and cursor from the URL
 * with `parseListQuery` and builds its paging links with `pageLinks`.
 */
export interface ListQuery<F> {
  /** The filter as given in the URL: non-empty parameters other than the cursor. Links carry it on. */
  raw: Record<string, string>;
  filter: F;
  cursor: Cursor | null;
  /** Whether the URL named a page other than the first (a cursor, even one that did not parse). */
  paged: boolean;
}

export function parseListQuery<S extends z.ZodType>(
  url: URL,
  schema: S,
  options: { keys?: readonly string[]; validKey?: (key: string) => boolean } = {},
): ListQuery<z.output<S>> {
  const raw = Object.fromEntries(
    [...url.searchParams].filter(([k, v]) => k !== "cursor" && v !== "" && (!options.keys || options.keys.includes(k))),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw data(
      { message: `Invalid filter: ${Object.values(issuesToFieldErrors(parsed.error.issues)).join(" ")}` },
      { status: 400 },
    );
  }
  return {
    raw,
    filter: parsed.data,
    cursor: decodeCursor(url.searchParams.get("cursor"), options.validKey),
    paged: url.searchParams.has("cursor"),
  };
}

/** `path` with these parameters, and without a `?` when there are none. */
export function hrefWith(path: string, params: Record<string, string> | URLSearchParams): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${path}?${query}` : path;
}

/** The pager's links: the next page after `next`, and the first page when this is not it. */
export function pageLinks(path: string, query: Pick<ListQuery<unknown>, "raw" | "paged">, next: Cursor | null) {
  return {
    nextHref: next ? hrefWith(path, { ...query.raw, cursor: encodeCursor(next) }) : null,
    firstHref: query.paged ? hrefWith(path, query.raw) : null,
  };
}
