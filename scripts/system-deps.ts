/**
 * The system packages the tests need beyond npm: Debian's Chromium (the
 * report's PDF/PNG rendering is checked in a real browser) and
 * fonts-noto-core (Arabic glyphs in it). `npm test` runs this first (the
 * `pretest` script), so the README's two commands are all the set-up there is:
 *
 * - everything present: nothing to do, nothing printed;
 * - missing, as root on Debian: installs them with apt-get, saying so;
 * - missing otherwise: prints the exact command to run and fails, so no test
 *   is ever skipped for want of a browser.
 *
 * `CHROMIUM_PATH` (default /usr/bin/chromium) is where the browser must be,
 * as for the bot itself.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const PACKAGES = ["chromium", "fonts-noto-core"] as const;
type Package = (typeof PACKAGES)[number];

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

function installed(pkg: Package): boolean {
  if (pkg === "chromium") return fs.existsSync(chromiumPath);
  const q = spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8" });
  return q.status === 0 && q.stdout.includes("install ok installed");
}

const missing = (): Package[] => PACKAGES.filter((p) => !installed(p));

function fail(lines: string[]): never {
  process.stderr.write(lines.map((l) => `system-deps: ${l}`).join("\n") + "\n");
  process.exit(1);
}

function run(args: string[]): void {
  const r = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (r.status !== 0) fail([`apt-get ${args.join(" ")} failed (exit ${r.status ?? r.signal}).`]);
}

const needed = missing();
if (needed.length > 0) {
  const what = needed.join(" ");
  const command = `apt-get update && apt-get install -y --no-install-recommends ${what}`;
  if (!has("apt-get") || !has("dpkg-query")) {
    fail([
      `the tests need ${what} (a browser and Arabic fonts for the report), and this is not a Debian-like system.`,
      `Install the equivalent packages, set CHROMIUM_PATH to the browser, and run npm test again.`,
    ]);
  }
  if (process.getuid?.() !== 0) {
    fail([
      `the tests need the Debian packages ${what} (a browser and Arabic fonts for the report), and only root can install them.`,
      `Run:  sudo sh -c '${command}'`,
      `then run npm test again.`,
    ]);
  }
  process.stderr.write(`system-deps: installing ${what} with apt-get (needed by the report tests; once only)…\n`);
  run(["update", "-qq"]);
  run(["install", "-y", "-qq", "--no-install-recommends", ...needed]);
  const still = missing();
  if (still.length > 0) {
    fail([
      `${still.join(" ")} still missing after apt-get install${still.includes("chromium") ? ` (is CHROMIUM_PATH=${chromiumPath} right?)` : ""}.`,
    ]);
  }
  process.stderr.write(`system-deps: ${what} installed.\n`);
}
