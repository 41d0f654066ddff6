import { invalidRequest } from "~/utils/http.server";
import { MATERIALS, type Material } from "~db/schema";

/** The material a supply page shows: `?material=`, neodymium oxide by default; unknown is a 400. */
export function materialFrom(url: URL): Material {
  const raw = url.searchParams.get("material");
  if (!raw) return "neodymium_oxide";
  if (!(MATERIALS as readonly string[]).includes(raw)) invalidRequest("Unknown material.");
  return raw as Material;
}
