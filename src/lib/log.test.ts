import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLog, safeError, scrub } from "./log";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLog(stream), lines };
}
const flush = () => new Promise((r) => setImmediate(r));

describe("scrub", () => {
  it.each([
    ["patient 19121212-1212 saknas", "patient [personnummer] saknas"],
    ["pnr 121212-1212 och 191212121212.", "pnr [personnummer] och [personnummer]."],
    ["Authorization: Bearer svd_abcDEF123-_x", "Authorization: Bearer [token]"],
    ["token svd_abcDEF123", "token [token]"],
    ["GET /svar/AbC123_-xyz?x=1", "GET /svar/[token]?x=1"],
  ])("%s", (input, expected) => expect(scrub(input)).toBe(expected));

  it("leaves request ids, dates and counts readable", () => {
    const text = "request 20123456-7890-4abc-8def-123456789012 on 2026-12-05: 1234 rows in 56 ms";
    expect(scrub(text)).toBe(text);
  });
});

describe("safeError", () => {
  it("keeps type, code, message and frames, never a database error's detail", () => {
    const e = Object.assign(new Error('duplicate key value violates unique constraint "patient_pnr_key"'), {
      code: "23505",
      detail: "Key (personnummer)=(19121212-1212) already exists.",
    });
    const safe = safeError(e);
    expect(safe).toMatchObject({
      type: "Error",
      code: "23505",
      message: expect.stringContaining("duplicate key"),
    });
    expect(JSON.stringify(safe)).not.toMatch(/19121212|detail/);
    expect(safe.stack?.[0]).toMatch(/^at /);
  });
  it("never keeps what a database error's message quotes", () => {
    const validation = Object.assign(
      new Error('Invalid `prisma.contact.create()` invocation:\n{ data: { note: "Uttrycker hopplöshet" } }'),
      { name: "PrismaClientValidationError" },
    );
    expect(safeError(validation).message).not.toMatch(/hopplöshet/);
    const known = Object.assign(
      new Error(
        "\nInvalid `prisma.patient.create()` invocation:\n\n\nUnique constraint failed on the fields: (`personnummer`)",
      ),
      { name: "PrismaClientKnownRequestError", code: "P2002" },
    );
    expect(safeError(known).message).toBe("Unique constraint failed on the fields: (`personnummer`)");
    const pgError = Object.assign(new Error('invalid input syntax for type uuid: "Anna Svensson"'), {
      severity: "ERROR",
      code: "22P02",
    });
    expect(safeError(pgError).message).toBe('invalid input syntax for type uuid: "…"');
  });

  it("scrubs a message that quotes a personnummer, and follows a cause", () => {
    const e = new Error("outer", { cause: new Error("no patient 19121212-1212") });
    expect(safeError(e).cause?.message).toBe("no patient [personnummer]");
  });
});

describe("the log", () => {
  it("writes one JSON object per line with level, time, request id and a safe error", async () => {
    const { log, lines } = capture();
    const err = Object.assign(new Error("boom"), { detail: "Key (personnummer)=(19121212-1212)" });
    log.error({ requestId: "r-1", err }, "[api] failed for 19121212-1212");
    await flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "error",
      service: "samvard",
      requestId: "r-1",
      msg: "[api] failed for [personnummer]",
      err: { type: "Error", message: "boom" },
    });
    expect(typeof lines[0]!.time).toBe("string");
    expect(JSON.stringify(lines)).not.toMatch(/19121212/);
  });
  it("redacts passwords, tokens, cookies and authorization headers in logged objects", async () => {
    const { log, lines } = capture();
    log.warn(
      { password: "hemligt", headers: { authorization: "Bearer x", cookie: "a=b" }, token: "svd_x" },
      "m",
    );
    await flush();
    expect(lines[0]).toMatchObject({
      password: "[redacted]",
      token: "[redacted]",
      headers: { authorization: "[redacted]", cookie: "[redacted]" },
    });
  });
});
