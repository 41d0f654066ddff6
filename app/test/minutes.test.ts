// Agreed minutes against a real SQLite file: the journey of the latest bilateral round, and each refusal.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

import { fixedT } from "~/i18n.server";
import { minutesAwaitingMyOrganization, minutesWaitingLong } from "~/models/minutes.server";
import { loader as activityLoader } from "~/routes/activity";
import { action, loader } from "~/routes/consultations.$id_.minutes";
import { loader as pdfLoader } from "~/routes/consultations.$id_.minutes[.pdf]";
import { getDb } from "~/utils/db.server";

import { call, cookieFor, demoData, get, post, sessionUserFor } from "./fixtures";

const LATEST = "Bilateral review with METI and Toyotsu of the phase-down schedule";
const METI_ONLY = "Meeting with METI on rare-earth supply cooperation";
const TEXT = [
  "India presented a draft phase-down schedule of exports over three fiscal years.",
  "METI and Toyotsu welcomed the negotiated approach.",
  "Both sides asked for the first step of the phase-down to be smaller.",
  "The next round will be fixed by 28 November 2026.",
].join("\n\n");

let id = "";
const page = (email: string) => cookieFor(email).then((c) => call(loader, get(`/consultations/${id}/minutes`, c), { id }));
const send = async (email: string, form: Record<string, string>, target = id) =>
  call(action, post(`/consultations/${target}/minutes`, form, await cookieFor(email)), { id: target });

