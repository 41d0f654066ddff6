/**
 * Today's date for rules that depend on it (the fiscal years a request may name). One place,
 * so tests can pin it: `ACCORD_TODAY=2026-12-01`.
 */
export function today(): Date {
  const pinned = process.env.ACCORD_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return new Date(`${pinned}T12:00:00+05:30`);
  return new Date();
}
