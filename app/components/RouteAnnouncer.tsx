import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * After a client-side page change, focus moves to the new page's main heading (or the main
 * region) and the page's title is announced; after a form post, its result (the page's notice
 * or error) is announced in the same polite live region. A full page load does neither: the
 * browser starts at the top and reads the title itself. After signing in, focus starts at the
 * top of the page (the skip link), so the first Tab reaches the navigation.
 */
export function RouteAnnouncer() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const [message, setMessage] = useState("");
  const previousPath = useRef<string | null>(null);
  const posted = useRef(false);

  const timers = useRef<number[]>([]);
  const announce = (text: string) => {
    // Cleared first, so the same words twice are announced twice; and cleared again once read,
    // so the words do not linger as a second copy of the page's title or notice.
    for (const id of timers.current) window.clearTimeout(id);
    setMessage("");
    timers.current = [window.setTimeout(() => setMessage(text), 50), window.setTimeout(() => setMessage(""), 3000)];
  };

  useEffect(() => {
    const before = previousPath.current;
    previousPath.current = location.pathname;
    if (before === null || before === location.pathname) return;
    const main = document.getElementById("main");
    if (before === "/login") {
      document.querySelector<HTMLElement>(".skip-link")?.focus();
    } else {
      const target = main?.querySelector<HTMLElement>("h1") ?? main;
      if (target) {
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }
    announce(t("reader:layout.pageChanged", { title: document.title }));
  }, [location.pathname, t]);

  useEffect(() => {
    if (navigation.state === "submitting" && navigation.formMethod && navigation.formMethod.toUpperCase() !== "GET") {
      posted.current = true;
      return;
    }
    if (navigation.state !== "idle" || !posted.current) return;
    posted.current = false;
    // Whether the page now shows a refusal (an error notice or a field's error) or a result.
    const main = document.getElementById("main");
    if (main?.querySelector(".notice--error, .field__error")) announce(t("reader:layout.formRefused"));
    else if (main?.querySelector(".notice--ok")) announce(t("reader:layout.formAccepted"));
  }, [navigation.state, navigation.formMethod, t]);

  return (
    // No status role: a page's own notice is its status; this region only speaks.
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="route-announcer">
      {message}
    </div>
  );
}
