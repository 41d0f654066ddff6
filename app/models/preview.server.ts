/**
 * Previewing a page as an external organization would see it (`?as=<organizationId>` on the
 * brief, an issue page and the dashboard). The access module decides who may and builds the
 * reading user (`previewAs`: the organization's scope intersected with the user's own, read-only);
 * this module finds the organization, audits the preview and offers the choices.
 */
import { can, externalRoleOf, previewAs, type SessionUser } from "~/models/access.server";
import { recordAudit } from "~/models/audit.server";
import { listOrganizations } from "~/models/organizations.server";
import type { DB } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";

export interface PreviewState {
  /** The organization being previewed, when a preview is on. */
  active: { organizationId: string; organizationName: string } | null;
  /** External organizations the user may preview as; empty when the user may not preview. */
  choices: { id: string; name: string }[];
}

/**
 * The user a page should read as: the signed-in user, or, with `?as=`, the preview of that
 * organization. A refused or unknown `as` answers 404, like any page the user may not see.
 */
export async function readerFor(db: DB, user: SessionUser, url: URL): Promise<{ reader: SessionUser; preview: PreviewState }> {
  const as = url.searchParams.get("as");
  const mayPreview = can(user, "preview:external");
  const choices = mayPreview
    ? (await listOrganizations(db)).filter((o) => externalRoleOf(o) !== null).map((o) => ({ id: o.id, name: o.name }))
    : [];
  if (!as) return { reader: user, preview: { active: null, choices } };
  if (!mayPreview) notFound();
  const organization = (await listOrganizations(db)).find((o) => o.id === as);
  const reader = organization
    ? previewAs(user, {
        id: organization.id,
        name: organization.name,
        shortName: organization.short_name,
        kind: organization.kind,
        country: organization.country,
      })
    : null;
  if (!organization || !reader) notFound();
  // Who looked at what as whom: a preview shows another party's view of the negotiation.
  await recordAudit(db, {
    actorId: user.id,
    action: "preview.view",
    entityType: "organization_preview",
    entityId: organization.id,
    after: { path: url.pathname },
  });
  return { reader, preview: { active: { organizationId: organization.id, organizationName: organization.name }, choices } };
}
