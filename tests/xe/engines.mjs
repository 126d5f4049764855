// One small page API over three engines, so that each cross-engine flow is written once:
// - Chromium and Firefox through puppeteer-core (DevTools protocol for Chromium, WebDriver BiDi
//   for Firefox), with Debian's browsers;
// - WebKit through the `webdriver` package (WebDriver classic) talking to Debian's WebKitWebDriver,
//   which drives WebKitGTK's MiniBrowser. Nothing here downloads a browser or a driver.
//
// A context is a fresh profile: a browser context in puppeteer, a new WebDriver session (a new
// MiniBrowser with its own ephemeral storage) in WebKit. A page's methods act on the top document,
// or on an iframe's document through page.frame(selector).
import fs from "node:fs";
import net from "node:net";
import { spawn } from "node:child_process";
import puppeteer from "puppeteer-core";

// The webdriver package's own logs and notices (it names W3C commands by WebdriverIO's API) would
// drown the test lines; its errors still reach the tests as exceptions.
process.env.WDIO_LOG_LEVEL ??= "silent";
process.env.DISABLE_WEBDRIVERIO_DEPRECATION_WARNINGS ??= "1";
const { default: WebDriver } = await import("webdriver");

export const ENGINES = ["chromium", "firefox", "webkit"];

const BIN = {
  chromium: process.env.CHROMIUM || "/usr/bin/chromium",
  firefox: process.env.FIREFOX || "/usr/bin/firefox-esr",
  webkitDriver: process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver",
  miniBrowser: process.env.MINIBROWSER || miniBrowser(),
};

/** WebKitGTK's MiniBrowser, in the library folder of whatever architecture this is. */
function miniBrowser() {
  const dirs = fs.readdirSync("/usr/lib", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `/usr/lib/${d.name}`);
  const found = dirs.map((d) => `${d}/webkit2gtk-4.1/MiniBrowser`).find((p) => fs.existsSync(p));
  return found || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
}
export const binaries = (engine) =>
  engine === "webkit" ? [BIN.webkitDriver, BIN.miniBrowser] : [BIN[engine]];

/** Firefox's line for a request cut short by a navigation while a service worker answered it. */
const ABANDONED = /A ServiceWorker intercepted the request and encountered an unexpected error/;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const DEFAULT_WAIT = 15000;

/** Finds the first element matching `sel` whose text includes `text` (any when no text). */
const FIND = (sel, text) => [...document.querySelectorAll(sel)].find((e) => !text || e.textContent.includes(text)) || null;

/** Collects page errors in the document itself: WebDriver classic has no console or error
 * events, so WebKit pages get this after each load (errors before it show as the app's
 * "load failed" mark, which errors() reads too). */
const GUARD = () => {
  if (window.__xeErrors) return;
  window.__xeErrors = [];
  addEventListener("error", (e) => window.__xeErrors.push(`page error: ${e.message}`));
  addEventListener("unhandledrejection", (e) => window.__xeErrors.push(`unhandled rejection: ${e.reason && e.reason.message ? e.reason.message : e.reason}`));
  const original = console.error;
  console.error = function (...a) {
    window.__xeErrors.push(`console error: ${a.map(String).join(" ")}`);
    return original.apply(this, a);
  };
};
const HARVEST = () => {
  const out = window.__xeErrors ? window.__xeErrors.splice(0) : [];
  const failed = document.getElementById("load-failed");
  if (failed && !failed.hidden) out.push("the app's load-failed mark is shown");
  return out;
};