async function consultationId(title: string) {
  return (await getDb().selectFrom("consultations").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
}

interface Refused {
  formError?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, unknown>;
  refusal?: { why: string; field?: string; number?: number; paragraphs?: number; organization?: string };
}

function refusal(res: { data: unknown }) {
  return res.data as Refused;
}

/** A refusal as the page words it: the code and its values through the reader's catalog. */
function worded(res: { data: unknown }, locale: "en" | "ja" | "hi" = "en") {
  const r = refusal(res).refusal!;
  return fixedT(locale, "consultations")(`minutesPage.refusal.${r.why}`, {
    organization: r.organization,
    number: r.number,
    ...(r.paragraphs === undefined ? {} : { count: r.paragraphs }),
  });
}

beforeAll(async () => {
  await demoData();
  id = await consultationId(LATEST);
});

describe("agreed minutes: the journey of the latest bilateral round", () => {
  it("lets an official draft and circulate; counterparts see nothing of the draft", async () => {
    expect((await send("official@accord.test", { intent: "create", body: "" })).status).toBe(400);
    const created = await send("official@accord.test", { intent: "create", body: TEXT });
    expect(created.status).toBe(200);
    expect((await send("official@accord.test", { intent: "create", body: TEXT })).status).toBe(409);

    const before = await page("counterpart@accord.test");
    expect(before.status).toBe(200);
    expect(before.data.minutes).toBeNull();
    expect(JSON.stringify(before.data)).not.toContain("welcomed the negotiated approach");

    const draft = await page("official@accord.test");
    expect(draft.data.minutes?.status).toBe("draft");
    const circulated = await send("official@accord.test", { intent: "circulate", version: String(draft.data.minutes!.version) });
    expect(circulated.status).toBe(200);

    const after = await page("counterpart@accord.test");
    expect(after.data.minutes?.status).toBe("circulated");
    expect(after.data.versions[0]!.paragraphsHtml).toHaveLength(4);
    expect(after.data.versions[0]!.parties.map((p) => p.shortName).sort()).toEqual(["METI", "TREI"]);
    expect(after.data.canRespond).toBe(true);
    // The consultation's internal notes are not part of the minutes.
    expect(JSON.stringify(after.data)).not.toContain("asked for the first step to be smaller.\n");
  });

  it("shows the minutes as awaiting Toyotsu's and METI's confirmation", async () => {
    for (const email of ["counterpart@accord.test", "meti@accord.test"]) {
      const awaiting = await minutesAwaitingMyOrganization(getDb(), await sessionUserFor(email));
      expect(awaiting.map((a) => a.consultationId)).toContain(id);
    }
    const official = await minutesAwaitingMyOrganization(getDb(), await sessionUserFor("official@accord.test"));
    expect(official.map((a) => a.consultationId)).not.toContain(id);
  });

  it("refuses amendments that are not amendments", async () => {
    // An amendment to paragraph 3 of version 1, valid but for what each case changes.
    const propose = (email: string, changes: Record<string, string>) =>
      send(email, { intent: "propose", number: "1", paragraph: "3", proposedText: "New words.", reason: "Why", ...changes });
    const empty = await propose("counterpart@accord.test", { proposedText: "", reason: "" });
    expect(empty.status).toBe(400);
    expect(refusal(empty).fieldErrors.proposedText).toBeTruthy();
    expect(refusal(empty).fieldErrors.reason).toBeTruthy();
    const range = await propose("counterpart@accord.test", { paragraph: "9" });
    expect(range.status).toBe(400);
    // A code with the numbers it names, beside the paragraph field; the page words it.
    expect(refusal(range).refusal).toMatchObject({ why: "paragraph_range", field: "paragraph", number: 1, paragraphs: 4 });
    expect(worded(range)).toBe("Version 1 has 4 paragraphs; choose one of them.");
    expect(worded(range, "ja")).toBe("第 1 版の段落は 4 段落です。その中から選択してください。");
    expect(worded(range, "hi")).toBe("संस्करण 1 में 4 अनुच्छेद हैं; उनमें से एक चुनें।");
    expect(JSON.stringify(range.data)).not.toContain("paragraphs;");
    const same = await propose("counterpart@accord.test", {
      proposedText: "Both sides asked for the first step of the phase-down to be smaller.",
    });
    expect(same.status).toBe(400);
    expect(refusal(same).refusal).toMatchObject({ why: "same_wording", field: "proposedText" });
    const diplomat = await propose("diplomat@accord.test", { proposedText: "MEA words." });
    expect(diplomat.status).toBe(403);
  });

  it("takes Toyotsu's amendment to paragraph 3, and then refuses its confirmation until decided", async () => {
    const proposed = await send("counterpart@accord.test", {
      intent: "propose",
      number: "1",
      paragraph: "3",
      proposedText:
        "Toyotsu and METI asked for the first step of the phase-down to be smaller, to protect Japanese customers' minimum volumes.",
      reason: "The request came from the Japanese side.",
    });
    expect(proposed.status).toBe(200);
    const early = await send("counterpart@accord.test", { intent: "confirm", number: "1" });
    expect(early.status).toBe(409);
    expect(refusal(early).refusal).toMatchObject({ why: "amending", number: 1, organization: "TREI" });
    expect(refusal(early).refusal?.field).toBeUndefined();
    expect(worded(early)).toMatch(/^TREI has amendments to version 1 awaiting the drafter's decision/);
    expect(worded(early, "ja")).toMatch(/^TREI が提出した第 1 版への修正案が起草者の判断待ちです。/);
  });

  it("refuses decisions from anyone but the drafting side, and a stale decision", async () => {
    const view = await page("official@accord.test");
    const amendment = view.data.amendments[0]!;
    const accept = (email: string, version = amendment.version) =>
      send(email, { intent: "decide", amendmentId: amendment.id, amendmentVersion: String(version), decision: "accept" });
    for (const email of ["counterpart@accord.test", "diplomat@accord.test"])
      expect((await accept(email)).status, email).toBe(403);
    expect((await accept("official@accord.test", amendment.version + 1)).status).toBe(409);
  });

  it("makes version 2 from the accepted amendment and circulates it", async () => {
    const view = await page("official@accord.test");
    const amendment = view.data.amendments[0]!;
    const decided = await send("official@accord.test", {
      intent: "decide",
      amendmentId: amendment.id,
      amendmentVersion: String(amendment.version),
      decision: "accept",
    });
    expect(decided.status).toBe(200);
    const after = await page("meti@accord.test");
    expect(after.data.minutes?.currentNumber).toBe(2);
    expect(after.data.minutes?.status).toBe("circulated");
    expect(after.data.versions[1]!.paragraphsHtml[2]).toContain("to protect Japanese customers");
    expect(after.data.diff?.parts.some((p) => p.kind === "added" && p.text.includes("protect"))).toBe(true);
    expect(after.data.diff?.parts.some((p) => p.kind === "removed" && p.text.includes("Both"))).toBe(true);
  });

  it("refuses a confirmation of the superseded version 1", async () => {
    expect((await send("meti@accord.test", { intent: "confirm", number: "1" })).status).toBe(409);
  });

  it("records each organization's own confirmation only, once, and agrees when both confirmed version 2", async () => {
    // A posted organization is ignored: Toyotsu confirms for Toyotsu.
    const toyotsu = await send("counterpart@accord.test", {
      intent: "confirm",
      number: "2",
      organizationId: (await sessionUserFor("meti@accord.test")).organizationId,
    });
    expect(toyotsu.status).toBe(200);
    expect((await send("counterpart@accord.test", { intent: "confirm", number: "2" })).status).toBe(409);
    expect((await send("diplomat@accord.test", { intent: "confirm", number: "2" })).status).toBe(403);
    const mid = await page("official@accord.test");
    expect(mid.data.minutes?.status).toBe("circulated");
    expect(mid.data.versions[1]!.confirmations.map((k) => k.organization)).toEqual(["Toyotsu Rare Earths India"]);

    const meti = await send("meti@accord.test", { intent: "confirm", number: "2" });
    expect(meti.status).toBe(200);
    const agreed = await page("counterpart@accord.test");
    expect(agreed.data.minutes?.status).toBe("agreed");
    expect(agreed.data.minutes?.agreedNumber).toBe(2);
    const v2 = agreed.data.versions[1]!;
    expect(v2.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = await getDb()
      .selectFrom("minutes_versions")
      .select("body")
      .where("number", "=", 2)
      .where("minutes_id", "=", agreed.data.minutes!.id)
      .executeTakeFirstOrThrow();
    expect(v2.sha256).toBe(createHash("sha256").update(stored.body, "utf8").digest("hex"));
    expect(v2.confirmations.map((k) => k.organization).sort()).toEqual([
      "Ministry of Economy, Trade and Industry (METI)",
      "Toyotsu Rare Earths India",
    ]);
  });

  it("keeps the agreed version unchanged: no edit, a correction goes round as version 3", async () => {
    const view = await page("official@accord.test");
    const version = String(view.data.minutes!.version);
    expect((await send("official@accord.test", { intent: "save", version, body: "Rewritten." })).status).toBe(409);
    expect((await send("official@accord.test", { intent: "circulate", version })).status).toBe(409);
    expect((await send("counterpart@accord.test", { intent: "correct", version })).status).toBe(403);
    expect((await send("official@accord.test", { intent: "correct", version })).status).toBe(200);
    const stale = await send("official@accord.test", { intent: "save", version, body: "My correction." });
    expect(stale.status).toBe(409);
    expect(refusal(stale).values.body).toBe("My correction.");
    const correcting = await page("counterpart@accord.test");
    expect(correcting.data.minutes?.status).toBe("draft");
    expect(correcting.data.minutes?.agreedNumber).toBe(2);
    expect(correcting.data.minutes?.draft).toBeNull();
    // The stored agreed text cannot be rewritten, even by SQL.
    await expect(
      getDb().updateTable("minutes_versions").set({ body: "tampered" }).where("number", "=", 2).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it("lists the confirmations and amendments in the activity feed of those who see the minutes", async () => {
    const feed = await call(activityLoader, get("/activity?kind=minutes", await cookieFor("counterpart@accord.test")));
    expect(feed.status).toBe(200);
    const actions = (feed.data as { items: { action: string }[] }).items.map((i) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining(["minutes.propose_amendment", "minutes.accept_amendment", "minutes.confirm", "minutes.agree"]),
    );
    const industry = await call(activityLoader, get("/activity?kind=minutes", await cookieFor("industry@accord.test")));
    expect((industry.data as { items: { href: string }[] }).items.some((i) => i.href.includes(id))).toBe(false);
  });
});

describe("agreed minutes: the demonstration data", () => {
  it("holds one agreed set with both Japanese confirmations and one circulated set", async () => {
    const opening = await consultationId("Bilateral opening session with Toyotsu on the 2012 arrangement");
    const res = await call(loader, get(`/consultations/${opening}/minutes`, await cookieFor("tsusho@accord.test")), {
      id: opening,
    });
    expect(res.data.minutes?.status).toBe("agreed");
    expect(res.data.versions).toHaveLength(2);
    expect(res.data.versions[1]!.confirmations).toHaveLength(2);
    const meti = await consultationId(METI_ONLY);
    const circulated = await call(loader, get(`/consultations/${meti}/minutes`, await cookieFor("meti@accord.test")), {
      id: meti,
    });
    expect(circulated.data.minutes?.status).toBe("circulated");
    expect(circulated.data.canRespond).toBe(true);
  });
});

describe("agreed minutes: who may see them", () => {
  for (const email of ["tsusho@accord.test", "industry@accord.test"]) {
    it(`answers 404 to ${email}, whose organization did not take part`, async () => {
      expect((await page(email)).status).toBe(404);
      expect((await send(email, { intent: "confirm", number: "2" })).status).toBe(404);
      expect((await call(pdfLoader, get(`/consultations/${id}/minutes.pdf`, await cookieFor(email)), { id })).status).toBe(404);
    });
  }

  it("answers 404 on the minutes of a consultation at a level the reader cannot see", async () => {
    const restricted = (
      await getDb().selectFrom("consultations").select("id").where("visibility", "=", "restricted").executeTakeFirstOrThrow()
    ).id;
    const res = await call(loader, get(`/consultations/${restricted}/minutes`, await cookieFor("irel@accord.test")), {
      id: restricted,
    });
    expect(res.status).toBe(404);
  });

  it("lets IREL draft only the minutes of consultations IREL takes part in", async () => {
    const other = await consultationId(METI_ONLY);
    const res = await send("irel@accord.test", { intent: "create", body: "IREL's account." }, other);
    expect(res.status).toBe(403);
  });

  it("answers 404 on the PDF while nothing is agreed", async () => {
    const other = await consultationId(METI_ONLY);
    const res = await call(pdfLoader, get(`/consultations/${other}/minutes.pdf`, await cookieFor("official@accord.test")), {
      id: other,
    });
    expect(res.status).toBe(404);
  });

  it("flags circulated minutes unanswered for more than 7 days to the diplomat", async () => {
    const later = new Date(Date.parse("2030-01-01T00:00:00Z")).toISOString();
    const waiting = await minutesWaitingLong(getDb(), await sessionUserFor("diplomat@accord.test"), later);
    const meti = await consultationId(METI_ONLY);
    expect(waiting.find((w) => w.consultationId === meti)?.waitingOn).toEqual(["METI"]);
    // Agreed minutes wait for nobody.
    expect(waiting.some((w) => w.consultationId === id)).toBe(false);
    const soon = await minutesWaitingLong(getDb(), await sessionUserFor("diplomat@accord.test"), "2025-08-25T00:00:00.000Z");
    expect(soon.some((w) => w.consultationId === meti)).toBe(false);
  });
});
