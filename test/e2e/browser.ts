import { chromium, type Browser } from 'playwright-core';
import { requireChromium } from '../../scripts/browserPath';

/** Headless Chromium for driving code-server and the webviews (the flags keep it off the network and the GPU). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
