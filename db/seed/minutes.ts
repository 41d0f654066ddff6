/**
 * Demonstration minutes: the opening session with Toyotsu agreed after one amendment, and the
 * METI meeting circulated and still unanswered (so the diplomat sees it waiting). Written through
 * the model, at the dates they would have happened; skipped when the consultation has minutes.
 */
import { circulateMinutes, confirmMinutes, createMinutes, decideAmendment, proposeAmendment } from "~/models/minutes.server";
import { sessionUserByEmail } from "~/models/users.server";

import type { DemoContext } from "./demo";
import { seededId } from "./lookup";

const OPENING = "Bilateral opening session with Toyotsu on the 2012 arrangement";
const METI = "Meeting with METI on rare-earth supply cooperation";

async function consultationId(ctx: DemoContext, title: string) {
  return seededId(ctx.db, "consultations", { title });
}

async function hasMinutes(ctx: DemoContext, consultationId: string) {
  return Boolean(await seededId(ctx.db, "minutes", { consultation_id: consultationId }));
}

async function rowVersion(ctx: DemoContext, consultationId: string) {
  return (
    await ctx.db.selectFrom("minutes").select("version").where("consultation_id", "=", consultationId).executeTakeFirstOrThrow()
  ).version;
}

export async function seedMinutes(ctx: DemoContext): Promise<void> {
  const official = await sessionUserByEmail(ctx.db, "official@accord.test");
  const toyotsu = await sessionUserByEmail(ctx.db, "counterpart@accord.test");
  const tsusho = await sessionUserByEmail(ctx.db, "tsusho@accord.test");

  const opening = await consultationId(ctx, OPENING);
  if (opening && !(await hasMinutes(ctx, opening))) {
    const body = [
      "The Indian delegation explained India's request that IREL suspend the 2012 arrangement and keep its output for domestic industry, and India's wish for an amicable renegotiation.",
      "Toyotsu Rare Earths India and Toyota Tsusho Corporation noted the request.",
      "Both sides agreed to negotiate a transition, and that technical teams would work on transition-period volumes for 2026 and 2027.",
    ].join("\n\n");
    await createMinutes(ctx.db, official, opening, body, "2025-09-18T06:00:00.000Z");
    await circulateMinutes(ctx.db, official, opening, await rowVersion(ctx, opening), "2025-09-18T06:30:00.000Z");
    await proposeAmendment(
      ctx.db,
      toyotsu,
      opening,
      {
        number: 1,
        paragraph: 2,
        proposedText:
          "Toyotsu Rare Earths India and Toyota Tsusho Corporation stressed that the 2012 agreement is binding and that Japanese magnet makers depend on its supply, and asked for a transition period.",
        reason: "The minutes should record the Japanese side's position as stated in the meeting.",
      },
      "2025-09-22T03:00:00.000Z",
    );
    const amendment = await ctx.db
      .selectFrom("minutes_amendments as a")
      .innerJoin("minutes as m", "m.id", "a.minutes_id")
      .select(["a.id", "a.version"])
      .where("m.consultation_id", "=", opening)
      .executeTakeFirstOrThrow();
    await decideAmendment(
      ctx.db,
      official,
      opening,
      { amendmentId: amendment.id, amendmentVersion: amendment.version, decision: "accept" },
      "2025-09-24T05:00:00.000Z",
    );
    await confirmMinutes(ctx.db, toyotsu, opening, 2, "2025-09-25T02:00:00.000Z");
    await confirmMinutes(ctx.db, tsusho, opening, 2, "2025-09-26T01:30:00.000Z");
    ctx.log(`minutes ${OPENING} (agreed)`);
  }

  const meti = await consultationId(ctx, METI);
  if (meti && !(await hasMinutes(ctx, meti))) {
    const body = [
      "The Indian delegation gave an account of India's domestic demand for rare earths and of the review of IREL's export commitments.",
      "METI asked about alternative supply for Japan during any transition.",
      "Both sides agreed to exchange papers: India on a phased transition, Japan on its assessment of alternative supply sources.",
    ].join("\n\n");
    await createMinutes(ctx.db, official, meti, body, "2025-08-21T06:00:00.000Z");
    await circulateMinutes(ctx.db, official, meti, await rowVersion(ctx, meti), "2025-08-21T07:00:00.000Z");
    ctx.log(`minutes ${METI} (circulated)`);
  }
}
