// probe: CPU ms per sequential view of paths against the running server (/tmp/server.pid)
import { readFileSync } from "node:fs";
import { childPids } from "../bench/server";
const pid = Number(readFileSync("/tmp/server.pid", "utf8"));
const cpu = () => { let t = 0; for (const p of [pid, ...childPids(pid)]) { try { const f = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" "); t += Number(f[11]) + Number(f[12]); } catch {} } return t * 10; };
const [user, runs, ...paths] = process.argv.slice(2);
const cookie = readFileSync(`/tmp/cookie-${user}`, "utf8");
for (const path of paths) {
  const get = async () => { const r = await fetch(`http://127.0.0.1:3351${path}`, { headers: { cookie } }); const b = await r.arrayBuffer(); if (r.status !== 200) throw new Error(path + " " + r.status); return b.byteLength; };
  for (let i = 0; i < 3; i++) await get();
  await new Promise((r) => setTimeout(r, 300));
  const c0 = cpu(); let bytes = 0;
  for (let i = 0; i < Number(runs); i++) bytes = await get();
  await new Promise((r) => setTimeout(r, 300));
  console.log(`${path}: ${((cpu() - c0) / Number(runs)).toFixed(1)} ms/view, ${(bytes / 1024).toFixed(1)} KB`);
}
