import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import {
  FormError,
  Notice,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  usePending,
  useValidatedForm,
} from "~/components/forms";
import { StakeholderMap, type MapDot } from "~/components/StakeholderMap";
import { TableScroll } from "~/components/TableScroll";
import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";
import { ratingFormOptions, recordRating, stakeholderMap, type MapRating } from "~/models/stakeholder-map.server";
import { mapQuerySchema, ratingSchema } from "~/schemas/map";
import styles from "~/styles/map.css";
import { todayInIndia } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { checkForm, invalidForm } from "~/utils/form-action.server";
import { readFormData } from "~/utils/form-body.server";
import { useFormat } from "~/utils/format";
import { invalidRequest } from "~/utils/http.server";
import { stylesheetLinks, titleMeta } from "~/utils/route-head";
import { MAP_STANCES, RATING_SCALE } from "~db/schema";

export const links = stylesheetLinks(styles);
export const meta = titleMeta("map:title");

/** A quarter back, the default comparison: the negotiation reports by quarter. */
export const DEFAULT_LOOKBACK_DAYS = 91;

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "map:read");
  const url = new URL(request.url);
  const query = mapQuerySchema.safeParse({
    at: url.searchParams.get("at") || undefined,
    since: url.searchParams.get("since") || undefined,
  });
  if (!query.success) invalidRequest(query.error.issues[0]?.message ?? "Use a date like 2026-01-31.");
  const today = todayInIndia();
  const at = query.data.at ?? today;
  const since = query.data.since ?? daysBefore(at, DEFAULT_LOOKBACK_DAYS);
  if (since >= at) invalidRequest("The earlier date must come before the map's date.");
  const db = getDb();
  const [points, options] = await Promise.all([stakeholderMap(db, user, at, since), ratingFormOptions(db, user)]);
  return { at, since, today, points, options };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  assertCan(user, "map:rate");
  const formData = await readFormData(request);
  const parsed = checkForm(ratingSchema, formData);
  if (!parsed.ok) return parsed.response;
  const result = await recordRating(getDb(), user, { ...parsed.data, note: parsed.data.note ?? null });
  if (!result.ok) {
    const message = result.field === "visibility" ? "Choose internal or restricted." : "Choose the organization you rate.";
    return invalidForm({ [result.field]: message }, parsed.data);
  }
  return { ok: true as const, id: result.id };
}

function change(before: MapRating | null, now: MapRating | null) {
  if (!now || !before) return null;
  return {
    influence: now.influence - before.influence,
    interest: now.interest - before.interest,
    stance: now.stance - before.stance,
  };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0";
}

