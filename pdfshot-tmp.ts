import { launchBrowser } from './tests/console/browser.js';
const browser = await launchBrowser();
const html = await browser.newPage();
await html.goto('file:///work/wt-frontdoor/tests/artifacts/prescreen-report.html');
await html.emulateMedia({ media: 'print' });
const viewer = await browser.newPage({ viewport: { width: 820, height: 1130 } });
for (const n of process.argv.slice(2)) {
  await html.pdf({ format: 'A4', pageRanges: n, path: `/tmp/fd/page-${n}.pdf` });
  await viewer.goto(`file:///tmp/fd/page-${n}.pdf#toolbar=0&view=FitH`);
  await viewer.waitForTimeout(2000);
  await viewer.screenshot({ path: `/tmp/fd/pdf-${n}.png` });
}
await browser.close();
