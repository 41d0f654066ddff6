import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/models/auth.server";
import { notFound } from "~/utils/http.server";

// Unknown URLs: anonymous visitors are sent to sign in like everywhere else; others get a 404.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound();
}

export async function action({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound();
}

export default function NotFound() {
  return null;
}
