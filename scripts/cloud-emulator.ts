/**
 * `npm run cloud:emulator`: Meta's side of the WhatsApp Cloud API on
 * 127.0.0.1, for demos and the benchmark (scripts/cloud/emulator.ts). It
 * takes the same WHATSAPP_CLOUD_* variables as the bot (access token, app
 * secret, phone number id) and approves the templates of the profile in ORG.
 * It prints one JSON line, `{"graphUrl": "http://127.0.0.1:PORT"}`: start the
 * bot with WHATSAPP_CLOUD_GRAPH_URL set to it, then subscribe the bot's
 * webhook and write as a person through the control API:
 *
 *   curl -X POST $URL/_emulator/subscribe -d '{"url":"http://127.0.0.1:8080/webhooks/whatsapp","verifyToken":"…"}'
 *   curl -X POST $URL/_emulator/user-sends -d '{"from":"966500000001","message":{"type":"text","text":"السلام عليكم"}}'
 *   curl $URL/_emulator/inbox/966500000001
 *
 *   npm run cloud:emulator -- [--port N] [--rate N]
 */
import { parseArgs } from "node:util";
import { loadProfile } from "../orgs/load";
import { startCloudEmulator } from "./cloud/emulator";
import { approvedTemplates } from "./cloud/templates";

function fail(reason: string): never {
  process.stderr.write(`cloud-emulator: ${reason}\n`);
  process.exit(1);
}

const { values } = parseArgs({ options: { port: { type: "string" }, rate: { type: "string" } }, strict: true });
const need = (name: string): string => process.env[name] || fail(`${name} is required (the same value as the bot's)`);
const port = values.port === undefined ? 0 : Number(values.port);
const rate = values.rate === undefined ? 80 : Number(values.rate);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: expected a port, got "${values.port}"`);
if (!Number.isInteger(rate) || rate < 1) fail(`--rate: expected messages a second, got "${values.rate}"`);

const emulator = await startCloudEmulator({
  appSecret: need("WHATSAPP_CLOUD_APP_SECRET"),
  accessToken: need("WHATSAPP_CLOUD_ACCESS_TOKEN"),
  phoneNumberId: need("WHATSAPP_CLOUD_PHONE_NUMBER_ID"),
  templates: approvedTemplates(loadProfile(process.env["ORG"] || "maa")),
  ratePerSecond: rate,
  port,
  control: true,
});
process.stdout.write(`${JSON.stringify({ graphUrl: emulator.graphUrl })}\n`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
