import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { assertCan } from "~/models/access.server";
import { requireUser } from "~/models/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  assertCan(await requireUser(request), "admin:users");
  return redirect("/admin/users");
}
