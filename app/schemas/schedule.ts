/** How many tonnage-schedule rows the position form offers (shared by the schema, the form and the model). */
export const SCHEDULE_ROWS = 3;
