/**
 * The validated environment. Every setting Accord reads lives here, so the README's table and
 * the code cannot drift apart.
 */
import * as z from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default("file:./data/accord.sqlite"),
  /** PostgreSQL connections per instance (read by db/connection.ts; validated here at start). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** The public origin when behind a proxy, e.g. https://accord.example.gov.in */
  APP_ORIGIN: z.url().optional(),
  /** Secure cookies; defaults to true in production. */
  COOKIE_SECURE: flag,
  /** Number of proxy hops to trust for the client address (express "trust proxy"). */
  TRUST_PROXY: z.coerce.number().int().min(0).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  /** PDF documents printed at once; more wait in a short queue, then answer 503. */
  PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** The mail server, e.g. smtp://user:pass@mail.example.gov.in:587; unset: mail waits in the outbox. */
  SMTP_URL: z.url().optional(),
  /** The sender of Accord's mail. */
  MAIL_FROM: z.string().default("Accord <accord@localhost>"),
  /** Seconds between outbox runs of the mail worker. */
  MAIL_POLL_SECONDS: z.coerce.number().positive().default(15),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function isProduction(): boolean {
  return env().NODE_ENV === "production";
}

export function cookieSecure(): boolean {
  return env().COOKIE_SECURE ?? isProduction();
}
