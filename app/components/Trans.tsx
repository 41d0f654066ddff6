/**
 * A sentence with markup from the catalogs: `<strong>…</strong>`, `<list>…</list>` and the like,
 * each tag replaced by the element given for it in `components`. The same props as
 * react-i18next's `Trans` for the way Accord uses it, without its HTML parser: the dashboard's
 * first-load JavaScript has a 100 KB budget (decision 012). Tags are read from the catalog's
 * text before values are put in, so a value (an organization's name) is never read as markup.
 */
import { cloneElement, Fragment, type ReactElement, type ReactNode } from "react";

import { interpolate } from "~/i18n";

type Translate = (key: string, options?: Record<string, unknown>) => string;

const TAG = /<(\/?)(\w+)\s*(\/?)>/g;

interface Open {
  name: string;
  children: ReactNode[];
}

/** The catalog text as React nodes: tags become the named components, text gets its values. */
export function markupNodes(
  text: string,
  values: Record<string, unknown>,
  components: Record<string, ReactElement>,
): ReactNode[] {
  const root: Open = { name: "", children: [] };
  const stack: Open[] = [root];
  let at = 0;
  let key = 0;
  const place = (node: Open, children: ReactNode[]) => {
    const element = components[node.name];
    const top = stack[stack.length - 1]!;
    top.children.push(element ? cloneElement(element, { key: key++ }, ...children) : <Fragment key={key++}>{children}</Fragment>);
  };
  for (const match of text.matchAll(TAG)) {
    const [whole, closing, name, selfClosing] = match;
    if (match.index > at) stack[stack.length - 1]!.children.push(interpolate(text.slice(at, match.index), values));
    at = match.index + whole.length;
    if (selfClosing) place({ name: name!, children: [] }, []);
    else if (!closing) stack.push({ name: name!, children: [] });
    else if (stack.length > 1 && stack[stack.length - 1]!.name === name) {
      const node = stack.pop()!;
      place(node, node.children);
    }
  }
  if (at < text.length) stack[stack.length - 1]!.children.push(interpolate(text.slice(at), values));
  // An unclosed tag keeps its text.
  while (stack.length > 1) {
    const node = stack.pop()!;
    stack[stack.length - 1]!.children.push(...node.children);
  }
  return root.children;
}

export function Trans({
  t,
  i18nKey,
  values = {},
  count,
  components = {},
}: {
  t: Translate;
  i18nKey: string;
  values?: Record<string, unknown>;
  count?: number;
  components?: Record<string, ReactElement>;
}) {
  // Only the plural is chosen here; placeholders stay for markupNodes to fill.
  const text = t(i18nKey, count === undefined ? {} : { count });
  return <>{markupNodes(text, count === undefined ? values : { count, ...values }, components)}</>;
}
