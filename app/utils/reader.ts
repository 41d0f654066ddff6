import { useRouteLoaderData } from "@remix-run/react";

import { DEFAULT_TIME_ZONE } from "~/utils/zones";

/** The reader's time zone, as the root loader worked it out (`readerTimeZone`), for components. */
export function useReaderTimeZone(): string {
  const data = useRouteLoaderData<{ user: { timeZone?: string } | null }>("root");
  return data?.user?.timeZone ?? DEFAULT_TIME_ZONE;
}
