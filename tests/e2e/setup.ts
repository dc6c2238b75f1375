// The set-up most browser test files share: one server with its own fresh database and one chromium for the whole
// file, started before the first test and stopped after the last; `signedIn` opens a page signed in as a demo user.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, signInPage, type Viewport } from './browser.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

export interface E2eFile {
  /** Set once beforeAll has run (read them inside tests, not at the top of the file). */
  server: TestServer;
  browser: Browser;
  signedIn: (username: string, viewport?: Viewport) => Promise<Page>;
}

/** Call inside `describe`: registers the start (web build if missing, server, chromium) and the stop. */
export function e2eFile(): E2eFile {
  const file = {
    signedIn: (username: string, viewport?: Viewport) =>
      signInPage(file.browser, file.server.url, username, viewport),
  } as E2eFile;
  beforeAll(async () => {
    ensureWebBuilt();
    file.server = await startServer();
    file.browser = await launchBrowser();
  });
  afterAll(async () => {
    await file.browser?.close();
    await file.server?.stop();
  });
  return file;
}
