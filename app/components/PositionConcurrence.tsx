import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FieldErrorText, FormError } from "~/components/forms";
import { translateMessage } from "~/utils/translate";
import { CONCURRENCE_RESPONSES, type ConcurrenceResponse, type Visibility } from "~db/schema";

/** Who must concur on India's position, who has, and — for the ministry asked — its answer and tabling. */
export function PositionConcurrence({
  positionId,
  concurrence,
  inConcurrence,
  myOrganizationId,
  canRespond,
  canTable,
  visibilities,
  failure,
}: {
  positionId: string;
  concurrence: {
    required: { organizationId: string; organization: string; response: ConcurrenceResponse | null; comment: string | null }[];
    complete: boolean;
  };
  inConcurrence: boolean;
  myOrganizationId: string;
  canRespond: boolean;
  canTable: boolean;
  visibilities: readonly Visibility[];
  failure?: { fieldErrors: Record<string, string | undefined>; formError?: string | undefined };
}) {
  const { t, i18n } = useTranslation("agreement");
  const mine = concurrence.required.find((r) => r.organizationId === myOrganizationId);
  const error = (field: string) => translateMessage(i18n, failure?.fieldErrors[field]);
  const ids = { response: `concur-response-${positionId}`, comment: `concur-comment-${positionId}` };
  return (
    <div className="stack">
      <FormError message={failure?.formError ? translateMessage(i18n, failure.formError) : undefined} />
      <table className="table table--compact">
        <caption>{t("clause.concurrence")}</caption>
        <tbody>
          {concurrence.required.map((r) => (
            <tr key={r.organizationId}>
              <th scope="row">{r.organization}</th>
              <td>{r.response ? t(`labels:concurrence.${r.response}`) : t("clause.awaited")}</td>
              <td>{r.comment ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canRespond && mine && !mine.response && inConcurrence ? (
        <Form method="post" className="form form--inline">
          <input type="hidden" name="intent" value="positionConcur" />
          <input type="hidden" name="positionId" value={positionId} />
          <input type="hidden" name="organizationId" value={myOrganizationId} />
          <label htmlFor={ids.response}>{t("clause.answer")}</label>
          <select
            id={ids.response}
            name="response"
            defaultValue="concur"
            aria-invalid={error("response") ? true : undefined}
            aria-describedby={error("response") ? `${ids.response}-error` : undefined}
          >
            {CONCURRENCE_RESPONSES.map((r) => (
              <option key={r} value={r}>
                {t(`labels:concurrence.${r}`)}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${ids.response}-error`} error={error("response")} />
          <label htmlFor={ids.comment}>{t("clause.comment")}</label>
          <textarea
            id={ids.comment}
            name="comment"
            rows={2}
            aria-invalid={error("comment") ? true : undefined}
            aria-describedby={error("comment") ? `${ids.comment}-error` : undefined}
          />
          <FieldErrorText id={`${ids.comment}-error`} error={error("comment")} />
          <label>
            {t("clause.commentVisibility")}
            <select name="visibility" defaultValue="internal">
              {visibilities.map((v) => (
                <option key={v} value={v}>
                  {t(`labels:visibility.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t("clause.giveConcurrence")}
          </button>
        </Form>
      ) : null}
      {canTable && concurrence.complete && inConcurrence ? (
        <Form method="post">
          <input type="hidden" name="intent" value="positionTable" />
          <input type="hidden" name="positionId" value={positionId} />
          <button type="submit" className="button button--primary">
            {t("position.table")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
