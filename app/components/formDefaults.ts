/**
 * react-hook-form applies `defaultValues` through refs, which only run in the browser: a page
 * rendered on the server (and used without JavaScript) would show empty fields. Giving each
 * input its `defaultValue` as well puts the values into the HTML.
 */
export function initialText(values: Record<string, unknown>) {
  return (name: string): string => {
    const value = values[name];
    if (value === undefined || value === null || value === false) return "";
    return Array.isArray(value) ? String(value[0] ?? "") : String(value);
  };
}
