/**
 * Complaints, reports and following up, through the engine, for two
 * associations: a complaint that starts with a photo keeps it for the
 * complaint collected next; reports of misconduct are confidential
 * complaints routed to the profile's role, never small talk; any request is
 * followed up by its reference as typed or in words, only one's own; no
 * satisfaction question after a handoff nobody answered.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, plain, type Harness } from "./helpers";
import { said } from "./form-helpers";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const photo = (name: string, caption?: string) =>
  ({ kind: "media", mediaType: "image", fileRef: `/data/attachments/${name}`, mimeType: "image/jpeg", fileName: name, size: 5000, ...(caption ? { caption } : {}) }) as const;
const tickets = () => h.opened.db.selectFrom("tickets").selectAll().orderBy("id").execute();
const staffText = () => h.sent.filter((s) => s.chatId === "staff").map((s) => plain(s.message.text)).join("\n---\n");

describe.each(["maa", "banan"])("complaints (%s)", (org) => {
  it("a photo sent first is kept for the complaint that follows, not filed alone", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    const asked = await said(h, photo("leak.jpg"));
    expect(asked).toContain("استلمنا الملف");
    expect(await tickets()).toEqual([]);
    expect(await said(h, "شكوى")).toContain("اكتب الآن نص الشكوى");
    await h.say(photo("leak-2.jpg"));
    expect(await tickets()).toEqual([]);
    const filed = await said(h, "الخزان يسرب من أسبوع ولم يحضر أحد للإصلاح");
    const ref = /C\d{2}-\d{5}/.exec(filed)![0];
    const [ticket] = await tickets();
    expect(ticket).toMatchObject({ reference: ref, kind: "complaint", body: "الخزان يسرب من أسبوع ولم يحضر أحد للإصلاح", confidential: 0 });
    expect((JSON.parse(ticket!.attachment!) as Array<{ fileRef: string }>).map((a) => a.fileRef)).toEqual(["/data/attachments/leak.jpg", "/data/attachments/leak-2.jpg"]);
    expect(staffText()).toContain("الخزان يسرب من أسبوع");
  });

  it("a photo with its caption in the complaint's step completes it", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await h.say("4");
    await h.say("1");
    const filed = await said(h, photo("bill.jpg", "الفاتورة وصلتني مرتين لنفس الشهر"));
    expect(filed).toMatch(/C\d{2}-\d{5}/);
    const [ticket] = await tickets();
    expect(ticket).toMatchObject({ body: "الفاتورة وصلتني مرتين لنفس الشهر" });
    expect(JSON.parse(ticket!.attachment!)).toMatchObject({ fileRef: "/data/attachments/bill.jpg" });
  });

  it("a report of misconduct is a confidential complaint routed to the profile's role, its text kept out of the group alert", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    const role = h.profile.staffRoles.find((r) => r.id === h.profile.misconductRole)!.title.ar;
    const filed = await said(h, "الموظف طلب مني فلوس عشان يقبل طلبي بسرعة");
    expect(filed).toContain("بسرية");
    expect(filed).toContain(role);
    const [ticket] = await tickets();
    expect(ticket).toMatchObject({ kind: "complaint", confidential: 1, role: h.profile.misconductRole, body: "الموظف طلب مني فلوس عشان يقبل طلبي بسرعة" });
    const alerts = staffText();
    expect(alerts).toContain("بلاغ سري");
    expect(alerts).toContain(ticket!.reference);
    expect(alerts).not.toContain("طلب مني فلوس");
  });

  it("a short report asks for the details first, and is never answered with small talk", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    const asked = await said(h, "رشوة");
    expect(asked).toContain("بجدية وسرية");
    expect(asked).toContain("متى وأين ومن");
    expect(await tickets()).toEqual([]);
    await h.say(photo("receipt.jpg"));
    const filed = await said(h, "يوم الأحد في المكتب، موظف الاستقبال");
    expect(filed).toContain("بسرية");
    const [ticket] = await tickets();
    expect(ticket).toMatchObject({ confidential: 1, role: h.profile.misconductRole });
    expect(JSON.parse(ticket!.attachment!)).toMatchObject({ fileRef: "/data/attachments/receipt.jpg" });
  });
});

describe.each(["maa", "banan"])("following up (%s)", (org) => {
  it("by reference as typed or in words, seeing only one's own", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await h.say("4");
    await h.say("1");
    const mine = /C\d{2}-\d{5}/.exec(await said(h, "تأخر الموظف عن الموعد ثلاث مرات"))![0];
    await h.say("السلام عليكم", "neighbour");
    await h.say("4", "neighbour");
    await h.say("1", "neighbour");
    const theirs = /C\d{2}-\d{5}/.exec(plain((await h.say("الموظف لم يرد على اتصالاتي", "neighbour")).map((m) => m.text).join("\n")))![0];

    const digits = (s: string) => s.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);
    for (const typed of [mine, mine.replace("-", ""), mine.toLowerCase().replace("-", " "), digits(mine), `وين وصلت شكوى ${mine}؟`]) {
      const seen = await said(h, typed);
      expect(seen).toContain(mine);
      expect(seen).toContain("شكوى");
    }
    const words = await said(h, "وين شكواي؟");
    expect(words).toContain(mine);
    expect(words).not.toContain(theirs);
    expect(await said(h, theirs)).toContain("لم نجد");
    expect(await said(h, "where is my complaint")).toContain(mine);
    expect(await said(h, "وش صار على تظلمي")).toContain("لا توجد تظلمات");
  });

  it("no satisfaction question after a handoff no staff member answered", async () => {
    h = await createHarness({ org });
    await h.say("السلام عليكم");
    await h.say("موظف");
    await h.say("متى تردون؟");
    const ended = await said(h, "إنهاء");
    expect(ended).toContain("تم إنهاء المحادثة");
    expect(ended).not.toContain("ما مدى رضاك");
    expect(await h.opened.db.selectFrom("surveys").selectAll().execute()).toEqual([]);
  });
});
