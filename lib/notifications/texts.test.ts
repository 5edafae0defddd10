import { describe, expect, it } from "vitest";
import { localizedNotification, notificationTextFor } from "./texts";

describe("localizedNotification: a notification's text in every UI language", () => {
  it("renders zh-CN into title/body and English into texts.en, nested values in the same language", () => {
    const text = localizedNotification((t) => ({
      title: t("notifications.reminder.rectification.overdue", { number: "TS-2026-0007" }),
      body: t("notifications.reminder.body", {
        site: "翠湖花园",
        step: t("notifications.reminder.step.rectification"),
        due: "2026-11-27 17:00",
        round: 2,
      }),
    }));
    expect(text.title).toBe("已逾期：投诉 TS-2026-0007 整改未完成");
    expect(text.body).toBe("翠湖花园 · 整改期限 2026-11-27 17:00（第 2 轮）");
    expect(text.texts).toEqual({
      en: {
        title: "Overdue: complaint TS-2026-0007 not rectified",
        body: "翠湖花园 · Rectification due 2026-11-27 17:00 (round 2)",
      },
    });
  });

  it("gives the render function the locale it renders and keeps a null body null", () => {
    const seen: string[] = [];
    const text = localizedNotification((t, locale) => {
      seen.push(locale);
      return { title: t("meetings.notify.APPROVED", { name: "王芳", series: "周例会", date: "2026-11-30" }), body: null };
    });
    expect(seen).toEqual(["zh-CN", "en"]);
    expect(text.body).toBeNull();
    expect(text.texts).toEqual({ en: { title: "Leave approved: 王芳 (周例会 2026-11-30)", body: null } });
  });

  it("lists names with each language's separator", () => {
    const text = localizedNotification((t) => ({ title: ["A-101", "A-102"].join(t("notifications.listSeparator")), body: null }));
    expect(text.title).toBe("A-101、A-102");
    expect(text.texts).toEqual({ en: { title: "A-101, A-102", body: null } });
  });

  it("clips every language to the column sizes (title 200, body 1000)", () => {
    const text = localizedNotification(() => ({ title: "题".repeat(250), body: "文".repeat(1200) }));
    expect(text.title).toHaveLength(200);
    expect(text.body).toHaveLength(1000);
    const en = (text.texts as Record<string, { title: string; body: string }>).en;
    expect(en.title).toHaveLength(200);
    expect(en.body).toHaveLength(1000);
  });
});

describe("notificationTextFor: the text a reader sees", () => {
  const row = { title: "逾期：投诉 TS-1 未整改", body: "正文", texts: { en: { title: "Overdue: complaint TS-1", body: "Body" } } };

  it("shows the stored translation in English and the reference text in Chinese", () => {
    expect(notificationTextFor(row, "en")).toEqual({ title: "Overdue: complaint TS-1", body: "Body" });
    expect(notificationTextFor(row, "zh-CN")).toEqual({ title: "逾期：投诉 TS-1 未整改", body: "正文" });
  });

  it("falls back to the Chinese text for rows written before translations were stored, or malformed ones", () => {
    expect(notificationTextFor({ ...row, texts: null }, "en")).toEqual({ title: row.title, body: row.body });
    expect(notificationTextFor({ ...row, texts: {} }, "en")).toEqual({ title: row.title, body: row.body });
    expect(notificationTextFor({ ...row, texts: { en: { body: "x" } } }, "en")).toEqual({ title: row.title, body: row.body });
    expect(notificationTextFor({ ...row, texts: ["en"] }, "en")).toEqual({ title: row.title, body: row.body });
  });
});
