/**
 * Flow (§3.3, R-SVC-1..2): the front desk records a special service for a tenant (a negative price is
 * refused next to the field); the clerk records it done — ten days ago, written down late — which
 * issues the payment notice; the printed 《缴费通知单》 shows the amount in figures and in capitals;
 * the order sits among the overdue revisits; the front desk records the notice's delivery, the clerk
 * the phone revisit; the order is closed and leaves the overdue list.
 */
import { expect, test } from "./fixtures";
import { formReady, signedIn } from "./support";

const DAY = 86_400_000;
/** A Shanghai wall-clock time `daysAgo` days back, as a datetime-local field takes it. */
const shanghaiLocal = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY + 8 * 3_600_000).toISOString().slice(0, 16);

test("a special service from order to printed payment notice, delivery and phone revisit", async ({ browser }) => {
  test.setTimeout(180_000); // three people, three sessions

  // The front desk records the order.
  const desk = await signedIn(browser, "FRONT_DESK");
  await desk.goto("/special-services/new");
  await formReady(desk, "登记特约服务");
  await desk.getByRole("combobox", { name: "项目", exact: true }).selectOption({ label: "汇金中心" });
  await desk.getByLabel("服务项目").selectOption({ label: "地毯深度清洗 · 380.00 元 / 次" });
  await expect(desk.getByLabel("约定价格（元）")).toHaveValue("380.00");
  await desk.getByRole("combobox", { name: "业户" }).fill("A-");
  await desk.getByRole("listbox").getByRole("option").first().click();
  await desk.getByLabel("预约服务时间").fill(shanghaiLocal(11));
  await desk.getByLabel("约定价格（元）").fill("-10");
  await desk.getByRole("button", { name: "登记特约服务" }).click();
  await expect(desk.locator("#f-agreedPrice-error")).toHaveText("价格不能为负数");
  await expect(desk).toHaveURL(/\/special-services\/new$/);

  await desk.getByLabel("约定价格（元）").fill("123.45");
  await desk.getByLabel("服务内容说明").fill("会议室地毯深度清洗，两间");
  await desk.getByRole("button", { name: "登记特约服务" }).click();
  await expect(desk).toHaveURL(/\/special-services\/(?!new$)[a-z0-9]+$/);
  const url = desk.url();
  const orderId = url.split("/").pop()!;
  await expect(desk.getByTestId("agreed-price")).toHaveText("123.45");
  // R-SVC-2: no revisit before the service.
  await expect(desk.getByText("服务完成后方可回访")).toBeVisible();

  // The clerk records the service done, ten days ago (the paper came back late).
  const clerk = await signedIn(browser, "CLERK");
  await clerk.goto(url);
  await formReady(clerk, "登记服务完成");
  await clerk.getByLabel("服务人员").fill("保洁员王秀兰");
  await clerk.getByLabel("完成时间").fill(shanghaiLocal(10));
  await clerk.getByLabel("完成情况").fill("两间会议室地毯已清洗完毕");
  await clerk.getByRole("button", { name: "登记服务完成" }).click();
  const number = clerk.getByTestId("notice-number");
  await expect(number).toHaveText(/^JF-HQ-\d{8}-\d{3}$/);
  const noticeNumber = (await number.textContent())!;
  await expect(clerk.locator("[data-deadline-state]").first()).toHaveAttribute("data-deadline-state", "overdue");

  // The printed payment notice: numbered, the amount in figures and in capitals.
  await clerk.getByRole("link", { name: "打印缴费通知单" }).click();
  await expect(clerk).toHaveURL(new RegExp(`/special-services/${orderId}/notice$`));
  await expect(clerk.getByRole("heading", { name: "缴费通知单" })).toBeVisible();
  await expect(clerk.getByTestId("printed-notice-number")).toHaveText(noticeNumber);
  await expect(clerk.getByTestId("amount-figures")).toHaveText("¥123.45");
  await expect(clerk.getByTestId("amount-words")).toHaveText("壹佰贰拾叁元肆角伍分");

  // Among the overdue revisits, at the top of the list's order.
  const overdueLink = (page: typeof clerk) => page.locator(`a[href="/special-services/${orderId}"]`);
  await clerk.goto("/special-services?revisit=overdue");
  await expect(overdueLink(clerk)).toBeVisible();

  // The front desk hands the notice over.
  await desk.reload();
  await formReady(desk, "登记送达");
  await desk.getByLabel("签收人").fill("前台李小姐");
  await desk.getByRole("button", { name: "登记送达" }).click();
  await expect(desk.getByText(/前台李小姐 · \d{4}-\d{2}-\d{2}/)).toBeVisible();

  // The clerk calls the client back.
  await clerk.goto(url);
  await formReady(clerk, "登记电话回访");
  await clerk.getByLabel("基本满意").check();
  await clerk.getByLabel("接听人").fill("行政王经理");
  await clerk.getByLabel("客户意见").fill("清洗效果不错，边角还有少量污渍");
  await clerk.getByRole("button", { name: "登记电话回访" }).click();
  await expect(clerk.getByText("已结案").first()).toBeVisible();
  await expect(clerk.locator("[data-deadline-state]").first()).toHaveAttribute("data-deadline-state", "met_late");

  // Closed: no longer among the overdue revisits.
  await clerk.goto("/special-services?revisit=overdue");
  await expect(clerk.getByRole("table")).toBeVisible();
  await expect(overdueLink(clerk)).toHaveCount(0);
  await clerk.goto("/special-services?state=CLOSED");
  await expect(overdueLink(clerk).first()).toBeVisible();

  // The manager's dashboard counts the open special-service revisits.
  const manager = await signedIn(browser, "MANAGER");
  await manager.goto("/dashboard");
  await expect(manager.getByTestId("service-revisits-card")).toBeVisible();
  await expect(manager.getByTestId("service-revisits-overdue")).toContainText(/\d+/);
});
