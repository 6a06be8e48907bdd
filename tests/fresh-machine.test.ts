/**
 * The README's commands on a fresh machine. A clean copy of the repository
 * (what `git clone` gives) runs `npm test`'s first step, the system-package
 * check, with the packages absent or present (fake `apt-get` and
 * `dpkg-query` on PATH stand for Debian's, and record what they were asked):
 * present, nothing happens; absent as root, they are installed; absent as
 * another user, the exact command is printed and `npm test` fails before
 * running a single test. `.ci/run` runs exactly the README's commands.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** The repository's files as a fresh clone has them (committed and new, not ignored), with node_modules linked. */
function cleanCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-fresh-"));
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  expect(listed.status).toBe(0);
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    const from = path.join(root, file);
    if (!fs.existsSync(from) || file.startsWith("node_modules")) continue;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

/** Fake Debian tools: `dpkg-query` answers from a marker file, `apt-get` logs its arguments and "installs". */
function fakeDebian(dir: string, present: boolean) {
  const bin = path.join(dir, "fake-bin");
  fs.mkdirSync(bin);
  const chromium = path.join(dir, "fake-chromium");
  const fonts = path.join(dir, "fonts-installed");
  const log = path.join(dir, "apt.log");
  fs.writeFileSync(
    path.join(bin, "dpkg-query"),
    `#!/bin/sh\nif [ -e "${fonts}" ]; then printf 'install ok installed'; exit 0; fi\necho "dpkg-query: no packages found matching $4" >&2\nexit 1\n`,
    { mode: 0o755 },
  );
  fs.writeFileSync(
    path.join(bin, "apt-get"),
    `#!/bin/sh\necho "$@" >> "${log}"\ncase "$1" in install) printf '#!/bin/sh\\n' > "${chromium}"; chmod 755 "${chromium}"; touch "${fonts}";; esac\nexit 0\n`,
    { mode: 0o755 },
  );
  if (present) {
    fs.writeFileSync(chromium, "#!/bin/sh\n", { mode: 0o755 });
    fs.writeFileSync(fonts, "");
  }
  const calls = (): string[] => (fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : []);
  return { bin, chromium, calls };
}

/** Runs an npm command in `dir` as root or as the unprivileged user `nobody`. */
function npm(dir: string, args: string[], fake: ReturnType<typeof fakeDebian>, as: "root" | "nobody") {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "sila-home-"));
  fs.chmodSync(home, 0o777);
  const env = {
    PATH: `${fake.bin}:${process.env.PATH}`,
    HOME: home,
    npm_config_cache: path.join(home, ".npm"),
    CHROMIUM_PATH: fake.chromium,
  };
  const command = as === "nobody" && isRoot ? ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "npm", ...args] : ["npm", ...args];
  return spawnSync(command[0]!, command.slice(1), { cwd: dir, env, encoding: "utf8", timeout: 120_000 });
}

describe("a fresh machine", () => {
  let copy: string;
  beforeAll(() => {
    copy = cleanCopy();
    // The copy must be readable by an unprivileged user, as a clone in their home would be.
    spawnSync("chmod", ["-R", "a+rX", copy]);
  });

  it("the README gives `npm ci && npm start` and `npm ci && npm test`, and .ci/run runs exactly those", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const block = (heading: string): string => {
      const at = readme.indexOf(`## ${heading}`);
      expect(at, heading).toBeGreaterThanOrEqual(0);
      return /```sh\n([^`]+)```/.exec(readme.slice(at))![1]!.trim();
    };
    expect(block("Run it")).toBe("npm ci && npm start");
    expect(block("Test it")).toBe("npm ci && npm test");
    const ci = fs
      .readFileSync(path.join(root, ".ci/run"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#") && !/^set |^cd /.test(l));
    expect(ci).toEqual(["npm ci", "npm test"]);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    // npm runs "pretest" before "test": the system check is part of the README's test command.
    expect(pkg.scripts.pretest).toContain("scripts/system-deps.ts");
  });

  it("with the system packages present, the check does nothing", () => {
    const fake = fakeDebian(fs.mkdtempSync(path.join(os.tmpdir(), "sila-deb-")), true);
    const r = npm(copy, ["run", "--silent", "pretest"], fake, "root");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(fake.calls()).toEqual([]);
  });

  it.skipIf(!isRoot)("with them absent, as root, installs chromium and fonts-noto-core with apt-get", () => {
    const fake = fakeDebian(fs.mkdtempSync(path.join(os.tmpdir(), "sila-deb-")), false);
    const r = npm(copy, ["run", "--silent", "pretest"], fake, "root");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("installing chromium fonts-noto-core");
    expect(fake.calls()).toEqual(["update -qq", "install -y -qq --no-install-recommends chromium fonts-noto-core"]);
    expect(fs.existsSync(fake.chromium)).toBe(true);
  });

  it("with them absent, as another user, `npm test` explains the exact command and fails before any test", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sila-deb-"));
    fs.chmodSync(dir, 0o777);
    const fake = fakeDebian(dir, false);
    const r = npm(copy, ["test"], fake, "nobody");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("sudo sh -c 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-core'");
    expect(r.stdout + r.stderr).not.toContain("vitest");
    expect(fake.calls()).toEqual([]);
  });
});
