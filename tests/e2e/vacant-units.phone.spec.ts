/**
 * At 390 px (§8, R-VAC-1..3): the clerk enters the monthly 《空置单元清洁记录表》 of a vacant unit for its
 * dedicated cleaner — the four checks, one failed with a note and a camera photo — and a supervisor
 * (another person: four eyes) verifies it; the month view then shows the unit cleaned and checked.
 *
 * The seed leaves about half of this month's vacant units without a record, and no other spec touches
 * vacant-unit records: the first unit still to be recorded is this test's.
 */
import { deflateSync, crc32 } from "node:zlib";
import { expect, test } from "./fixtures";
import { PHONE, formReady, signIn, signedIn } from "./support";

/** A real 16×16 PNG (the photo input decodes and shrinks pictures in the browser before upload). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const size = 16;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) rows.set([x * 16, y * 16, 128], y * (1 + size * 3) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const shanghaiDate = (offsetDays = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offsetDays * 86_400_000));

test("the clerk records a vacant unit's monthly cleaning on a phone; a supervisor verifies it", async ({ page, browser }) => {
  await signIn(page, "CLERK");
  await page.goto("/vacant-units");
  await expect(page.getByRole("heading", { name: "空置单元保洁", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "填写记录" }) })
    .first();
  await expect(row, "the seed leaves units of this month without a record").toBeVisible();
  await expect(row).toContainText("未清洁");
  const recordLink = row.getByRole("link", { name: "填写记录" });
  const unitCode = ((await row.locator('[data-testid^="unit-"]').getAttribute("data-testid")) ?? "").replace("unit-", "");
  await recordLink.click();
  await expect(page).toHaveURL(/\/vacant-units\/record\?unit=/);
  await formReady(page, "提交记录");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("空置单元清洁记录表");
  // The unit's dedicated cleaner is preselected (R-VAC-1).
  await expect(page.getByLabel("保洁员")).not.toHaveValue("");

  // R-VAC-2: doors and windows found open — a failure needs a note, shown under the field.
  const doors = page.getByTestId("check-DOORS_WINDOWS");
  await doors.getByText("不合格", { exact: true }).click();
  await page.getByRole("button", { name: "提交记录" }).click();
  await expect(doors.getByText("不合格项请填写情况说明")).toBeVisible();
  const note = `东侧窗户未关严，已关好 ${Date.now().toString(36)}`;
  await doors.getByLabel("情况说明").fill(note);
  await doors.locator('input[type="file"]').setInputFiles({ name: "window.png", mimeType: "image/png", buffer: png() });
  await expect(doors.locator('li[data-status="done"]')).toHaveCount(1);

  // A cleaning date in the future is refused by the server next to the date.
  await page.getByLabel("清洁日期").fill(shanghaiDate(1));
  await page.getByRole("button", { name: "提交记录" }).click();
  await expect(page.locator("#f-cleanedOn-error")).toHaveText("清洁日期不能晚于今天");
  await page.getByLabel("清洁日期").fill(shanghaiDate());
  await page.getByRole("button", { name: "提交记录" }).click();

  await expect(page).toHaveURL(/\/vacant-units\/records\/[^/]+$/);
  const recordUrl = page.url();
  await expect(page.getByTestId("record-state")).toContainText("待主管检查");
  await expect(page.getByTestId("result-DOORS_WINDOWS")).toContainText(note);
  await expect(page.getByTestId("result-DOORS_WINDOWS").locator("img")).toHaveCount(1);
  // The clerk cannot check it.
  await expect(page.getByRole("button", { name: "检查通过" })).toHaveCount(0);

  // R-VAC-3: the cleaning supervisor checks it on her phone.
  const supervisor = await signedIn(browser, "SUPERVISOR", PHONE);
  await supervisor.goto(recordUrl);
  await supervisor.getByRole("button", { name: "检查通过" }).click();
  await expect(supervisor.getByTestId("record-state")).toContainText("主管已检查");
  await expect(supervisor.locator("dd").filter({ hasText: /^李秀英 ·/ })).toBeVisible();
  await expect(supervisor.getByRole("button", { name: "检查通过" })).toHaveCount(0);

  // The month view now shows the unit cleaned and checked, with one failed item.
  await supervisor.goto("/vacant-units");
  const done = supervisor.getByRole("row").filter({ has: supervisor.getByTestId(`unit-${unitCode}`) });
  await expect(done).toContainText("已清洁 · 已检查");
  await expect(done).toContainText("1 项不合格");
  await supervisor.context().close();
});
