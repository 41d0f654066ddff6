/** The activity feed's codes, shared by the model that reads the feed and the UI that words it. */

export type ActivityKindCode =
  "consultation" | "issue" | "position" | "demand" | "milestone" | "minutes" | "clause" | "amendment";

/** What an activity item is about, as data: the UI words it (`activitySubjectText`). */
export type ActivitySubject =
  | { kind: "titled"; title: string }
  | { kind: "minutes"; consultation: string }
  | { kind: "position"; party: string; issue: string }
  | { kind: "amendment"; party: string; clause: string }
  | { kind: "demand"; requester: string; material: string; fiscalYear: string };
