import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

const prismaLike = (code: string, driverAdapterError?: unknown) =>
  Object.assign(new Error(`Invalid \`prisma.x()\` invocation`), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError },
  });

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "P1001 with the adapter's DatabaseNotReachable",
      prismaLike("P1001", { cause: { kind: "DatabaseNotReachable" } }),
    ],
    ["a pool timeout", prismaLike("P2024")],
    [
      "the adapter's ConnectionClosed inside an unknown code",
      prismaLike("P2010", { cause: { kind: "ConnectionClosed" } }),
    ],
    [
      "admin shutdown (57P01)",
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ],
    [
      "starting up (57P03)",
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
    ],
    [
      "a refused socket inside a database error",
      new Error("db", {
        cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      }),
    ],
    ["pg's terminated connection", new Error("Connection terminated unexpectedly")],
    [
      "pg's client after a connection error, inside a transaction (seen in the restart test)",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    [
      "a wrapped cause",
      new Error("outer", { cause: new Error("Connection terminated due to connection timeout") }),
    ],
  ])("%s: unavailable", (_name, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ["a unique violation", prismaLike("P2002")],
    ["a record not found", prismaLike("P2025")],
    ["a check constraint (23514)", Object.assign(new Error("violates check constraint"), { code: "23514" })],
    ["a plain bug", new TypeError("x is undefined")],
    [
      "a protocol violation (08P01, an app bug)",
      Object.assign(new Error("bind message has 70000 parameters"), { code: "08P01" }),
    ],
    [
      "some other socket refusing",
      Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443"), { code: "ECONNREFUSED" }),
    ],
    ["another library's closed connection", new Error("redis connection closed")],
    ["not an error", "ECONNREFUSED"],
    ["null", null],
  ])("%s: not unavailable", (_name, e) => expect(isDatabaseUnavailable(e)).toBe(false));

  it("does not loop on a cause cycle", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
