import type { Hono } from "hono";
import type { CloudEmulator, UserMessage } from "./types";

/** The control API of an emulator run as its own process (scripts/cloud-emulator.ts). */
export function mountControl(app: Hono, api: () => CloudEmulator): void {
  app.post("/_emulator/subscribe", async (c) => {
    const { url, verifyToken } = (await c.req.json()) as { url: string; verifyToken: string };
    return c.json({ ok: await api().subscribe(url, verifyToken) });
  });
  app.post("/_emulator/open-window", async (c) => {
    const { numbers } = (await c.req.json()) as { numbers: string[] };
    for (const n of numbers) api().openWindow(n);
    return c.json({ ok: true });
  });
  app.post("/_emulator/user-sends", async (c) => {
    const { from, message, name, id } = (await c.req.json()) as { from: string; message: UserMessage; name?: string; id?: string };
    return c.json(await api().userSends(from, message, { ...(name ? { name } : {}), ...(id ? { id } : {}) }));
  });
  app.get("/_emulator/inbox/:number", (c) => c.json(api().inbox(c.req.param("number"))));
  app.get("/_emulator/stats", (c) => c.json(api().stats));
  app.post("/_emulator/settle", async (c) => {
    await api().settle();
    return c.json({ ok: true });
  });
}
