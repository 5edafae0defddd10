// `npm run admin:create`: the first administrator (or another one) of a real installation.
//
//   npm run admin:create                                   asks for username, name and password
//   npm run admin:create -- --username li --name 李经理 --password-stdin < file
//   KEWU_ADMIN_USERNAME=… KEWU_ADMIN_NAME=… KEWU_ADMIN_PASSWORD=… npm run admin:create
//
// Connects with DATABASE_URL (the app role is enough). The password follows the password rules
// (lib/auth/password-policy.ts); as the administrator chose it themself, no change is asked at the
// first sign-in. Refuses an existing username. Writes an audit row (actor: none, the command line).

import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import { passwordProblem } from "../lib/auth/password-policy";

const { values: args } = parseArgs({
  options: {
    username: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    "password-stdin": { type: "boolean", default: false },
  },
});

const USERNAME = /^[a-z0-9_.-]{1,50}$/;
const PASSWORD_MESSAGES = {
  tooShort: "密码至少需要 10 位。The password needs at least 10 characters.",
  tooLong: "密码不能超过 200 位。The password may have at most 200 characters.",
  sameAsUsername: "密码不能与用户名相同，也不能包含用户名。The password must not be the username or contain it.",
  common: "这是常见密码，很容易被猜到，请换一个。This is a common password; choose another.",
} as const;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, "");
}

/** A prompt that does not echo what is typed. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = rl.question(question);
  muted = true;
  const value = await answer;
  rl.close();
  process.stdout.write("\n");
  return value;
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const value = await rl.question(question);
  rl.close();
  return value;
}

async function main() {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) fail("DATABASE_URL is not set. 请设置 DATABASE_URL（生产数据库连接）。");
  const interactive = process.stdin.isTTY && !args["password-stdin"];

  const username = (args.username ?? process.env.KEWU_ADMIN_USERNAME ?? (interactive ? await ask("用户名 Username: ") : ""))
    .trim()
    .toLowerCase();
  if (!USERNAME.test(username))
    fail("用户名只能使用小写字母、数字和 . _ -（最多 50 位）。Username: lower-case letters, digits, . _ - (up to 50).");
  const name = (args.name ?? process.env.KEWU_ADMIN_NAME ?? (interactive ? await ask("姓名 Name: ") : "")).trim();
  if (name.length < 1 || name.length > 50) fail("请填写姓名（最多 50 字）。Name: 1 to 50 characters.");

  let password = args.password ?? process.env.KEWU_ADMIN_PASSWORD;
  if (password === undefined && args["password-stdin"]) password = await readStdin();
  if (password === undefined && interactive) {
    password = await askHidden("密码 Password: ");
    if ((await askHidden("再次输入 Again: ")) !== password) fail("两次输入的密码不一致。The passwords do not match.");
  }
  if (!password) fail("请提供密码（--password、--password-stdin 或 KEWU_ADMIN_PASSWORD）。Give a password.");
  const problem = passwordProblem(password, username);
  if (problem) fail(PASSWORD_MESSAGES[problem]);

  const db = createPrismaClient(url);
  try {
    if (await db.user.findUnique({ where: { username }, select: { id: true } }))
      fail(`用户名 ${username} 已存在，未做任何修改。The username ${username} exists already; nothing was changed.`);
    const passwordHash = await hashPassword(password);
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { username, name, role: "ADMIN", passwordHash, mustChangePassword: false },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: {
          actorId: null,
          siteId: null,
          entity: "User",
          entityId: created.id,
          action: "CREATE",
          changes: {
            username: { before: null, after: username },
            name: { before: null, after: name },
            role: { before: null, after: "ADMIN" },
            source: { before: null, after: "npm run admin:create" },
          },
        },
      });
      return created;
    });
    console.log(`系统管理员 ${username}（${name}）已创建。Administrator ${username} created (id ${user.id}).`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
