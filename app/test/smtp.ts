/** A real SMTP server on a free loopback port for tests: keeps what it receives, can refuse for a while. */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach } from "vitest";

import { smtpDeliver } from "~/models/mailer.server";
import { getDb } from "~/utils/db.server";

import { demoData } from "./fixtures";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Refuse the next n messages with a temporary failure (451). */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

// Undo the transfer encodings nodemailer may use for a plain-text body.
function decodeBody(headers: string, body: string): string {
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  if (/content-transfer-encoding:\s*base64/i.test(headers))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const subjectRaw = /^subject:\s*(.*)$/im.exec(headers)?.[1] ?? "";
  // RFC 2047 encoded words, as nodemailer writes non-ASCII subjects.
  const subject = subjectRaw.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
  return { to, subject: subject.trim(), text: decodeBody(headers, body).replace(/\r\n/g, "\n") };
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusing = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusing > 0) {
          refusing -= 1;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push(
          parse(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n) => {
      refusing = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The test SMTP server for one test file: demo data loaded and the server started before the
 * file's tests, stopped after them; before each test the outbox is marked sent and the received
 * list emptied, so that earlier tests' mail is not delivered by a later test's run.
 */
export function smtpForThisFile() {
  let smtp: TestSmtp;
  beforeAll(async () => {
    await demoData();
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(async () => {
    await getDb().updateTable("outbox").set({ status: "sent" }).where("status", "!=", "sent").execute();
    smtp.received.length = 0;
  });
  return {
    get received(): ReceivedMail[] {
      return smtp.received;
    },
    refuseNext: (n: number) => smtp.refuseNext(n),
    /** A delivery through this server, for `runOutbox`. */
    deliver: () => smtpDeliver(smtp.url, "Accord <accord@test>"),
  };
}
