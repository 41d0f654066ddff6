import type {
  ActionStatus,
  ClauseStatus,
  ClauseTopic,
  ConcurrenceResponse,
  ConsultationKind,
  ConsultationMode,
  MilestoneCategory,
  MilestoneStatus,
  OrganizationKind,
  OrganizationSide,
  Role,
  Visibility,
} from "~db/schema";

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  official: "Government official",
  irel: "IREL staff",
  diplomat: "Diplomat",
  counterpart: "Japanese counterpart",
  industry: "Industry representative",
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  shared: "Shared",
  internal: "Internal",
  restricted: "Restricted",
};

export const VISIBILITY_HINTS: Record<Visibility, string> = {
  shared: "Seen by the external organizations party to it and by the Indian side",
  internal: "Government of India and IREL only",
  restricted: "Officials, diplomats and administrators only",
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  ministry: "Ministry",
  public_sector_undertaking: "Public sector undertaking",
  foreign_company: "Foreign company",
  foreign_government: "Foreign government",
  industry_body: "Industry body",
  company: "Company",
};

export const SIDE_LABELS: Record<OrganizationSide, string> = {
  india: "Indian side",
  japan: "Japanese side",
  other: "Other",
};

export const MILESTONE_CATEGORY_LABELS: Record<MilestoneCategory, string> = {
  production: "Production",
  mining_clearance: "Mining clearances",
  negotiation: "Negotiation",
  legal: "Legal",
  industry: "Industry",
  policy: "Policy",
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  at_risk: "At risk",
  blocked: "Blocked",
};

export const MODE_LABELS: Record<ConsultationMode, string> = {
  in_person: "In person",
  video: "Video call",
  phone: "Phone call",
  written: "Written exchange",
};

export const KIND_LABELS: Record<ConsultationKind, string> = {
  bilateral: "Bilateral",
  inter_ministerial: "Inter-ministerial",
  industry_consultation: "Industry consultation",
  technical: "Technical",
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  done: "Done",
  dropped: "Dropped",
};

export const CLAUSE_STATUS_LABELS: Record<ClauseStatus, string> = {
  unchanged: "Unchanged",
  under_discussion: "Under discussion",
  amendment_proposed: "Amendment proposed",
  agreed_in_principle: "Agreed in principle",
  agreed: "Agreed",
  withdrawn: "Withdrawn",
};

export const CLAUSE_TOPIC_LABELS: Record<ClauseTopic, string> = {
  volumes: "Volumes",
  pricing: "Pricing",
  term_renewal: "Term and renewal",
  notice_suspension: "Notice and suspension",
  review: "Review",
  force_majeure: "Force majeure",
  dispute_resolution: "Dispute resolution",
  confidentiality: "Confidentiality",
  other: "Other",
};

export const CONCURRENCE_RESPONSE_LABELS: Record<ConcurrenceResponse, string> = {
  concur: "Concur",
  concur_with_comments: "Concur with comments",
  object: "Object",
};