function RatingForm() {
  const { options, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const pending = usePending();
  const { t } = useTranslation("map");
  const failed = actionData && "fieldErrors" in actionData ? actionData : undefined;
  const { register, onSubmit, errorFor } = useValidatedForm(ratingSchema, {
    defaultValues: { asOf: today, influence: 3, interest: 3, stance: 0, visibility: "internal" },
    serverErrors: failed?.fieldErrors,
  });
  const scale = RATING_SCALE.map((v) => ({ value: String(v), label: t(`scale.${v}`) }));
  return (
    <section className="card stack" aria-labelledby="rate-title">
      <h2 id="rate-title">{t("form.title")}</h2>
      {actionData && "ok" in actionData && actionData.ok ? <Notice>{t("form.saved")}</Notice> : null}
      <FormError message={failed?.formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="stack">
        <SelectField
          label={t("form.organization")}
          required
          placeholder={t("form.choose")}
          options={options.organizations.map((o) => ({ value: o.id, label: o.name }))}
          error={errorFor("organizationId")}
          registration={register("organizationId")}
        />
        <TextField
          label={t("form.asOf")}
          type="date"
          max={today}
          required
          error={errorFor("asOf")}
          registration={register("asOf")}
        />
        <SelectField
          label={t("form.influence")}
          required
          options={scale}
          error={errorFor("influence")}
          registration={register("influence")}
        />
        <SelectField
          label={t("form.interest")}
          required
          options={scale}
          error={errorFor("interest")}
          registration={register("interest")}
        />
        <SelectField
          label={t("form.stance")}
          required
          options={MAP_STANCES.map((s) => ({ value: String(s), label: t(`stance.${s}`) }))}
          error={errorFor("stance")}
          registration={register("stance")}
        />
        <SelectField
          label={t("form.visibility")}
          required
          options={options.visibilities.map((v) => ({ value: v, label: t(`labels:visibility.${v}`) }))}
          error={errorFor("visibility")}
          registration={register("visibility")}
        />
        <TextAreaField label={t("form.note")} rows={3} error={errorFor("note")} registration={register("note")} />
        <SubmitButton pending={pending}>{t("form.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

export default function MapPage() {
  const { at, since, today, points } = useLoaderData<typeof loader>();
  const { t } = useTranslation("map");
  const format = useFormat();
  const rated = points.filter((p) => p.now);
  const dots: MapDot[] = rated.map((p) => ({
    id: p.organizationId,
    label: p.shortName,
    influence: p.now!.influence,
    interest: p.now!.interest,
    stance: p.now!.stance,
    from: p.before ? { influence: p.before.influence, interest: p.before.interest } : null,
  }));
  const atLabel = format.plainDate(at);
  const sinceLabel = format.plainDate(since);
  return (
    <div className="page stack">
      <h1>{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      <Form method="get" className="map-dates card" aria-label={t("dates.label")}>
        <label className="filter">
          <span>{t("dates.at")}</span>
          <input type="date" name="at" className="input" defaultValue={at} max={today} key={`at-${at}`} />
        </label>
        <label className="filter">
          <span>{t("dates.since")}</span>
          <input type="date" name="since" className="input" defaultValue={since} max={today} key={`since-${since}`} />
        </label>
        <button type="submit" className="button">
          {t("dates.show")}
        </button>
      </Form>
      <div className="map-layout">
        <div>
          <StakeholderMap
            dots={dots}
            title={t("svg.title", { date: atLabel })}
            description={t("svg.description", { count: dots.length, since: sinceLabel })}
          />
          <ul className="map-legend" aria-label={t("legend")}>
            {MAP_STANCES.map((s) => (
              <li key={s}>
                <span className={`map-legend__swatch map-legend__swatch--s${s}`} aria-hidden="true" />
                {t(`stance.${s}`)}
              </li>
            ))}
          </ul>
        </div>
        <TableScroll label={t("table.caption", { date: atLabel, since: sinceLabel })}>
          <table className="table map-table">
            <caption>{t("table.caption", { date: atLabel, since: sinceLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.organization")}</th>
                <th scope="col">{t("table.influence")}</th>
                <th scope="col">{t("table.interest")}</th>
                <th scope="col">{t("table.stance")}</th>
                <th scope="col">{t("table.ratedOn")}</th>
                <th scope="col">{t("table.movement", { since: sinceLabel })}</th>
              </tr>
            </thead>
            <tbody>
              {points.length === 0 ? (
                <tr>
                  <td colSpan={6}>{t("table.empty")}</td>
                </tr>
              ) : null}
              {points.map((p) => {
                const delta = change(p.before, p.now);
                return (
                  <tr key={p.organizationId}>
                    <th scope="row">{p.name}</th>
                    <td>{p.now ? p.now.influence : t("table.none")}</td>
                    <td>{p.now ? p.now.interest : t("table.none")}</td>
                    <td>{p.now ? t(`stance.${p.now.stance}`) : t("table.none")}</td>
                    <td>
                      {p.now ? format.plainDate(p.now.asOf) : t("table.none")}
                      {p.now?.visibility === "restricted" ? ` · ${t("labels:visibility.restricted")}` : ""}
                    </td>
                    <td>
                      {!p.before
                        ? t("table.new")
                        : delta && delta.influence === 0 && delta.interest === 0 && delta.stance === 0
                          ? t("table.unchanged")
                          : delta
                            ? t("table.delta", {
                                influence: signed(delta.influence),
                                interest: signed(delta.interest),
                                stance: signed(delta.stance),
                              })
                            : t("table.none")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <RatingForm />
    </div>
  );
}
