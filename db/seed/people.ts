/**
 * Demo contacts of the real parties, relationship owners, attendees of the demo rounds and a few
 * tags. The people are fictional: each contact's notes say its name is illustrative. Idempotent:
 * contacts are found by (organization, name), tags by name, attendees and links by their keys.
 */
import { addAttendee } from "~/models/attendees.server";
import { createContact } from "~/models/contacts.server";
import { setOrganizationOwners } from "~/models/organizations.server";
import { addTag, createVocabularyTag, tagKey } from "~/models/tags.server";
import { sessionUserByEmail } from "~/models/users.server";

import type { TaggableKind, Visibility } from "../schema";
import type { DemoContext } from "./demo";
import { seededId } from "./lookup";
import type { DemoOrgKey } from "./organizations";

const ILLUSTRATIVE = "Illustrative name: a fictional person for the demonstration, not a real official.";

const DEMO_CONTACTS: {
  key: string;
  org: DemoOrgKey;
  name: string;
  title: string;
  email?: string;
  phone?: string;
  languages: string;
  notes?: string;
  visibility: Visibility;
}[] = [
  {
    key: "treiLead",
    org: "toyotsu",
    name: "Takeshi Morimoto",
    title: "Managing Director, Toyotsu Rare Earths India",
    email: "t.morimoto@trei.example",
    phone: "+91 891 000 0101",
    languages: "Japanese, English",
    notes: "Leads Toyotsu's delegation in the talks on the 2012 arrangement.",
    visibility: "shared",
  },
  {
    key: "treiPlant",
    org: "toyotsu",
    name: "Ravi Chandran",
    title: "Plant Manager, Visakhapatnam",
    email: "r.chandran@trei.example",
    languages: "English, Telugu, Hindi",
    visibility: "shared",
  },
  {
    key: "treiInternal",
    org: "toyotsu",
    name: "Haruto Sugimura",
    title: "Commercial Adviser",
    languages: "Japanese",
    notes: "INTERNALCONTACTNOTE Indian side's read: the adviser favours a longer step-down than Toyotsu says in the room.",
    visibility: "internal",
  },
  {
    key: "tsushoLead",
    org: "toyotaTsusho",
    name: "Mai Fujisawa",
    title: "General Manager, Rare Earths and Rare Metals",
    email: "m.fujisawa@toyota-tsusho.example",
    phone: "+81 3 0000 0202",
    languages: "Japanese, English",
    visibility: "shared",
  },
  {
    key: "tsushoRestricted",
    org: "toyotaTsusho",
    name: "Kenta Oyama",
    title: "Back-channel contact",
    languages: "Japanese, English",
    notes: "RESTRICTEDCONTACTNOTE Reached through the Embassy only.",
    visibility: "restricted",
  },
  {
    key: "metiLead",
    org: "meti",
    name: "Naoko Shimizu",
    title: "Director, Mineral Resources Division",
    email: "shimizu-n@meti.example",
    languages: "Japanese, English",
    visibility: "shared",
  },
  {
    key: "irelDirector",
    org: "irel",
    name: "S. Raghunathan",
    title: "Director (Technical), IREL",
    email: "s.raghunathan@irel.example",
    phone: "+91 22 0000 0303",
    languages: "English, Malayalam, Hindi",
    visibility: "shared",
  },
  {
    key: "mociJs",
    org: "moci",
    name: "Anita Varma",
    title: "Joint Secretary, Department of Commerce",
    email: "anita.varma@commerce.example",
    languages: "English, Hindi",
    visibility: "shared",
  },
  {
    key: "meaTokyo",
    org: "mea",
    name: "Rohan Deshmukh",
    title: "First Secretary (Economic), Embassy of India, Tokyo",
    languages: "English, Hindi, Japanese",
    visibility: "internal",
  },
  {
    key: "siam",
    org: "siam",
    name: "Neha Kulkarni",
    title: "Director, Supply Chain",
    email: "neha.kulkarni@siam.example",
    languages: "English, Marathi, Hindi",
    visibility: "shared",
  },
  {
    key: "elcina",
    org: "elcina",
    name: "Farhan Qureshi",
    title: "Secretary General's office",
    languages: "English, Hindi, Urdu",
    visibility: "shared",
  },
];

/** Attendees of demo rounds: people by contact key or demo e-mail, the lead of each delegation marked. */
const DEMO_ATTENDANCE: { consultation: string; people: { contact?: string; user?: string; leads?: boolean }[] }[] = [
  {
    consultation: "Bilateral opening session with Toyotsu on the 2012 arrangement",
    people: [
      { contact: "mociJs", leads: true },
      { user: "official@accord.test" },
      { contact: "irelDirector", leads: true },
      { user: "irel@accord.test" },
      { contact: "treiLead", leads: true },
      { user: "counterpart@accord.test" },
      { contact: "treiPlant" },
      { contact: "tsushoLead", leads: true },
    ],
  },
  {
    consultation: "Meeting with METI on rare-earth supply cooperation",
    people: [{ contact: "metiLead", leads: true }, { user: "meti@accord.test" }],
  },
  {
    consultation: "Industry consultation on the magnet-manufacturing incentive scheme",
    people: [
      { user: "official@accord.test", leads: true },
      { contact: "siam", leads: true },
      { contact: "elcina", leads: true },
    ],
  },
];

