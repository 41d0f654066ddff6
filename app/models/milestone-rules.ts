/**
 * Pure rules of the milestone graph: the cycle check and the risk of each milestone. No database
 * here, so the rules are unit-tested on their own and the model only feeds them rows.
 */

export interface GraphNode {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: string;
  /** Ids this milestone depends on. */
  dependsOn: readonly string[];
}

export type RiskLevel = "done" | "late" | "threatened" | "on_track";

export interface Risk {
  level: RiskLevel;
  late: boolean;
  threatened: boolean;
  /** Why, as codes with their dates and titles; `riskReasonText` in `~/utils/messages` words them. */
  reasons: RiskReason[];
}

export type RiskReason =
  | { code: "late"; dueDate: string; daysLate: number }
  | { code: "dependency_due_after"; dependency: string; dependencyDueDate: string; dueDate: string; dependencyLate: boolean }
  | { code: "dependency_late"; dependency: string; dependencyDueDate: string }
  | { code: "dependency_threatened"; dependency: string };

export const RISK_LABELS: Record<RiskLevel, string> = {
  done: "Done",
  late: "Late",
  threatened: "Threatened",
  on_track: "On track",
};

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isLate(node: Pick<GraphNode, "dueDate" | "status">, today: string): boolean {
  return node.status !== "done" && node.dueDate < today;
}

/**
 * The risk of every node. A milestone is late when it is past due and not done; it is threatened
 * when a dependency that is not done is late, is due after it, or is itself threatened (so a slip
 * carries down a chain). Dependencies missing from `nodes` (archived, or not visible to the
 * reader) are ignored: a reason never names a milestone the reader cannot see.
 */
export function computeRisks(nodes: readonly GraphNode[], today: string): Map<string, Risk> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const memo = new Map<string, Risk>();
  const visiting = new Set<string>();

  const riskOf = (node: GraphNode): Risk => {
    const known = memo.get(node.id);
    if (known) return known;
    if (node.status === "done") {
      const done: Risk = { level: "done", late: false, threatened: false, reasons: [] };
      memo.set(node.id, done);
      return done;
    }
    // A cycle cannot be stored, but stay finite if one ever reaches this code.
    if (visiting.has(node.id)) return { level: "on_track", late: false, threatened: false, reasons: [] };
    visiting.add(node.id);
    const reasons: RiskReason[] = [];
    const late = isLate(node, today);
    if (late) reasons.push({ code: "late", dueDate: node.dueDate, daysLate: daysBetween(node.dueDate, today) });
    let threatened = false;
    for (const depId of node.dependsOn) {
      const dep = byId.get(depId);
      if (!dep || dep.status === "done") continue;
      const depLate = isLate(dep, today);
      if (dep.dueDate > node.dueDate) {
        threatened = true;
        reasons.push({
          code: "dependency_due_after",
          dependency: dep.title,
          dependencyDueDate: dep.dueDate,
          dueDate: node.dueDate,
          dependencyLate: depLate,
        });
      } else if (depLate) {
        threatened = true;
        reasons.push({ code: "dependency_late", dependency: dep.title, dependencyDueDate: dep.dueDate });
      } else if (riskOf(dep).threatened) {
        threatened = true;
        reasons.push({ code: "dependency_threatened", dependency: dep.title });
      }
    }
    visiting.delete(node.id);
    const risk: Risk = { level: late ? "late" : threatened ? "threatened" : "on_track", late, threatened, reasons };
    memo.set(node.id, risk);
    return risk;
  };

  for (const node of nodes) riskOf(node);
  return memo;
}

/**
 * The cycle that giving `milestoneId` the dependencies `proposed` would close, as the path
 * [milestoneId, …, milestoneId] along "depends on" edges, or null when there is none.
 * `edges` are the current [milestone, dependsOn] pairs; the milestone's own current edges are
 * replaced by the proposal.
 */
export function findCycle(
  edges: readonly (readonly [string, string])[],
  milestoneId: string,
  proposed: readonly string[],
): string[] | null {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) {
    if (from === milestoneId) continue;
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  next.set(milestoneId, [...proposed]);

  // Depth-first from the milestone; the first path that returns to it is the cycle.
  const seen = new Set<string>();
  const path: string[] = [milestoneId];
  const walk = (id: string): boolean => {
    for (const to of next.get(id) ?? []) {
      if (to === milestoneId) {
        path.push(to);
        return true;
      }
      if (seen.has(to)) continue;
      seen.add(to);
      path.push(to);
      if (walk(to)) return true;
      path.pop();
    }
    return false;
  };
  return walk(milestoneId) ? path : null;
}

/** "'A' would depend on 'B', which depends on 'C', which depends on 'A'." */
export function describeCycle(cycle: readonly string[], titleOf: (id: string) => string): string {
  const names = cycle.map((id) => `'${titleOf(id)}'`);
  if (names.length === 2) return `${names[0]} cannot depend on itself.`;
  const [first, second, ...rest] = names;
  return `This would create a cycle: ${first} would depend on ${second}${rest.map((n) => `, which depends on ${n}`).join("")}.`;
}
