/**
 * The gate's camera path (R-GP-7) at 390 px. Headless Chromium has no camera and no BarcodeDetector,
 * so the test gives the page a synthetic video stream and a detector that "sees" a pass number — the
 * page's own code then opens the camera, reads the code, looks the pass up and shows the verdict.
 */
import { expect, test } from "./fixtures";
import { signIn } from "./support";

test("scanning a used pass's QR code shows it refused in red", async ({ page }) => {
  await signIn(page, "FRONT_DESK");
  // A pass already released at the gate (seeded history).
  await page.goto("/goods-passes?state=RELEASED");
  const number = (
    await page
      .getByRole("link", { name: /^[A-Z]+-\d{8}-\d{3}$/ })
      .first()
      .innerText()
  ).trim();

  await page.addInitScript((value) => {
    class FakeBarcodeDetector {
      async detect() {
        return [{ rawValue: value }];
      }
    }
    Object.assign(window, { BarcodeDetector: FakeBarcodeDetector });
    const canvas = document.createElement("canvas");
    canvas.width = 64;
    canvas.height = 64;
    const ctx = canvas.getContext("2d")!;
    // A stream only delivers frames when the canvas changes: keep drawing.
    let frame = 0;
    setInterval(() => {
      ctx.fillStyle = frame++ % 2 ? "#000" : "#fff";
      ctx.fillRect(0, 0, 64, 64);
    }, 50);
    Object.defineProperty(navigator, "mediaDevices", {
      value: { getUserMedia: async () => canvas.captureStream(5) },
      configurable: true,
    });
  }, number);

  await page.goto("/gate");
  await page.getByRole("button", { name: "扫码" }).click();
  await expect(page).toHaveURL(new RegExp(`/gate\\?q=${number}`));
  await expect(page.getByTestId("gate-pass")).toContainText(number);
  await expect(page.getByTestId("gate-refused")).toContainText("已放行");
  await expect(page.getByTestId("gate-release")).toHaveCount(0);
});
