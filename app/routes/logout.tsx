import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { signOut } from "~/models/auth.server";
import { getDb } from "~/utils/db.server";

// Signing out changes state, so only POST does it; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const cookie = await signOut(getDb(), request, context?.clientAddress ?? null);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
