import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isDraining } from "@/lib/health/ready";
import { shutdown } from "./shutdown";

let server: Server | undefined;
afterEach(() => server?.closeAllConnections());

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", path: "/" }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("graceful shutdown", () => {
  it("marks the instance draining, lets a slow request finish, refuses new connections, then stops jobs", async () => {
    const order: string[] = [];
    server = createServer((_req, res) => {
      order.push("request started");
      setTimeout(() => {
        order.push("request finished");
        res.end("done");
      }, 300);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    const slow = get(port);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = shutdown({
      servers: () => [server!],
      drainMs: 0,
      timeoutMs: 5_000,
      stopJobs: async () => void order.push("jobs stopped"),
      disconnect: async () => void order.push("db closed"),
      log: () => {},
    });
    expect(isDraining()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(get(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(await slow).toEqual({ status: 200, body: "done" });
    await stopping;
    expect(order).toEqual(["request started", "request finished", "jobs stopped", "db closed"]);
  });
});
