/**
 * The database as Kysely sees it. Portable by construction: ids are text made by the app,
 * timestamps are ISO-8601 UTC text, booleans are 0 | 1. Each later feature adds its tables in
 * its own interface below and extends `Database`.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type Bool = 0 | 1;

export const ROLES = ["admin", "official", "irel", "diplomat", "counterpart", "industry"] as const;
export type Role = (typeof ROLES)[number];

export const VISIBILITIES = ["shared", "internal", "restricted"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const ORGANIZATION_KINDS = [
  "ministry",
  "public_sector_undertaking",
  "foreign_company",
  "foreign_government",
  "industry_body",
  "company",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface OrganizationTable {
  id: string;
  name: string;
  short_name: string;
  kind: OrganizationKind;
  country: string;
  sector: string | null;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  display_name: string;
  role: Role;
  organization_id: string;
  password_hash: string;
  disabled: Generated<Bool>;
  version: Generated<number>;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  expires_at: string;
  created_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: string;
  email: string;
  ip: string;
  succeeded: Bool;
  at: string;
}

export interface AuditEventTable {
  id: string;
  at: string;
  actor_id: string | null;
  /** e.g. `auth.sign_in`, `user.update`, `consultation.create`. */
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  /** JSON text of the record before and after the change, when there is one. */
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  /** Free text detail, e.g. the email a failed sign-in used. */
  detail: string | null;
}

export interface FoundationTables {
  organizations: OrganizationTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_events: AuditEventTable;
}

export type Database = FoundationTables;

export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
