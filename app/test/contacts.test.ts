/** Contacts, attendees, relationship owners and tags: validation, versions, and every leak. */
import { beforeAll, describe, expect, it } from "vitest";

import { loader as consultationsLoader } from "~/routes/consultations._index";
import { action as consultationAction, loader as consultationLoader } from "~/routes/consultations.$id";
import { loader as contactsLoader } from "~/routes/contacts._index";
import { action as contactAction, loader as contactLoader } from "~/routes/contacts.$contactId";
import { loader as contactsCsvLoader } from "~/routes/contacts.export[.csv]";
import { action as newContactAction } from "~/routes/contacts.new";
import { loader as issuesLoader } from "~/routes/issues._index";
import { loader as milestonesLoader } from "~/routes/milestones._index";
import { action as organizationAction, loader as organizationLoader } from "~/routes/organizations.$orgId";
import { loader as searchLoader } from "~/routes/search";
import { action as tagsAction, loader as tagsLoader } from "~/routes/tags._index";
import { loader as tagLoader } from "~/routes/tags.$tagId";
import { getDb } from "~/utils/db.server";
import type { DemoContext } from "~db/seed/demo";
import { seedPeople } from "~db/seed/people";

import { insertConsultation, type Form } from "./factories";
import { call, cookieFor, countRows, demoData, get, post } from "./fixtures";

let ctx: DemoContext;
beforeAll(async () => {
  ctx = await demoData();
});

