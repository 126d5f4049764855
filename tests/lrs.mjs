// A real LRS for the cmi5 tests: Ralph (PyPI ralph-malph) with its filesystem backend, installed
// once into a venv under .tools/ and started on 127.0.0.1. Stop and start it again to play an LRS
// going down and coming back (its statements stay on disk).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { spawn, execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { ROOT } from "./e2e/harness.mjs";

const VENV = path.join(ROOT, ".tools/ralph");
const RALPH = path.join(VENV, "bin/ralph");
const VERSION = "5.1.0";
export const USER = "lms";
export const PASSWORD = "lms-secret";

export function ensureRalph() {
  const ok = () => {
    try {
      return execFileSync(RALPH, ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString().includes(VERSION);
    } catch {
      return false;
    }
  };
  if (ok()) return;
  console.log(`installing ralph-malph ${VERSION} into .tools/ralph (about a minute, once)`);
  fs.rmSync(VENV, { recursive: true, force: true });
  execFileSync("python3", ["-m", "venv", VENV], { stdio: "inherit" });
  // Its auth module imports requests, which no extra of 5.1.0 declares.
  execFileSync(path.join(VENV, "bin/pip"), ["install", "-q", `ralph-malph[cli,lrs]==${VERSION}`, "requests"], { stdio: "inherit" });
  if (!ok()) throw new Error("ralph did not install");
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitUp(url) {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url + "__heartbeat__");
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error("ralph did not start");
}

export async function startRalph() {
  ensureRalph();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reperes-ralph-"));
  const auth = path.join(dir, "auth.json");
  const env = { ...process.env, RALPH_AUTH_FILE: auth, RALPH_RUNSERVER_BACKEND: "fs", RALPH_APP_DIR: path.join(dir, "app") };
  // Not blocking: another spec file may be running beside this one, its pages served by this
  // process.
  await promisify(execFile)(RALPH, ["auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-A", USER, "http://lms.example", "-w"], { env });
  fs.mkdirSync(path.join(dir, "data"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let proc = null;
  const lrs = {
    url,
    async start() {
      // Ralph's own app under uvicorn, as `ralph runserver -b fs` starts it, with one change:
      // 5.1.0's filesystem LRS backend writes every statement with its default operation
      // (CREATE) to one file, so the second statement ever sent fails ("Statement indexation
      // failed", HTTP 500). APPEND is what a file of statements needs.
      const launcher = [
        "import sys, uvicorn",
        "from ralph.backends.lrs.fs import FSLRSBackend",
        "from ralph.backends.data.base import BaseOperationType",
        "FSLRSBackend.default_operation_type = BaseOperationType.APPEND",
        "uvicorn.run('ralph.api:app', host='127.0.0.1', port=int(sys.argv[1]), log_level='warning')",
      ].join("\n");
      proc = spawn(path.join(VENV, "bin/python"), ["-c", launcher, String(port)], {
        env: { ...env, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: path.join(dir, "data") },
        cwd: dir,
        stdio: "ignore",
        detached: true, // its own process group, stopped whole
      });
      await waitUp(url);
    },
    async stop() {
      if (!proc) return;
      const p = proc;
      proc = null;
      await new Promise((r) => {
        p.once("exit", r);
        process.kill(-p.pid, "SIGTERM");
      });
      // The port may take a moment to close.
      for (let i = 0; i < 50; i++) {
        try {
          await fetch(url + "__heartbeat__");
          await new Promise((r) => setTimeout(r, 100));
        } catch {
          return;
        }
      }
    },
    /** Every statement of a registration, oldest first. */
    async statements(registration) {
      const r = await fetch(`${url}xAPI/statements?registration=${registration}&ascending=true&limit=500`, {
        headers: { Authorization: "Basic " + Buffer.from(`${USER}:${PASSWORD}`).toString("base64"), "X-Experience-API-Version": "1.0.3" },
      });
      if (!r.ok) throw new Error(`ralph ${r.status}`);
      // The filesystem backend ignores `ascending`: order them here, as stored.
      return (await r.json()).statements.sort((a, b) => a.stored.localeCompare(b.stored) || a.timestamp.localeCompare(b.timestamp));
    },
    async close() {
      await lrs.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await lrs.start();
  return lrs;
}
