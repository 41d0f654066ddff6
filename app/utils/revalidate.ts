import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * For pages whose forms carry a record's version. Single fetch does not reload loaders after a
 * 4xx action, so after a 409 the page would keep the stale version and every later save would
 * conflict again; reload then, so the form shows what is saved now and posts its new version.
 * Use as `export const shouldRevalidate = revalidateAfterConflict;` in the route module.
 */
export const revalidateAfterConflict: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;
