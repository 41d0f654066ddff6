import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FieldErrorText } from "~/components/forms";
import type { FieldErrors } from "~/utils/forms";

export interface DelegationView {
  organizationId: string;
  name: string;
  shortName: string;
  attendees: { id: string; leads: boolean; contactId: string | null; name: string; title: string | null }[];
}

export interface PersonChoices {
  organizationId: string;
  people: { value: string; name: string; title: string | null; kind: "contact" | "user" }[];
}

/**
 * Who attended, per delegation, with who led it; for editors, a form to add a person (a contact or
 * a user of a participating organization) and buttons to take one off or name the lead.
 */
export function Attendees({
  delegations,
  choices,
  canEdit,
  errors,
}: {
  delegations: readonly DelegationView[];
  choices: readonly PersonChoices[];
  canEdit: boolean;
  errors?: FieldErrors | undefined;
}) {
  const { t } = useTranslation("people");
  const listed = new Set(delegations.flatMap((d) => d.attendees.map((a) => a.contactId)));
  const error = errors?.person;
  return (
    <section className="card" aria-labelledby="attendees-title">
      <h2 id="attendees-title">{t("attendees.title")}</h2>
      <div className="delegations">
        {delegations.map((d) => (
          <section key={d.organizationId} aria-label={t("attendees.delegationOf", { organization: d.name })}>
            <h3 className="small">{t("attendees.delegationOf", { organization: d.name })}</h3>
            {d.attendees.length === 0 ? (
              <p className="muted small">{t("attendees.noneRecorded")}</p>
            ) : (
              <ul className="attendee-list">
                {d.attendees.map((a) => (
                  <li key={a.id}>
                    {a.contactId ? <Link to={`/contacts/${a.contactId}`}>{a.name}</Link> : <span>{a.name}</span>}
                    {a.title ? <span className="muted small"> · {a.title}</span> : null}
                    {a.leads ? (
                      <>
                        {" "}
                        <span className="badge">{t("attendees.lead")}</span>
                      </>
                    ) : null}
                    {canEdit ? (
                      <span className="inline-actions no-print">
                        {!a.leads ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="attendee-lead" />
                            <input type="hidden" name="attendeeId" value={a.id} />
                            <button
                              type="submit"
                              className="button button--small button--quiet"
                              aria-label={t("attendees.makeLeadOf", { name: a.name })}
                            >
                              {t("attendees.makeLead")}
                            </button>
                          </Form>
                        ) : null}
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="attendee-remove" />
                          <input type="hidden" name="attendeeId" value={a.id} />
                          <button
                            type="submit"
                            className="button button--small button--quiet"
                            aria-label={t("attendees.removeOf", { name: a.name })}
                          >
                            {t("attendees.remove")}
                          </button>
                        </Form>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      {canEdit ? (
        <Form method="post" className="filters no-print" aria-label={t("attendees.addForm")}>
          <input type="hidden" name="intent" value="attendee-add" />
          <label className="filter filter--wide">
            <span>{t("attendees.person")}</span>
            <select
              name="person"
              className="input"
              defaultValue=""
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "attendee-error" : undefined}
            >
              <option value="">{t("attendees.choosePerson")}</option>
              {choices.map((c) => {
                const delegation = delegations.find((d) => d.organizationId === c.organizationId);
                const people = c.people.filter((p) => !(p.kind === "contact" && listed.has(p.value.slice("contact:".length))));
                if (people.length === 0) return null;
                return (
                  <optgroup key={c.organizationId} label={delegation?.name ?? ""}>
                    {people.map((p) => (
                      <option key={p.value} value={p.value}>
                        {p.kind === "user"
                          ? t("attendees.userOption", { name: p.name })
                          : p.title
                            ? `${p.name} · ${p.title}`
                            : p.name}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
          </label>
          <label className="filter filter--check">
            <input type="checkbox" name="leads" />
            <span>{t("attendees.ledDelegation")}</span>
          </label>
          <button type="submit" className="button">
            {t("attendees.add")}
          </button>
          <FieldErrorText id="attendee-error" error={error} />
        </Form>
      ) : null}
    </section>
  );
}
