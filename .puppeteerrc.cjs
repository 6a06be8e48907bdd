/**
 * whatsapp-web.js depends on puppeteer, whose install step downloads a browser.
 * Sila uses the system Chromium instead (CHROMIUM_PATH, default /usr/bin/chromium),
 * so the download is skipped: `npm ci` must work with only the npm registry reachable.
 * @type {import("puppeteer").Configuration}
 */
module.exports = { skipDownload: true };
