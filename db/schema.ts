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

/** The side of the negotiation an organization sits on, which is not always its country's. */
export const ORGANIZATION_SIDES = ["india", "japan", "other"] as const;
export type OrganizationSide = (typeof ORGANIZATION_SIDES)[number];

/**
 * The columns every versioned record carries: `version` is claimed by each update (see
 * app/models/writes.server.ts), the timestamps are ISO-8601 UTC text.
 */
export interface VersionedColumns {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A versioned record that is archived, never deleted. */
export interface ArchivableColumns extends VersionedColumns {
  archived_at: string | null;
}

export interface OrganizationTable extends ArchivableColumns {
  id: string;
  name: string;
  short_name: string;
  kind: OrganizationKind;
  country: string;
  side: Generated<OrganizationSide>;
  /** The group a company belongs to, e.g. a Japanese parent of an Indian company. */
  affiliation: string | null;
  sector: string | null;
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
  /** When the session before the current one began: the "since your last visit" baseline. */
  previous_sign_in_at: string | null;
  /** Preferred language (en, ja, hi); null follows the browser's Accept-Language. */
  locale: string | null;
  /** Home IANA time zone; null means the organization's country's zone. */
  time_zone: string | null;
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

export interface ConsultationTable extends ArchivableColumns {
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
  /** Random key of the form that created it; refuses a duplicate submit. */
  submission_key: string | null;
}

export interface ConsultationParticipantTable {
  consultation_id: string;
  organization_id: string;
}

export interface FollowUpActionTable extends VersionedColumns {
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
}

/** FTS5 virtual table (SQLite): one search document per consultation, written by the model. */
export interface ConsultationSearchTable {
  consultation_id: string;
  title: string;
  agenda: string;
  notes: string;
  outcome: string;
  actions: string;
  /** Bigrams of the runs of scripts written without spaces, per column (see noSpaceBigrams). */
  title_cjk: string | null;
  agenda_cjk: string | null;
  notes_cjk: string | null;
  outcome_cjk: string | null;
  actions_cjk: string | null;
}

/** The same document in a trigram index: any substring of three characters or more. */
export interface ConsultationSearchTrigramTable {
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
  consultation_search_trigram: ConsultationSearchTrigramTable;
  comments: CommentTable;
}

export interface ActivityReadTable {
  user_id: string;
  last_read_at: string;
}

export interface ActivityTables {
  activity_reads: ActivityReadTable;
}

export const ISSUE_STATUSES = ["open", "converging", "agreed", "deadlocked", "withdrawn"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const ISSUE_PRIORITIES = ["high", "medium", "low"] as const;
export type IssuePriority = (typeof ISSUE_PRIORITIES)[number];
export const STANCES = ["supports", "conditional", "neutral", "undecided", "opposes"] as const;
export type Stance = (typeof STANCES)[number];
export const FLEXIBILITIES = ["firm", "negotiable", "open"] as const;
export type Flexibility = (typeof FLEXIBILITIES)[number];
export const RISK_LEVELS = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface IssueTable extends ArchivableColumns {
  id: string;
  title: string;
  description: Generated<string>;
  status: IssueStatus;
  priority: IssuePriority;
  visibility: Visibility;
  created_by: string;
}

export interface IssuePartyTable {
  issue_id: string;
  organization_id: string;
}

/** Append-only: never updated; the latest by (stated_on, recorded_at, id) is a party's current one. */
export interface PositionTable {
  id: string;
  issue_id: string;
  organization_id: string;
  stance: Stance;
  statement: string;
  desired_outcome: string | null;
  flexibility: Flexibility;
  /** YYYY-MM-DD: the date from which the party held this position. */
  stated_on: string;
  recorded_at: string;
  recorded_by: string;
  source_consultation_id: string | null;
  /** India's red line: always `restricted`. */
  red_line: Bool;
  visibility: Visibility;
  /**
   * 1 for a position of the Government of India meant for the table: it reaches readers of
   * shared records only once tabled, after every named ministry concurred (decision 016).
   */
  needs_concurrence: Generated<0 | 1>;
}

export interface AssessmentTable {
  id: string;
  /** Null for an assessment of the negotiation as a whole. */
  issue_id: string | null;
  /** YYYY-MM-DD */
  assessed_on: string;
  risk: RiskLevel;
  summary: string;
  recommendation: string;
  visibility: Visibility;
  author_id: string;
  created_at: string;
}

export interface ConsultationIssueTable {
  consultation_id: string;
  issue_id: string;
  created_at: string;
}

export interface PositionTables {
  issues: IssueTable;
  issue_parties: IssuePartyTable;
  positions: PositionTable;
  assessments: AssessmentTable;
  consultation_issues: ConsultationIssueTable;
}

export const MATERIALS = [
  "neodymium_oxide",
  "praseodymium_oxide",
  "ndpr_oxide",
  "dysprosium_oxide",
  "terbium_oxide",
  "samarium",
  "lanthanum_oxide",
  "cerium_oxide",
] as const;
export type Material = (typeof MATERIALS)[number];
export const DEMAND_SECTORS = ["automotive", "electronics", "renewable_energy", "defence", "pharmaceuticals", "other"] as const;
export type DemandSector = (typeof DEMAND_SECTORS)[number];
export const DEMAND_STATUSES = ["submitted", "under_review", "approved", "partially_approved", "rejected", "withdrawn"] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
export const DECISION_OUTCOMES = ["approved", "partially_approved", "rejected"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const PRODUCTION_BASES = ["forecast", "actual"] as const;
export type ProductionBasis = (typeof PRODUCTION_BASES)[number];

/** Quantities are integer kilograms: exact, portable, and summed without rounding. */
export interface DemandRequestTable extends VersionedColumns {
  id: string;
  organization_id: string;
  /** Null for requests recorded from a letter rather than submitted in Accord. */
  submitted_by: string | null;
  material: Material;
  /** `FY2026-27` */
  fiscal_year: string;
  quantity_kg: number;
  sector: DemandSector;
  end_use: string;
  justification: string;
  for_indian_magnets: Bool;
  status: DemandStatus;
  /** The allocation of the current decision; null until approved (0 when rejected). */
  allocated_kg: number | null;
  current_decision_id: string | null;
}

/** Append-only: a change of decision is a new row naming the one it supersedes. */
export interface DemandDecisionTable {
  id: string;
  request_id: string;
  outcome: DecisionOutcome;
  allocated_kg: number;
  reasons: string;
  /** The balance of the material and year left for this request when it was decided. */
  remaining_balance_kg: number;
  /** The official confirmed allocating more than the remaining balance. */
  over_balance_confirmed: Bool;
  supersedes_id: string | null;
  decided_by: string;
  decided_at: string;
}

export interface SupplyFigureTable extends VersionedColumns {
  id: string;
  material: Material;
  fiscal_year: string;
  production_kg: number;
  production_basis: ProductionBasis;
  /** Committed exports under the 2012 arrangement with Toyotsu. */
  exports_kg: number;
  reserve_kg: number;
  notes: Generated<string>;
  updated_by: string | null;
}

export interface SupplyScenarioTable extends ArchivableColumns {
  id: string;
  name: string;
  description: Generated<string>;
  /** `internal` or `restricted`: never shared outside the Indian side. */
  visibility: Visibility;
  created_by: string;
}

export interface SupplyScenarioExportTable {
  scenario_id: string;
  material: Material;
  fiscal_year: string;
  exports_kg: number;
}

export interface DemandTables {
  demand_requests: DemandRequestTable;
  demand_decisions: DemandDecisionTable;
  supply_figures: SupplyFigureTable;
  supply_scenarios: SupplyScenarioTable;
  supply_scenario_exports: SupplyScenarioExportTable;
}

export const MINUTES_STATUSES = ["draft", "circulated", "agreed"] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const AMENDMENT_STATUSES = ["open", "accepted", "rejected"] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** Agreed minutes of a consultation: one per consultation, with the consultation's visibility. */
export interface MinutesTable {
  id: string;
  consultation_id: string;
  status: MinutesStatus;
  /** Markdown; paragraphs are separated by a blank line and numbered from 1. */
  body: string;
  drafted_by: string;
  drafting_organization_id: string;
  /** Number of the latest circulated version; 0 while never circulated. */
  current_number: number;
  /** Number of the latest agreed version, kept while a correction goes round. */
  agreed_number: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A circulated, frozen text. Append-only. */
export interface MinutesVersionTable {
  minutes_id: string;
  number: number;
  body: string;
  /** SHA-256 of `body` (UTF-8), 64 hex digits. */
  sha256: string;
  circulated_by: string;
  circulated_at: string;
}

/** The organizations a version was circulated to for confirmation. Append-only. */
export interface MinutesVersionPartyTable {
  minutes_id: string;
  number: number;
  organization_id: string;
}

/** One organization's confirmation of one version. Append-only. */
export interface MinutesConfirmationTable {
  id: string;
  minutes_id: string;
  number: number;
  organization_id: string;
  user_id: string;
  at: string;
}

export interface MinutesAmendmentTable {
  id: string;
  minutes_id: string;
  /** The version the amendment was proposed against. */
  number: number;
  paragraph: number;
  proposed_text: string;
  reason: string;
  organization_id: string;
  proposed_by: string;
  proposed_at: string;
  status: Generated<AmendmentStatus>;
  decided_by: string | null;
  decided_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MinutesTables {
  minutes: MinutesTable;
  minutes_versions: MinutesVersionTable;
  minutes_version_parties: MinutesVersionPartyTable;
  minutes_confirmations: MinutesConfirmationTable;
  minutes_amendments: MinutesAmendmentTable;
}

// Each feature adds its tables interface to this list.
export const MILESTONE_CATEGORIES = ["production", "mining_clearance", "negotiation", "legal", "industry", "policy"] as const;
export type MilestoneCategory = (typeof MILESTONE_CATEGORIES)[number];
export const MILESTONE_STATUSES = ["planned", "in_progress", "done", "at_risk", "blocked"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface MilestoneTable extends ArchivableColumns {
  id: string;
  title: string;
  description: Generated<string>;
  category: MilestoneCategory;
  owner_organization_id: string;
  /** YYYY-MM-DD */
  due_date: string;
  status: Generated<MilestoneStatus>;
  /** YYYY-MM-DD, set exactly when the status is `done`. */
  completed_on: string | null;
  progress_note: Generated<string>;
  visibility: Visibility;
  created_by: string;
}

/** `milestone_id` depends on `depends_on_id`. */
export interface MilestoneDependencyTable {
  milestone_id: string;
  depends_on_id: string;
}

export interface MilestonePartyTable {
  milestone_id: string;
  organization_id: string;
}

export interface CalendarFeedTokenTable {
  id: string;
  user_id: string;
  /** SHA-256 of the secret token, hex; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** A negotiation issue a milestone advances. */
export interface MilestoneIssueTable {
  milestone_id: string;
  issue_id: string;
}

export interface MilestoneTables {
  milestones: MilestoneTable;
  milestone_dependencies: MilestoneDependencyTable;
  milestone_parties: MilestonePartyTable;
  milestone_issues: MilestoneIssueTable;
  calendar_feed_tokens: CalendarFeedTokenTable;
}

// Each feature adds its tables interface to this list.
// ---- The 2012 agreement, clause by clause ----------------------------------------------------

export const CLAUSE_TOPICS = [
  "volumes",
  "pricing",
  "term_renewal",
  "notice_suspension",
  "review",
  "force_majeure",
  "dispute_resolution",
  "confidentiality",
  "other",
] as const;
export type ClauseTopic = (typeof CLAUSE_TOPICS)[number];
export const CLAUSE_STATUSES = [
  "unchanged",
  "under_discussion",
  "amendment_proposed",
  "agreed_in_principle",
  "agreed",
  "withdrawn",
] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];
export const CONCURRENCE_RESPONSES = ["concur", "concur_with_comments", "object"] as const;
export type ConcurrenceResponse = (typeof CONCURRENCE_RESPONSES)[number];

export interface ClauseTable {
  id: string;
  /** "Clause 4", unique. */
  reference: string;
  title: string;
  topic: ClauseTopic;
  /** The current text as recorded by India. */
  current_text: string;
  /** 1 when the text is illustrative (the real text is not public). */
  illustrative: Generated<0 | 1>;
  status: Generated<ClauseStatus>;
  visibility: Visibility;
  /** Order in the register. */
  position: Generated<number>;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ClauseIssueTable {
  clause_id: string;
  issue_id: string;
}

export interface ClauseStatusChangeTable {
  id: string;
  clause_id: string;
  from_status: ClauseStatus | null;
  to_status: ClauseStatus;
  note: string | null;
  actor_id: string | null;
  at: string;
}

/** Append-only: a proposal is never edited; a later one supersedes it. */
export interface ClauseAmendmentTable {
  id: string;
  clause_id: string;
  /** 1, 2, … in the order proposed on the clause. */
  seq: number;
  organization_id: string;
  proposed_text: string;
  rationale: string | null;
  visibility: Visibility;
  /** 1 for the Government of India's proposals: they go through concurrence before tabling. */
  needs_concurrence: Generated<0 | 1>;
  created_by: string | null;
  created_at: string;
}

/** The moment an Indian proposal reached the table (and became shared). */
export interface AmendmentTablingTable {
  amendment_id: string;
  tabled_by: string | null;
  tabled_at: string;
}

export interface ConcurrenceRequestTable {
  amendment_id: string;
  organization_id: string;
}

export interface ConcurrenceTable {
  id: string;
  amendment_id: string;
  organization_id: string;
  response: ConcurrenceResponse;
  comment: string | null;
  /** Never shared: comments and objections stay with the Indian side. */
  visibility: "internal" | "restricted";
  responded_by: string | null;
  responded_at: string;
}

export const SCHEDULE_KINDS = ["offer", "ask"] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export interface PositionConcurrenceRequestTable {
  position_id: string;
  organization_id: string;
}

export interface PositionConcurrenceTable {
  id: string;
  position_id: string;
  organization_id: string;
  response: ConcurrenceResponse;
  comment: string | null;
  /** Never shared: comments and objections stay with the Indian side. */
  visibility: "internal" | "restricted";
  responded_by: string | null;
  responded_at: string;
}

export interface PositionTablingTable {
  position_id: string;
  tabled_by: string | null;
  tabled_at: string;
}

/** Append-only: the tonnes a position offers (Indian side) or asks (Japanese side), per year. */
export interface PositionScheduleTable {
  id: string;
  position_id: string;
  material: Material;
  fiscal_year: string;
  kind: ScheduleKind;
  kg: number;
}

export interface AgreementTables {
  position_concurrence_requests: PositionConcurrenceRequestTable;
  position_concurrences: PositionConcurrenceTable;
  position_tablings: PositionTablingTable;
  position_schedules: PositionScheduleTable;
  clauses: ClauseTable;
  clause_issues: ClauseIssueTable;
  clause_status_changes: ClauseStatusChangeTable;
  clause_amendments: ClauseAmendmentTable;
  amendment_tablings: AmendmentTablingTable;
  concurrence_requests: ConcurrenceRequestTable;
  concurrences: ConcurrenceTable;
}

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const NOTIFICATION_MODES = ["each", "digest", "off"] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

export interface PasswordResetTokenTable {
  id: string;
  user_id: string;
  /** SHA-256 of the mailed token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PasswordResetRequestTable {
  id: string;
  email: string;
  ip: string;
  at: string;
}

export interface OutboxTable {
  id: string;
  user_id: string | null;
  to_address: string;
  kind: string;
  dedupe_key: string | null;
  subject: string;
  body: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_at: string | null;
  claim_token: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface NotificationPreferenceTable {
  user_id: string;
  mode: Generated<NotificationMode>;
  /** Hour of the day, in the user's time zone, at which the digest goes. */
  digest_hour: Generated<number>;
  last_digest_at: string | null;
  updated_at: string;
}

export interface MailTables {
  password_reset_tokens: PasswordResetTokenTable;
  password_reset_requests: PasswordResetRequestTable;
  outbox: OutboxTable;
  notification_preferences: NotificationPreferenceTable;
}

// Documents attached to records (decision 015, "Documents").
export const DOCUMENT_ENTITY_TYPES = ["consultation", "issue", "milestone", "demand_request"] as const;
export type DocumentEntityType = (typeof DOCUMENT_ENTITY_TYPES)[number];
export const DOCUMENT_KINDS = ["non_paper", "presentation", "draft_text", "signed_minutes", "data", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentTable extends ArchivableColumns {
  id: string;
  entity_type: DocumentEntityType;
  entity_id: string;
  title: string;
  kind: DocumentKind;
  visibility: Visibility;
  /** Number of the latest version. */
  current_number: Generated<number>;
  created_by: string;
}

/** Append-only: a new upload is a new version; the old ones stay. */
export interface DocumentVersionTable {
  id: string;
  document_id: string;
  number: number;
  file_name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  extracted_text: string | null;
  uploaded_by: string;
  uploaded_at: string;
}

/** Append-only: the bytes of one version (`bytea` in PostgreSQL, `blob` in SQLite). */
export interface DocumentBlobTable {
  version_id: string;
  content: Uint8Array;
}

/** The search index over a document's title and latest text (FTS5 in SQLite; see db/sql.ts). */
export interface DocumentSearchTable {
  document_id: string;
  title: string;
  body: string;
}

export interface DocumentTables {
  documents: DocumentTable;
  document_search: DocumentSearchTable;
  document_versions: DocumentVersionTable;
  document_blobs: DocumentBlobTable;
}

export const TAG_KINDS = ["vocabulary", "free"] as const;
export type TagKind = (typeof TAG_KINDS)[number];
export const TAGGABLE_KINDS = ["consultation", "issue", "milestone"] as const;
export type TaggableKind = (typeof TAGGABLE_KINDS)[number];

/** A person of an organization; not an account. Archived, never deleted. */
export interface ContactTable extends ArchivableColumns {
  id: string;
  organization_id: string;
  name: string;
  /** Job title, e.g. "Director, Rare Earths". */
  title: string | null;
  email: string | null;
  phone: string | null;
  /** Languages the person works in, as typed ("Japanese, English"). */
  languages: Generated<string>;
  notes: Generated<string>;
  visibility: Visibility;
  created_by: string | null;
}

/** One person at one consultation, in the delegation of `organization_id`. */
export interface ConsultationAttendeeTable {
  id: string;
  consultation_id: string;
  organization_id: string;
  contact_id: string | null;
  user_id: string | null;
  /** Led the delegation. */
  leads: Generated<Bool>;
  created_by: string | null;
  created_at: string;
}

export interface OrganizationOwnerTable {
  organization_id: string;
  user_id: string;
  created_at: string;
}

export interface TagTable extends ArchivableColumns {
  id: string;
  name: string;
  /** Lower-cased, trimmed name: unique. */
  name_key: string;
  kind: TagKind;
  visibility: Visibility;
  created_by: string | null;
}

export interface RecordTagTable {
  tag_id: string;
  entity_type: TaggableKind;
  entity_id: string;
  created_by: string | null;
  created_at: string;
}

export interface PeopleTables {
  contacts: ContactTable;
  consultation_attendees: ConsultationAttendeeTable;
  organization_owners: OrganizationOwnerTable;
  tags: TagTable;
  record_tags: RecordTagTable;
}

export interface Database
  extends
    FoundationTables,
    ConsultationTables,
    ActivityTables,
    PositionTables,
    DemandTables,
    MilestoneTables,
    MinutesTables,
    MailTables,
    DocumentTables,
    AgreementTables,
    SecurityTables,
    StakeholderMapTables,
    PeopleTables {}

export interface UserTotpTable {
  id: string;
  user_id: string;
  /** The base32 shared secret: kept readable, since checking a code needs it. */
  secret: string;
  created_at: string;
  /** Set when the first code was accepted; until then the authenticator is only being set up. */
  confirmed_at: string | null;
  revoked_at: string | null;
  /** The last 30-second step whose code was accepted: an older or equal step is a replay. */
  last_step: Generated<number>;
}

export interface TotpRecoveryCodeTable {
  id: string;
  totp_id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface SignInChallengeTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface TotpRequiredRoleTable {
  role: Role;
  required: Generated<number>;
  updated_at: string;
  updated_by: string | null;
}

export interface SecurityTables {
  user_totp: UserTotpTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
  sign_in_challenges: SignInChallengeTable;
  totp_required_roles: TotpRequiredRoleTable;
}

export const RATING_SCALE = [1, 2, 3, 4, 5] as const;
export type RatingValue = (typeof RATING_SCALE)[number];
/** Stance towards India's aim, from opposed (-2) to supportive (2). */
export const MAP_STANCES = [-2, -1, 0, 1, 2] as const;
export type MapStance = (typeof MAP_STANCES)[number];
export const RATING_VISIBILITIES = ["internal", "restricted"] as const satisfies readonly Visibility[];
export type RatingVisibility = (typeof RATING_VISIBILITIES)[number];

export interface StakeholderRatingTable {
  id: string;
  organization_id: string;
  /** The day the rating describes (YYYY-MM-DD). */
  as_of: string;
  influence: RatingValue;
  interest: RatingValue;
  stance: MapStance;
  visibility: RatingVisibility;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface StakeholderMapTables {
  stakeholder_ratings: StakeholderRatingTable;
}

export type StakeholderRating = Selectable<StakeholderRatingTable>;

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
export type Issue = Selectable<IssueTable>;
export type Position = Selectable<PositionTable>;
export type Assessment = Selectable<AssessmentTable>;
export type DemandRequest = Selectable<DemandRequestTable>;
export type DemandDecision = Selectable<DemandDecisionTable>;
export type SupplyFigure = Selectable<SupplyFigureTable>;
export type SupplyScenario = Selectable<SupplyScenarioTable>;
export type Milestone = Selectable<MilestoneTable>;
export type Comment = Selectable<CommentTable>;
export type Minutes = Selectable<MinutesTable>;
export type MinutesVersion = Selectable<MinutesVersionTable>;
export type MinutesAmendment = Selectable<MinutesAmendmentTable>;
export type OutboxMail = Selectable<OutboxTable>;
export type Document = Selectable<DocumentTable>;
export type DocumentVersion = Selectable<DocumentVersionTable>;
export type Clause = Selectable<ClauseTable>;
export type ClauseAmendment = Selectable<ClauseAmendmentTable>;
export type Contact = Selectable<ContactTable>;
export type Tag = Selectable<TagTable>;