const contactId = async (name: string) =>
  (await getDb().selectFrom("contacts").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
const consultationId = async (title: string) =>
  (await getDb().selectFrom("consultations").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
const tagId = async (name: string) =>
  (await getDb().selectFrom("tags").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;

const LEAD = "Takeshi Morimoto";
const INTERNAL = "Haruto Sugimura";
const RESTRICTED = "Kenta Oyama";
const SIAM = "Neha Kulkarni";
const OPENING = "Bilateral opening session with Toyotsu on the 2012 arrangement";
const VOLUMES_ROUND = "IREL–Toyotsu technical review of transition-period volumes";

function contactForm(overrides: Form = {}): Form {
  return {
    name: `Test Person ${Math.random().toString(36).slice(2, 8)}`,
    title: "Counsellor",
    organizationId: ctx.org.meti,
    email: "test.person@meti.example",
    phone: "+81 3 1234 5678",
    languages: "Japanese",
    notes: "",
    visibility: "shared",
    ...overrides,
  };
}

type ListPage = { rows: { name: string }[] };

describe("contacts: validation and versions", () => {
  it("refuses a malformed e-mail and phone next to their fields, storing nothing", async () => {
    const cookie = await cookieFor("official@accord.test");
    const form = contactForm({ email: "not-an-address", phone: "call me" });
    const res = await call(newContactAction, post("/contacts/new", form, cookie));
    expect(res.status).toBe(400);
    const d = res.data as { fieldErrors: Record<string, string>; values: Record<string, unknown> };
    expect(d.fieldErrors.email).toBe("Enter an e-mail address like name@example.org.");
    expect(d.fieldErrors.phone).toBe("Enter a phone number of digits, spaces and dashes, like +91 11 2306 1234.");
    expect(d.values.name).toBe(form.name);
    expect(
      await getDb()
        .selectFrom("contacts")
        .select("id")
        .where("name", "=", form.name as string)
        .execute(),
    ).toEqual([]);

    const short = await call(newContactAction, post("/contacts/new", contactForm({ phone: "+1 23" }), cookie));
    expect(short.status).toBe(400);
    expect((short.data as { fieldErrors: Record<string, string> }).fieldErrors.phone).toBe("A phone number has 6 to 15 digits.");
  });

  it("refuses an unknown organization and a level the author may not give", async () => {
    const irel = await cookieFor("irel@accord.test");
    const res = await call(
      newContactAction,
      post("/contacts/new", contactForm({ organizationId: "nope", visibility: "restricted" }), irel),
    );
    expect(res.status).toBe(400);
    expect((res.data as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({
      organizationId: "Choose the person's organization.",
      visibility: "Choose a visibility you may give.",
    });
  });

  it("creates a contact, then answers a stale edit 409 with the user's text kept, and archives without deleting", async () => {
    const cookie = await cookieFor("official@accord.test");
    const form = contactForm();
    const created = await call(newContactAction, post("/contacts/new", form, cookie));
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;
    const saved = await getDb().selectFrom("contacts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(saved.email).toBe("test.person@meti.example");

    const first = await call(
      contactAction,
      post(`/contacts/${id}`, { ...form, intent: "save", version: "1", title: "Director" }, cookie),
      {
        contactId: id,
      },
    );
    expect(first.status).toBe(200);
    const stale = await call(
      contactAction,
      post(`/contacts/${id}`, { ...form, intent: "save", version: "1", title: "My edit" }, cookie),
      { contactId: id },
    );
    expect(stale.status).toBe(409);
    expect((stale.data as { values: Record<string, unknown> }).values.title).toBe("My edit");
    expect((await getDb().selectFrom("contacts").select("title").where("id", "=", id).executeTakeFirstOrThrow()).title).toBe(
      "Director",
    );

    const archived = await call(contactAction, post(`/contacts/${id}`, { intent: "archive", version: "2" }, cookie), {
      contactId: id,
    });
    expect(archived.status).toBe(200);
    const list = await call(contactsLoader, get(`/contacts?org=${ctx.org.meti}`, cookie));
    expect((list.data as ListPage).rows.map((r) => r.name)).not.toContain(form.name);
    const page = await call(contactLoader, get(`/contacts/${id}`, cookie), { contactId: id });
    expect(page.status).toBe(200);
    expect(await getDb().selectFrom("contacts").select("id").where("id", "=", id).executeTakeFirst()).toBeDefined();
  });

  it("lets only the Indian side write contacts", async () => {
    const counterpart = await cookieFor("counterpart@accord.test");
    const res = await call(newContactAction, post("/contacts/new", contactForm(), counterpart));
    expect(res.status).toBe(404);
    const id = await contactId(LEAD);
    const edit = await call(
      contactAction,
      post(`/contacts/${id}`, { ...contactForm(), intent: "save", version: "1" }, counterpart),
      {
        contactId: id,
      },
    );
    expect(edit.status).toBe(404);
  });
});

describe("contacts: who sees whom", () => {
  it("shows the counterpart shared contacts of organizations in its consultations only", async () => {
    const cookie = await cookieFor("counterpart@accord.test");
    const names = ((await call(contactsLoader, get("/contacts", cookie))).data as ListPage).rows.map((r) => r.name);
    // Toyotsu's own, Toyota Tsusho's and IREL's (they met at shared rounds), METI's (a shared round with Toyotsu).
    expect(names).toEqual(expect.arrayContaining([LEAD, "Mai Fujisawa", "S. Raghunathan", "Naoko Shimizu"]));
    expect(names).not.toContain(INTERNAL);
    expect(names).not.toContain(RESTRICTED);
    // SIAM never sat with Toyotsu at a shared consultation.
    expect(names).not.toContain(SIAM);
    for (const hidden of [INTERNAL, RESTRICTED, SIAM]) {
      const id = await contactId(hidden);
      expect((await call(contactLoader, get(`/contacts/${id}`, cookie), { contactId: id })).status).toBe(404);
    }
  });

  it("keeps hidden contacts out of the CSV and the search", async () => {
    const cookie = await cookieFor("counterpart@accord.test");
    const csv = await call(contactsCsvLoader, get("/contacts/export.csv", cookie));
    const res = (await contactsCsvLoader({
      request: get("/contacts/export.csv", cookie),
      params: {},
      context: { nonce: "test", clientAddress: "127.0.0.1" },
    })) as Response;
    expect(csv.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(LEAD);
    expect(text).not.toContain(INTERNAL);
    expect(text).not.toContain(RESTRICTED);
    expect(text).not.toContain("INTERNALCONTACTNOTE");
    for (const q of ["Sugimura", "Oyama", "Kulkarni"]) {
      const found = await call(searchLoader, get(`/search?q=${q}`, cookie));
      expect((found.data as { contacts: unknown[] }).contacts, q).toEqual([]);
    }
    const lead = await call(searchLoader, get("/search?q=Morimoto", cookie));
    expect((lead.data as { contacts: { name: string }[] }).contacts.map((c) => c.name)).toEqual([LEAD]);
  });

  it("keeps the restricted contact from IREL and the industry user from Toyotsu's people", async () => {
    const irel = await cookieFor("irel@accord.test");
    const irelNames = ((await call(contactsLoader, get("/contacts", irel))).data as ListPage).rows.map((r) => r.name);
    expect(irelNames).toContain(INTERNAL);
    expect(irelNames).not.toContain(RESTRICTED);
    const industry = await cookieFor("industry@accord.test");
    const industryNames = ((await call(contactsLoader, get("/contacts", industry))).data as ListPage).rows.map((r) => r.name);
    expect(industryNames).toContain(SIAM);
    expect(industryNames).not.toContain(LEAD);
    const diplomat = await cookieFor("diplomat@accord.test");
    const dipNames = ((await call(contactsLoader, get("/contacts", diplomat))).data as ListPage).rows.map((r) => r.name);
    expect(dipNames).toContain(RESTRICTED);
  });
});

type ConsultationPage = {
  delegations: { organizationId: string; attendees: { name: string; leads: boolean; contactId: string | null }[] }[];
  canEditPeople: boolean;
  tags: { name: string }[];
};

describe("attendees", () => {
  it("shows the demo attendees per delegation, leaving out contacts the reader may not see", async () => {
    const id = await consultationId(OPENING);
    const counterpart = await cookieFor("counterpart@accord.test");
    const page = (await call(consultationLoader, get(`/consultations/${id}`, counterpart), { id })).data as ConsultationPage;
    const trei = page.delegations.find((d) => d.organizationId === ctx.org.toyotsu)!;
    expect(trei.attendees[0]).toMatchObject({ name: LEAD, leads: true });
    expect(page.canEditPeople).toBe(false);
  });

  it("lets an official record attendees, refuses outsiders and wrong delegations, and lists the round on the contact's page for the counterpart", async () => {
    const id = await consultationId(VOLUMES_ROUND);
    const official = await cookieFor("official@accord.test");
    const lead = await contactId(LEAD);
    const counterpart = await cookieFor("counterpart@accord.test");
    const before = (await call(contactLoader, get(`/contacts/${lead}`, counterpart), { contactId: lead })).data as {
      attended: { title: string }[];
    };
    expect(before.attended.map((a) => a.title)).not.toContain(VOLUMES_ROUND);

    // METI took no part in this round: its contact is refused next to the field.
    const meti = await contactId("Naoko Shimizu");
    const wrong = await call(
      consultationAction,
      post(`/consultations/${id}`, { intent: "attendee-add", person: `contact:${meti}` }, official),
      {
        id,
      },
    );
    expect(wrong.status).toBe(400);
    expect((wrong.data as { fieldErrors: Record<string, string> }).fieldErrors.person).toBe(
      "This person's organization did not take part in this consultation.",
    );
    const bogus = await call(
      consultationAction,
      post(`/consultations/${id}`, { intent: "attendee-add", person: "contact:nobody" }, official),
      {
        id,
      },
    );
    expect(bogus.status).toBe(400);

    // The counterpart may see the round but not edit it: 404, nothing stored.
    const refused = await call(
      consultationAction,
      post(`/consultations/${id}`, { intent: "attendee-add", person: `contact:${lead}`, leads: "on" }, counterpart),
      { id },
    );
    expect(refused.status).toBe(404);
    expect(await getDb().selectFrom("consultation_attendees").select("id").where("consultation_id", "=", id).execute()).toEqual(
      [],
    );

    const added = await call(
      consultationAction,
      post(`/consultations/${id}`, { intent: "attendee-add", person: `contact:${lead}`, leads: "on" }, official),
      { id },
    );
    expect(added.status).toBe(200);
    const again = await call(
      consultationAction,
      post(`/consultations/${id}`, { intent: "attendee-add", person: `contact:${lead}` }, official),
      {
        id,
      },
    );
    expect(again.status).toBe(400);

    const after = (await call(contactLoader, get(`/contacts/${lead}`, counterpart), { contactId: lead })).data as {
      attended: { title: string; leads: boolean }[];
    };
    expect(after.attended.find((a) => a.title === VOLUMES_ROUND)).toMatchObject({ leads: true });
    const audit = await getDb()
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "consultation_attendees")
      .where("entity_id", "=", id)
      .execute();
    expect(audit.map((a) => a.action)).toContain("consultation.attendee_add");
  });

  it("lists on a contact's page only the consultations the reader may see", async () => {
    const lead = await contactId(LEAD);
    const hidden = await insertConsultation(ctx, {
      title: "Internal debrief on Toyotsu",
      visibility: "internal",
      orgs: [ctx.org.moci, ctx.org.toyotsu],
    });
    await getDb()
      .insertInto("consultation_attendees")
      .values({
        id: `att-${hidden}`,
        consultation_id: hidden,
        organization_id: ctx.org.toyotsu,
        contact_id: lead,
        user_id: null,
        created_by: null,
        created_at: "2026-11-20T05:00:00.000Z",
      })
      .execute();
    const counterpart = await cookieFor("counterpart@accord.test");
    const seen = (await call(contactLoader, get(`/contacts/${lead}`, counterpart), { contactId: lead })).data as {
      attended: { title: string }[];
    };
    expect(seen.attended.map((a) => a.title)).not.toContain("Internal debrief on Toyotsu");
    const official = await cookieFor("official@accord.test");
    const all = (await call(contactLoader, get(`/contacts/${lead}`, official), { contactId: lead })).data as {
      attended: { title: string }[];
    };
    expect(all.attended.map((a) => a.title)).toContain("Internal debrief on Toyotsu");
  });
});

describe("relationship owners", () => {
  it("shows the owners to the Indian side, lets officials edit them with versions, and answers 404 to the other side", async () => {
    const orgId = ctx.org.toyotsu;
    const official = await cookieFor("official@accord.test");
    const page = (await call(organizationLoader, get(`/organizations/${orgId}`, official), { orgId })).data as {
      owners: { id: string }[];
      organization: { version: number };
    };
    expect(page.owners.map((o) => o.id).sort()).toEqual([ctx.user["official@accord.test"], ctx.user["irel@accord.test"]].sort());
    for (const email of ["counterpart@accord.test", "industry@accord.test"]) {
      expect((await call(organizationLoader, get(`/organizations/${orgId}`, await cookieFor(email)), { orgId })).status).toBe(
        404,
      );
    }
    const irel = await cookieFor("irel@accord.test");
    const v = String(page.organization.version);
    expect(
      (await call(organizationAction, post(`/organizations/${orgId}`, { version: v, ownerIds: [] }, irel), { orgId })).status,
    ).toBe(404);
    // A counterpart user cannot be an owner.
    const bad = await call(
      organizationAction,
      post(`/organizations/${orgId}`, { version: v, ownerIds: [ctx.user["counterpart@accord.test"]!] }, official),
      { orgId },
    );
    expect(bad.status).toBe(400);
    const ok = await call(
      organizationAction,
      post(`/organizations/${orgId}`, { version: v, ownerIds: [ctx.user["diplomat@accord.test"]!] }, official),
      {
        orgId,
      },
    );
    expect(ok.status).toBe(200);
    const stale = await call(organizationAction, post(`/organizations/${orgId}`, { version: v, ownerIds: [] }, official), {
      orgId,
    });
    expect(stale.status).toBe(409);
    const owners = await getDb()
      .selectFrom("organization_owners")
      .select("user_id")
      .where("organization_id", "=", orgId)
      .execute();
    expect(owners.map((o) => o.user_id)).toEqual([ctx.user["diplomat@accord.test"]]);
  });
});

describe("tags", () => {
  it("filters every list by tag and keeps hidden tags out of lists, filters, search and pages", async () => {
    const shared = await tagId("Transition volumes");
    const restricted = await tagId("Walk-away options");
    const internalFree = await tagId("single negotiating brief");
    const counterpart = await cookieFor("counterpart@accord.test");

    const consultations = await call(consultationsLoader, get(`/consultations?tag=${shared}`, counterpart));
    expect((consultations.data as { rows: { title: string }[] }).rows.map((r) => r.title)).toEqual([VOLUMES_ROUND]);
    const issues = await call(issuesLoader, get(`/issues?tag=${shared}`, counterpart));
    expect((issues.data as { rows: { title: string }[] }).rows.map((r) => r.title)).toEqual(["Transition-period volumes"]);
    const official = await cookieFor("official@accord.test");
    const milestones = await call(milestonesLoader, get(`/milestones?tag=${shared}`, official));
    expect((milestones.data as { rows: { title: string }[] }).rows.map((r) => r.title)).toEqual([
      "Export phase-down schedule agreed with Toyotsu",
    ]);

    const tagNames = ((await call(tagsLoader, get("/tags", counterpart))).data as { tags: { name: string }[] }).tags.map(
      (t) => t.name,
    );
    expect(tagNames).toContain("Transition volumes");
    expect(tagNames).not.toContain("Walk-away options");
    expect(tagNames).not.toContain("single negotiating brief");
    for (const hidden of [restricted, internalFree]) {
      expect((await call(tagLoader, get(`/tags/${hidden}`, counterpart), { tagId: hidden })).status).toBe(404);
      // Filtering by a hidden tag's id tells nothing: the list is empty, as for an unknown tag.
      const filtered = await call(consultationsLoader, get(`/consultations?tag=${hidden}`, counterpart));
      expect((filtered.data as { rows: unknown[] }).rows).toEqual([]);
    }
    const irel = await cookieFor("irel@accord.test");
    expect((await call(tagLoader, get(`/tags/${restricted}`, irel), { tagId: restricted })).status).toBe(404);
    expect((await call(tagLoader, get(`/tags/${internalFree}`, irel), { tagId: internalFree })).status).toBe(200);

    const search = await call(searchLoader, get("/search?q=walk away", counterpart));
    expect((search.data as { tags: unknown[] }).tags).toEqual([]);
    const found = await call(searchLoader, get("/search?q=transition volumes", counterpart));
    expect((found.data as { tags: { name: string }[] }).tags.map((t) => t.name)).toEqual(["Transition volumes"]);

    const id = await consultationId(OPENING);
    const page = (await call(consultationLoader, get(`/consultations/${id}`, counterpart), { id })).data as ConsultationPage;
    expect(page.tags.map((t) => t.name)).toEqual(["Binding terms"]);
  });

  it("adds a free tag at the record's level, refuses a blank one, and keeps the vocabulary to admins", async () => {
    const official = await cookieFor("official@accord.test");
    const id = await consultationId(VOLUMES_ROUND);
    const blank = await call(consultationAction, post(`/consultations/${id}`, { intent: "tag-add", name: "  " }, official), {
      id,
    });
    expect(blank.status).toBe(400);
    expect((blank.data as { fieldErrors: Record<string, string> }).fieldErrors.name).toBe(
      "Choose a tag from the vocabulary or type a new one.",
    );
    const added = await call(
      consultationAction,
      post(`/consultations/${id}`, { intent: "tag-add", name: "Shipment  calendar" }, official),
      { id },
    );
    expect(added.status).toBe(200);
    const tag = await getDb()
      .selectFrom("tags")
      .selectAll()
      .where("name_key", "=", "shipment calendar")
      .executeTakeFirstOrThrow();
    expect(tag).toMatchObject({ kind: "free", visibility: "shared", name: "Shipment calendar" });
    const removed = await call(
      consultationAction,
      post(`/consultations/${id}`, { intent: "tag-remove", tagId: tag.id }, official),
      { id },
    );
    expect(removed.status).toBe(200);

    const counterpart = await cookieFor("counterpart@accord.test");
    const tagged = await call(
      consultationAction,
      post(`/consultations/${id}`, { intent: "tag-add", name: "mine" }, counterpart),
      { id },
    );
    expect(tagged.status).toBe(404);

    const notAdmin = await call(tagsAction, post("/tags", { name: "Pricing", visibility: "shared" }, official));
    expect(notAdmin.status).toBe(404);
    const admin = await cookieFor("admin@accord.test");
    const created = await call(tagsAction, post("/tags", { name: "Pricing", visibility: "shared" }, admin));
    expect(created.status).toBe(302);
    const dup = await call(tagsAction, post("/tags", { name: "pricing", visibility: "shared" }, admin));
    expect(dup.status).toBe(400);
  });
});

describe("demo data", () => {
  it("adds nothing twice when the demo seed runs again", async () => {
    const tables = ["contacts", "consultation_attendees", "tags", "record_tags", "organization_owners"] as const;
    const before = await Promise.all(tables.map(countRows));
    await seedPeople(ctx);
    expect(await Promise.all(tables.map(countRows))).toEqual(before);
    const lead = await getDb().selectFrom("contacts").select("notes").where("name", "=", LEAD).executeTakeFirstOrThrow();
    expect(lead.notes).toContain("Illustrative name");
  });
});
