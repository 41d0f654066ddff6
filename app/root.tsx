import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";

import { LanguageMenu } from "~/components/LanguageMenu";
import { RouteAnnouncer } from "~/components/RouteAnnouncer";
import { createI18n } from "~/i18n";
import { rootData } from "~/root.server";
import styles from "~/styles/app.css";
import { catalogsFor, loadedCatalogs } from "~/utils/catalogs";
import { INTL_LOCALE } from "~/utils/format";
import { useNonce } from "~/utils/nonce";
import { pageTitle } from "~/utils/page-title";
import { DEFAULT_LOCALE } from "~/utils/preferences";
import { translateMessage } from "~/utils/translate";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches) }];

export function loader({ request }: LoaderFunctionArgs) {
  return rootData(request);
}

const RELOADED_FOR = "accord-reloaded-for-catalog";

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const resources = catalogsFor(locale);
  // One instance per language; the same language's catalogs do not change between requests.
  const i18n = useMemo(() => createI18n(locale, resources ?? loadedCatalogs() ?? {}), [locale, resources]);
  const catalog = data?.catalog;
  useEffect(() => {
    // The language changed without a page load (signing in with another stored language): the
    // page loads again, with that language's catalog script. Once per script, so a script that
    // cannot be fetched leaves the page as it is rather than reloading it for ever.
    if (!catalog || resources || sessionStorage.getItem(RELOADED_FOR) === catalog) return;
    sessionStorage.setItem(RELOADED_FOR, catalog);
    window.location.reload();
  }, [catalog, resources]);
  return (
    <html lang={INTL_LOCALE[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        {/* A classic script: it runs before the deferred module scripts that hydrate the page. */}
        {catalog ? <script src={catalog} nonce={nonce} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const navigation = useNavigation();
  const location = useLocation();
  const { t } = useTranslation();
  const user = data?.user;
  // A section chosen from the folded menu closes it again.
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner app-header__top">
          <Link to="/" className="brand" aria-label={t("app.home")}>
            <span className="brand__mark" aria-hidden="true">
              A
            </span>
            <span className="brand__name">{t("app.name")}</span>
          </Link>
          {user?.canSearch ? (
            <Form method="get" action="/search" role="search" className="header-search">
              <label htmlFor="header-search-q" className="visually-hidden">
                {t("header.searchLabel")}
              </label>
              <input
                id="header-search-q"
                type="search"
                name="q"
                placeholder={t("header.searchPlaceholder")}
                className="header-search__input"
              />
              <button type="submit" className="header-search__button">
                {t("header.search")}
              </button>
            </Form>
          ) : null}
          <LanguageMenu current={data?.locale ?? DEFAULT_LOCALE} redirectTo={location.pathname + location.search} />
          {user ? (
            <div className="user-menu">
              <div className="user-menu__who">
                <span className="user-menu__name">{user.displayName}</span>
                <span className="user-menu__meta">
                  {t(`labels:role.${user.role}`)} · {user.organizationShortName}
                </span>
              </div>
              <Link to="/account/password" className="button button--quiet">
                {t("header.password")}
              </Link>
              <Link to="/account/security" className="button button--quiet">
                {t("security:account.link")}
              </Link>
              <Link to="/preferences" className="button button--quiet">
                {t("header.preferences")}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="button button--quiet">
                  {t("header.signOut")}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
        {user ? (
          <nav className="app-nav" aria-label={t("header.mainNav")}>
            {/* Below 30rem the sections fold behind this disclosure (no JavaScript needed); wider, it is always open. */}
            <details className="app-nav__menu" ref={menu}>
              <summary className="app-nav__toggle">{t("header.menu")}</summary>
              <ul className="app-header__inner">
                {data.nav.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                      {t(`nav.${item.key}`)}
                      {item.badge ? (
                        <span className="nav-badge">
                          {item.badge > 99 ? "99+" : item.badgeAtLeast ? `${item.badge}+` : item.badge}
                          <span className="visually-hidden">{t("header.unread")}</span>
                        </span>
                      ) : null}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </details>
          </nav>
        ) : null}
        <div className={navigation.state === "idle" ? "progress" : "progress progress--active"} aria-hidden="true" />
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t("app.footer")}</p>
      </footer>
      <RouteAnnouncer />
    </>
  );
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation();
  let title = t("errors.generic.title");
  let message = t("errors.generic.message");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (error.status === 404) {
      title = t("errors.notFound.title");
      message = t("errors.notFound.message");
    } else if (error.status === 405) {
      title = t("errors.notAllowed.title");
      message = t("errors.notAllowed.message");
    } else if (error.status < 500) {
      title = t("errors.refused.title");
      const body = error.data as { message?: string; code?: string; values?: Record<string, string> } | string | undefined;
      // A coded refusal (`invalidRequestCode`) is worded from the catalogs; older ones carry English.
      message =
        typeof body === "object" && typeof body.code === "string"
          ? t(body.code, body.values ?? {})
          : translateMessage(i18n, typeof body === "string" ? body : (body?.message ?? error.statusText));
    }
  }
  return (
    <Shell>
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-page__status">{status}</p>
        <h1 id="error-title">{title}</h1>
        <p>{message}</p>
        <p>
          <Link to="/" className="button">
            {t("errors.goHome")}
          </Link>
        </p>
      </section>
    </Shell>
  );
}
