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

export const CONSULTATION_MODES = ["in_person", "video", "phone", "written"] as const;
export type ConsultationMode = (typeof CONSULTATION_MODES)[number];
export const CONSULTATION_KINDS = ["bilateral", "inter_ministerial", "industry_consultation", "technical"] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ConsultationTable {
  id: string;
  title: string;
  /** ISO-8601 UTC instant. */
  starts_at: string;
  /** IANA zone the time was entered in, e.g. Asia/Kolkata or Asia/Tokyo. */
  time_zone: string;
  mode: ConsultationMode;
  kind: ConsultationKind;
  location: string | null;
  agenda: Generated<string>;
  /** Markdown. */
  notes: Generated<string>;
  outcome: Generated<string>;
  visibility: Visibility;
  created_by: string;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  /** Random key of the form that created it; refuses a duplicate submit. */
  submission_key: string | null;
}

export interface ConsultationParticipantTable {
  consultation_id: string;
  organization_id: string;
}

export interface FollowUpActionTable {
  id: string;
  consultation_id: string;
  description: string;
  owner_organization_id: string;
  /** YYYY-MM-DD */
  due_date: string | null;
  status: Generated<ActionStatus>;
  completed_at: string | null;
  /** Order within the consultation. */
  position: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** FTS5 virtual table (SQLite): one search document per consultation, written by the model. */
export interface ConsultationSearchTable {
  consultation_id: string;
  title: string;
  agenda: string;
  notes: string;
  outcome: string;
  actions: string;
}

/** A comment on any record; its visibility is never looser than the record's. Append-only. */
export interface CommentTable {
  id: string;
  /** e.g. `consultation`, later `issue`, `milestone`. */
  entity_type: string;
  entity_id: string;
  body: string;
  visibility: Visibility;
  author_id: string;
  created_at: string;
}

export interface ConsultationTables {
  consultations: ConsultationTable;
  consultation_participants: ConsultationParticipantTable;
  follow_up_actions: FollowUpActionTable;
  consultation_search: ConsultationSearchTable;
  comments: CommentTable;
}

// Each feature adds its tables interface to this list.
export interface Database extends FoundationTables, ConsultationTables {}

export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type Consultation = Selectable<ConsultationTable>;
export type FollowUpAction = Selectable<FollowUpActionTable>;
export type Comment = Selectable<CommentTable>;
