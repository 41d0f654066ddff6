/**
 * The root loader's work: who is signed in, in which language and zone, and the navigation with
 * its unread badge. Apart from root.tsx so that none of these server modules is even an empty
 * stub in the browser's first load (decision 012).
 */
import { catalogScript, getLocale } from "~/i18n.server";
import { can, isInternal, navigationFor } from "~/models/access.server";
import { unreadActivity } from "~/models/activity.server";
import { getSessionUser } from "~/models/auth.server";
import { getDb } from "~/utils/db.server";
import { readerFor } from "~/utils/format";
import { readerTimeZone } from "~/utils/zones";

export async function rootData(request: Request) {
  const [user, locale] = await Promise.all([getSessionUser(request), getLocale(request)]);
  return {
    locale,
    // Only this language's words go to the browser, as a script cached across pages.
    catalog: catalogScript(locale).path,
    user: user && {
      displayName: user.displayName,
      role: user.role,
      organizationName: user.organizationName,
      organizationShortName: user.organizationShortName,
      canSearch: can(user, "consultation:list"),
      timeZone: readerTimeZone(user),
    },
    nav: user ? await navigationWithCounts(user) : [],
    // The reader's locale and zone, read once here: pages format through useFormat().
    reader: readerFor(user, locale),
  };
}

async function navigationWithCounts(user: NonNullable<Awaited<ReturnType<typeof getSessionUser>>>) {
  // The access module decides which sections; the catalog names them.
  const items = navigationFor(user).map((item) => ({
    ...item,
    key: item.to === "/demand" && !isInternal(user) ? "ourRequests" : item.to === "/" ? "home" : item.to.slice(1),
  }));
  const activity = items.find((i) => i.to === "/activity");
  if (activity) {
    const unread = await unreadActivity(getDb(), user);
    activity.badge = unread.count;
    activity.badgeAtLeast = unread.atLeast;
  }
  return items;
}
