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
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";

import { can, navigationFor } from "~/models/access.server";
import { unreadActivityCount } from "~/models/activity.server";
import { getSessionUser } from "~/models/auth.server";
import { getDb } from "~/utils/db.server";
import styles from "~/styles/app.css";
import { ROLE_LABELS } from "~/utils/labels";
import { useNonce } from "~/utils/nonce";
import { readerTimeZone } from "~/utils/zones";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Accord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return {
    user: user && {
      displayName: user.displayName,
      role: user.role,
      roleLabel: ROLE_LABELS[user.role],
      organizationName: user.organizationName,
      organizationShortName: user.organizationShortName,
      canSearch: can(user, "consultation:list"),
      timeZone: readerTimeZone(user),
    },
    nav: user ? await navigationWithCounts(user) : [],
  };
}

async function navigationWithCounts(user: NonNullable<Awaited<ReturnType<typeof getSessionUser>>>) {
  const items = navigationFor(user);
  const activity = items.find((i) => i.to === "/activity");
  if (activity) activity.badge = await unreadActivityCount(getDb(), user);
  return items;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-IN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const navigation = useNavigation();
  const user = data?.user;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner app-header__top">
          <Link to="/" className="brand" aria-label="Accord home">
            <span className="brand__mark" aria-hidden="true">
              A
            </span>
            <span className="brand__name">Accord</span>
          </Link>
          {user?.canSearch ? (
            <Form method="get" action="/search" role="search" className="header-search">
              <label htmlFor="header-search-q" className="visually-hidden">
                Search consultations
              </label>
              <input id="header-search-q" type="search" name="q" placeholder="Search consultations" className="header-search__input" />
              <button type="submit" className="header-search__button">
                Search
              </button>
            </Form>
          ) : null}
          {user ? (
            <div className="user-menu">
              <div className="user-menu__who">
                <span className="user-menu__name">{user.displayName}</span>
                <span className="user-menu__meta">
                  {user.roleLabel} · {user.organizationShortName}
                </span>
              </div>
              <Form method="post" action="/logout">
                <button type="submit" className="button button--quiet">
                  Sign out
                </button>
              </Form>
            </div>
          ) : null}
        </div>
        {user ? (
          <nav className="app-nav" aria-label="Main">
            <ul className="app-header__inner">
              {data.nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                    {item.label}
                    {item.badge ? (
                      <span className="nav-badge">
                        {item.badge > 99 ? "99+" : item.badge}
                        <span className="visually-hidden"> unread</span>
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className={navigation.state === "idle" ? "progress" : "progress progress--active"} aria-hidden="true" />
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>Accord · tracking the renegotiation of the 2012 IREL–Toyotsu rare-earth arrangement</p>
      </footer>
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
  let title = "Something went wrong";
  let message = "An unexpected error occurred. The team has been told; please try again.";
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (error.status === 404) {
      title = "Page not found";
      message = "There is nothing at this address, or you do not have access to it.";
    } else if (error.status === 405) {
      title = "Not allowed";
      message = "This page does not accept that kind of request.";
    } else if (error.status < 500) {
      title = "Request refused";
      const body = error.data as { message?: string } | string | undefined;
      message = typeof body === "string" ? body : (body?.message ?? error.statusText);
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
            Go to the home page
          </Link>
        </p>
      </section>
    </Shell>
  );
}
