// probe: CPU per sequential submission of named forms against the running server
import { readFileSync } from "node:fs";
import { childPids } from "../bench/server";
import { prepareForms } from "../bench/forms";
import { callAction } from "../faults/http";
const pid = Number(readFileSync("/tmp/server.pid", "utf8"));
const cpu = () => { let t = 0; for (const p of [pid, ...childPids(pid)]) { try { const f = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" "); t += Number(f[11]) + Number(f[12]); } catch {} } return t * 10; };
const runs = Number(process.argv[2]);
const names = process.argv.slice(3);
const p = await prepareForms("postgresql://postgres@127.0.0.1:5432/kewu_scale", "http://127.0.0.1:3351", runs + 10);
for (const form of p.forms.filter((f) => names.includes(f.name))) {
  const one = async () => { const r = await callAction(p.sessions[form.who], p.routes[form.action], form.next()!); if (!r.ok) throw new Error(JSON.stringify(r)); };
  for (let i = 0; i < 5; i++) await one();
  await new Promise((r) => setTimeout(r, 300));
  const c0 = cpu();
  for (let i = 0; i < runs; i++) await one();
  await new Promise((r) => setTimeout(r, 300));
  console.log(`${form.name}: ${((cpu() - c0) / runs).toFixed(1)} ms/submission`);
}
process.exit(0);
