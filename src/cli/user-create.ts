// `npm run user:create -- --username chef --name "Maria Berg" --role VERKSAMHETSCHEF --unit "Vårdcentralen X" [--unit …]`
// Creates the units named (if new) and the user. The password comes from
// SAMVARD_PASSWORD or is generated and printed once. This is how a production
// install gets its first verksamhetschef without demo data.
import "./load-env";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db/create-client";
import { ZCreateUser, createUser } from "@/modules/admin/lib/create-user";
import { cliDatabaseUrl } from "./database-url";

const USAGE =
  'Usage: npm run user:create -- --username <name> --name "<display name>" --role VARDSAMORDNARE|ALLMANLAKARE|PSYKIATER|VERKSAMHETSCHEF --unit "<unit name>" [--unit …]';

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      unit: { type: "string", multiple: true },
      help: { type: "boolean" },
    },
  });
  if (values.help) return console.log(USAGE);
  const generated = !process.env.SAMVARD_PASSWORD;
  const password = process.env.SAMVARD_PASSWORD || randomBytes(12).toString("base64url");
  const parsed = ZCreateUser.safeParse({
    username: values.username,
    displayName: values.name,
    role: values.role,
    password,
    unitNames: values.unit ?? [],
  });
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n${USAGE}`);
    process.exit(2);
  }
  const prisma = createPrismaClient(cliDatabaseUrl(), 2);
  try {
    if (await prisma.user.findUnique({ where: { username: parsed.data.username } })) {
      console.error(`A user named ${parsed.data.username} already exists.`);
      process.exit(1);
    }
    const user = await createUser(prisma, parsed.data);
    console.log(
      `Created ${user.username} (${user.role}) in ${user.memberships.map((m) => m.unit.name).join(", ")}.`,
    );
    if (generated) console.log(`Password (shown once): ${password}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
