/**
 * Document titles in the page's language. `meta` functions cannot use hooks, so they read the
 * catalogs of the language the root loader chose (app/utils/catalogs.ts).
 */
import { catalogsFor } from "~/utils/catalogs";
import type { Locale } from "~/utils/preferences";

type Match = { id: string; data: unknown };

function lookup(tree: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
      tree,
    );
}

function rootCatalogs(matches: readonly Match[]): Record<string, unknown> | undefined {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return root?.locale ? catalogsFor(root.locale) : undefined;
}

/** "Title · Accord" for a key of the common catalog, or "Accord" alone. */
export function pageTitle(matches: readonly Match[], key?: string, values: Record<string, string | number> = {}): string {
  const resources = rootCatalogs(matches);
  const common = resources?.common;
  const app = (lookup(common, "app.name") as string | undefined) ?? "Accord";
  if (!key) return app;
  const [ns, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : ["common", key];
  const raw = lookup(resources?.[ns], path);
  if (typeof raw !== "string") return app;
  const title = raw.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
  const suffix = lookup(common, "app.titleSuffix");
  return typeof suffix === "string" ? suffix.replace("{{title}}", title) : `${title} · ${app}`;
}

/** One word of the catalogs the root loader sent ("labels:material.samarium"), or `fallback`. */
export function catalogWord(matches: readonly Match[], key: string, fallback: string): string {
  const [ns, path] = key.split(":", 2) as [string, string];
  const raw = lookup(rootCatalogs(matches)?.[ns], path);
  return typeof raw === "string" ? raw : fallback;
}