const DEMO_OWNERS: { org: DemoOrgKey; users: string[] }[] = [
  { org: "toyotsu", users: ["official@accord.test", "irel@accord.test"] },
  { org: "toyotaTsusho", users: ["official@accord.test"] },
  { org: "meti", users: ["diplomat@accord.test"] },
  { org: "siam", users: ["mines@accord.test"] },
];

const VOCABULARY: { name: string; visibility: Visibility }[] = [
  { name: "Transition volumes", visibility: "shared" },
  { name: "Binding terms", visibility: "shared" },
  { name: "Magnet plant", visibility: "shared" },
  { name: "Walk-away options", visibility: "restricted" },
];

const TAGGINGS: { kind: TaggableKind; title: string; tag: string }[] = [
  { kind: "consultation", title: "Bilateral opening session with Toyotsu on the 2012 arrangement", tag: "Binding terms" },
  { kind: "consultation", title: "IREL–Toyotsu technical review of transition-period volumes", tag: "Transition volumes" },
  { kind: "consultation", title: "Industry consultation on the magnet-manufacturing incentive scheme", tag: "Magnet plant" },
  { kind: "consultation", title: "Restricted note on India's fall-back options", tag: "Walk-away options" },
  { kind: "issue", title: "Transition-period volumes", tag: "Transition volumes" },
  { kind: "issue", title: "Binding terms of the 2012 agreement", tag: "Binding terms" },
  { kind: "milestone", title: "Partner chosen for India's first magnet plant", tag: "Magnet plant" },
  { kind: "milestone", title: "Export phase-down schedule agreed with Toyotsu", tag: "Transition volumes" },
];

export async function seedPeople(ctx: DemoContext): Promise<void> {
  const admin = await sessionUserByEmail(ctx.db, "admin@accord.test");
  const official = await sessionUserByEmail(ctx.db, "official@accord.test");

  const contactIds: Record<string, string> = {};
  for (const c of DEMO_CONTACTS) {
    const orgId = ctx.org[c.org];
    const existing = await seededId(ctx.db, "contacts", { organization_id: orgId, name: c.name });
    if (existing) {
      contactIds[c.key] = existing;
      continue;
    }
    const created = await createContact(ctx.db, admin, {
      name: c.name,
      title: c.title,
      organizationId: orgId,
      email: c.email,
      phone: c.phone,
      languages: c.languages,
      notes: c.notes ? `${c.notes}\n\n${ILLUSTRATIVE}` : ILLUSTRATIVE,
      visibility: c.visibility,
    });
    if (created.ok) contactIds[c.key] = created.record.id;
    ctx.log(`contact ${c.name}`);
  }

  for (const o of DEMO_OWNERS) {
    const orgId = ctx.org[o.org];
    const has = await ctx.db
      .selectFrom("organization_owners")
      .select("user_id")
      .where("organization_id", "=", orgId)
      .executeTakeFirst();
    if (has) continue;
    const org = await ctx.db.selectFrom("organizations").select("version").where("id", "=", orgId).executeTakeFirstOrThrow();
    await setOrganizationOwners(
      ctx.db,
      admin,
      orgId,
      org.version,
      o.users.map((email) => ctx.user[email]!),
    );
  }

  for (const a of DEMO_ATTENDANCE) {
    const consultationId = await seededId(ctx.db, "consultations", { title: a.consultation });
    if (!consultationId) continue;
    const participants = await ctx.db
      .selectFrom("consultation_participants")
      .select("organization_id")
      .where("consultation_id", "=", consultationId)
      .execute();
    for (const p of a.people) {
      const person = p.contact ? `contact:${contactIds[p.contact]}` : `user:${ctx.user[p.user!]}`;
      // Refused as already attending on a second run: nothing is added twice.
      await addAttendee(
        ctx.db,
        admin,
        consultationId,
        participants.map((x) => x.organization_id),
        { person, leads: p.leads ?? false },
      );
    }
  }

  for (const v of VOCABULARY) {
    const existing = await seededId(ctx.db, "tags", { name_key: tagKey(v.name), visibility: v.visibility });
    if (!existing) await createVocabularyTag(ctx.db, admin, v);
  }

  const tables = { consultation: "consultations", issue: "issues", milestone: "milestones" } as const;
  for (const tg of TAGGINGS) {
    const record = await ctx.db
      .selectFrom(tables[tg.kind])
      .select(["id", "visibility"])
      .where("title", "=", tg.title)
      .executeTakeFirst();
    if (!record) continue;
    // addTag reuses the vocabulary tag of that name and answers "already there" on a second run.
    await addTag(ctx.db, official, { kind: tg.kind, id: record.id, visibility: record.visibility }, { name: tg.tag });
  }
  // One free tag on an internal consultation: the Japanese side never learns it exists.
  const internal = await ctx.db
    .selectFrom("consultations")
    .select(["id", "visibility"])
    .where("title", "=", "Inter-ministerial meeting of Commerce, Mines, Atomic Energy and External Affairs")
    .executeTakeFirst();
  if (internal)
    await addTag(
      ctx.db,
      official,
      { kind: "consultation", id: internal.id, visibility: internal.visibility },
      { name: "single negotiating brief" },
    );
}