export async function launch(engine) {
  if (engine === "webkit") return launchWebKit();
  const browser = await puppeteer.launch(
    engine === "firefox"
      ? { browser: "firefox", executablePath: BIN.firefox, headless: true }
      : {
          browser: "chrome",
          executablePath: BIN.chromium,
          headless: true,
          args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
  );
  return {
    engine,
    async context({ viewport = { width: 1280, height: 800 } } = {}) {
      const ctx = await browser.createBrowserContext();
      const page = await ctx.newPage();
      await page.setViewport(viewport);
      const problems = [];
      // Errors in a cross-site frame (a separate process in Chromium) do not all reach "pageerror":
      // every document also collects its own, read from the frames at the end.
      await page.evaluateOnNewDocument(GUARD);
      // Firefox logs "A ServiceWorker intercepted the request and encountered an unexpected
      // error" when the copy of a worker's answer into the page fails, which is what happens to
      // every request the page still had in flight when it navigates away (BodyComplete with a
      // failed status, dom/serviceworkers: the channel was cancelled). The worker answered from its
      // cache; nobody was left to read it. Such a line within 3 s of a navigation of the top
      // document is that, not a failure: a file the new page needs and cannot get still fails the
      // flow (the app does not go live, or says so in a notice).
      const nav = { at: -Infinity };
      page.on("framenavigated", (f) => f === page.mainFrame() && (nav.at = Date.now()));
      page.on("pageerror", (e) => {
        const message = String(e.message || e);
        if (engine === "firefox" && ABANDONED.test(message) && Date.now() - nav.at < 3000) return;
        problems.push(`page error: ${message}`);
      });
      // An Error passed to console.error reads "JSHandle@error" in m.text() (Firefox, BiDi):
      // its message and stack are read from the handle, before the errors are reported.
      const reading = [];
      page.on("console", (m) => {
        if (m.type() !== "error") return;
        reading.push(
          Promise.all(m.args().map((a) => a.evaluate((x) => (x instanceof Error ? `${x.name}: ${x.message} ${x.stack || ""}` : "")).catch(() => "")))
            .then((parts) => parts.filter(Boolean).join(" "))
            .catch(() => "")
            .then((details) => problems.push(`console error: ${m.text()}${details ? ` (${details})` : ""}`)),
        );
      });
      page.on("request", (r) => {
        const u = new URL(r.url());
        if (/^https?:$/.test(u.protocol) && !["127.0.0.1", "localhost"].includes(u.hostname)) problems.push(`request to another host: ${r.url()}`);
      });
      return {
        page: new PuppeteerPage(page, null, nav),
        errors: async () => {
          await Promise.all(reading.splice(0));
          for (const f of page.frames().filter((f) => f !== page.mainFrame() && !f.detached)) {
            problems.push(...(await f.evaluate(HARVEST).catch(() => [])));
          }
          return problems.splice(0);
        },
        close: () => ctx.close().catch(() => {}),
      };
    },
    close: () => browser.close().catch(() => {}),
  };
}

class PuppeteerPage {
  constructor(page, frameSelector, nav = { at: -Infinity }) {
    this.p = page;
    this.sel = frameSelector;
    this.nav = nav; // when the top document last navigated (see ABANDONED)
  }
  async target() {
    if (!this.sel) return this.p.mainFrame();
    const handle = await this.p.waitForSelector(this.sel, { timeout: DEFAULT_WAIT });
    for (let i = 0; i < 100; i++) {
      const f = await handle.contentFrame();
      if (f) return f;
      await sleep(100);
    }
    throw new Error(`no document in ${this.sel}`);
  }
  frame(selector) {
    return new PuppeteerPage(this.p, selector, this.nav);
  }
  async goto(url) {
    if (!this.sel) this.nav.at = Date.now();
    await (await this.target()).goto(url, { waitUntil: "load" });
  }
  async reload() {
    if (this.sel) return this.eval(() => location.reload());
    this.nav.at = Date.now();
    await this.p.reload({ waitUntil: "load" });
  }
  async url() {
    return (await this.target()).url();
  }
  async waitFor(selector, { timeout = DEFAULT_WAIT, gone = false } = {}) {
    const t = await this.target();
    await t.waitForSelector(selector, gone ? { timeout, hidden: true } : { timeout });
  }
  async find(selector, text) {
    const t = await this.target();
    const h = await t.waitForFunction(FIND, { timeout: DEFAULT_WAIT, polling: 100 }, selector, text || "");
    return h.asElement();
  }
  async click(selector, text) {
    await (await this.find(selector, text)).click();
  }
  async type(selector, text) {
    const el = await this.find(selector);
    await el.focus();
    await this.p.keyboard.type(text);
  }
  async press(key) {
    await this.p.keyboard.press(key);
  }
  async text(selector) {
    return (await this.find(selector)).evaluate((e) => e.textContent);
  }
  async eval(fn, ...args) {
    return (await this.target()).evaluate(fn, ...args);
  }
  async until(fn, arg, { timeout = DEFAULT_WAIT } = {}) {
    const h = await (await this.target()).waitForFunction(fn, { timeout, polling: 100 }, arg);
    return h.jsonValue();
  }
  async upload(selector, file) {
    await (await this.find(selector)).uploadFile(file);
  }
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function launchWebKit() {
  if (!process.env.DISPLAY) throw new Error("WebKit needs a display: run under xvfb-run -a");
  const port = await freePort();
  const driver = spawn(BIN.webkitDriver, [`--port=${port}`, "--host=127.0.0.1"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  driver.stderr.on("data", (d) => (stderr += d));
  // The driver is up when its port answers.
  for (let i = 0; ; i++) {
    const up = await new Promise((r) => {
      const c = net.connect(port, "127.0.0.1", () => (c.end(), r(true)));
      c.on("error", () => r(false));
    });
    if (up) break;
    if (i > 100 || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${stderr}`);
    await sleep(100);
  }
  return {
    engine: "webkit",
    async context({ viewport = { width: 1280, height: 800 } } = {}) {
      const client = await WebDriver.newSession({
        hostname: "127.0.0.1",
        port,
        logLevel: "silent",
        connectionRetryCount: 0,
        capabilities: {
          "webkitgtk:browserOptions": { binary: BIN.miniBrowser, args: ["--automation", `--geometry=${viewport.width}x${viewport.height}`] },
        },
      });
      await client.setTimeouts(undefined, 30000, 30000);
      // MiniBrowser does not take --geometry under automation: size its window the WebDriver way.
      await client.setWindowRect(null, null, viewport.width, viewport.height).catch(() => {});
      const page = new WebDriverPage(client, null);
      return {
        page,
        errors: async () => {
          const out = [...(await page.harvest())];
          for (const f of page.frames) out.push(...(await f.harvest()));
          return [...page.harvested.splice(0), ...out];
        },
        close: () => client.deleteSession().catch(() => {}),
      };
    },
    async close() {
      driver.kill();
      await new Promise((r) => (driver.exitCode !== null ? r() : driver.on("exit", r)));
    },
  };
}

const KEYS = {
  Enter: "\uE007", Escape: "\uE00C", Tab: "\uE004", Backspace: "\uE003", " ": " ",
  ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015",
  PageUp: "\uE00E", PageDown: "\uE00F", Home: "\uE011", End: "\uE010",
};
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
// Runs a function given as source in the page; WebDriver awaits a returned promise.
const script = (fn) => `return (${fn}).apply(null, arguments)`;

class WebDriverPage {
  constructor(client, frameSelector, parent = null) {
    this.c = client;
    this.sel = frameSelector;
    this.harvested = parent ? parent.harvested : [];
    this.frames = [];
  }
  frame(selector) {
    const f = new WebDriverPage(this.c, selector, this);
    this.frames.push(f);
    return f;
  }
  /** Runs `fn` with the WebDriver session switched into this page's frame, if it has one. */
  async inside(fn) {
    if (!this.sel) return fn();
    const frame = await this.poll(() => this.c.executeScript(script(FIND), [this.sel, ""]), `frame ${this.sel}`);
    await this.c.switchToFrame(frame);
    try {
      await this.c.executeScript(script(GUARD), []); // the frame's document may be new
      return await fn();
    } finally {
      await this.c.switchToParentFrame();
    }
  }
  async poll(get, what, timeout = DEFAULT_WAIT) {
    const end = Date.now() + timeout;
    for (;;) {
      let v, err;
      try {
        v = await get();
      } catch (e) {
        err = e;
      }
      if (v) return v;
      if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what}${err ? `: ${err.message}` : ""}`);
      await sleep(100);
    }
  }
  async harvest() {
    try {
      return await this.inside(() => this.c.executeScript(script(HARVEST), []));
    } catch {
      return [];
    }
  }
  async guard() {
    await this.inside(() => this.c.executeScript(script(GUARD), []));
  }
  async goto(url) {
    this.harvested.push(...(await this.harvest()));
    if (this.sel) await this.inside(() => this.c.executeScript("location.href = arguments[0]", [url]));
    else await this.c.navigateTo(url);
    await this.guard().catch(() => {});
  }
  async reload() {
    this.harvested.push(...(await this.harvest()));
    if (this.sel) await this.inside(() => this.c.executeScript("location.reload()", []));
    else await this.c.refresh();
    await this.guard().catch(() => {});
  }
  async url() {
    return this.inside(() => this.c.executeScript("return location.href", []));
  }
  async waitFor(selector, { timeout = DEFAULT_WAIT, gone = false } = {}) {
    await this.poll(
      () => this.inside(() => this.c.executeScript(script((s, g) => !document.querySelector(s) === g), [selector, gone])),
      `${selector}${gone ? " to go" : ""}`,
      timeout,
    );
    // A new document (a load done by the page itself) gets its guard too.
    await this.guard().catch(() => {});
  }
  async withElement(selector, text, fn) {
    return this.inside(async () => {
      const el = await this.poll(() => this.c.executeScript(script(FIND), [selector, text || ""]), `${selector} ${text || ""}`);
      try {
        return await fn(el[ELEMENT]);
      } catch (e) {
        const seen = await this.c.executeScript(script((e) => { const r = e.getBoundingClientRect(); const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return JSON.stringify([e.outerHTML.slice(0, 120), r, innerWidth, innerHeight, top && top.outerHTML.slice(0, 160)]); }), [el]).catch(() => "");
        throw new Error(`${selector}${text ? ` "${text}"` : ""}: ${e.message} ${seen}`);
      }
    });
  }
  async click(selector, text) {
    await this.withElement(selector, text, async (id) => {
      // WebKitWebDriver answers "element not interactable" for an element below the fold
      // instead of scrolling it into view as WebDriver says: scroll first (at once: the page
      // scrolls smoothly otherwise).
      await this.c.executeScript("arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' })", [{ [ELEMENT]: id }]);
      await this.c.elementClick(id);
    });
  }
  async type(selector, text) {
    await this.withElement(selector, null, async (id) => {
      await this.c.executeScript("arguments[0].focus()", [{ [ELEMENT]: id }]);
      await this.keys([...text]);
    });
  }
  async keys(values) {
    const actions = values.flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }]);
    await this.c.performActions([{ type: "key", id: "keyboard", actions }]);
    await this.c.releaseActions();
  }
  async press(key) {
    if (!KEYS[key]) throw new Error(`no WebDriver code for key ${key}`);
    await this.keys([KEYS[key]]);
  }
  async text(selector) {
    return this.withElement(selector, null, (id) => this.c.executeScript("return arguments[0].textContent", [{ [ELEMENT]: id }]));
  }
  async eval(fn, ...args) {
    return this.inside(() => this.c.executeScript(script(fn), args));
  }
  async until(fn, arg, { timeout = DEFAULT_WAIT } = {}) {
    return this.poll(() => this.eval(fn, arg), `${fn}`, timeout);
  }
  async upload(selector, file) {
    await this.withElement(selector, null, (id) => this.c.elementSendKeys(id, file));
  }
}

/** The page step under way (method and first argument), for a flow that times out: the runner
 * says where it hung. */
export const lastStep = { text: "", depth: 0 };
for (const cls of [PuppeteerPage, WebDriverPage]) {
  for (const name of ["goto", "reload", "waitFor", "click", "type", "press", "text", "eval", "until", "upload"]) {
    const fn = cls.prototype[name];
    if (!fn) continue;
    cls.prototype[name] = async function (...a) {
      // Only the outermost call is named (until() calls eval(), click() calls find()).
      if (lastStep.depth++ === 0) lastStep.text = `${name}(${String(a[0]).replace(/\s+/g, " ").slice(0, 100)})`;
      try {
        return await fn.apply(this, a);
      } finally {
        lastStep.depth = Math.max(0, lastStep.depth - 1);
      }
    };
  }
}
