import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/**
 * The browser and HTML-checker tests need programs npm does not install. Without them the tests skip
 * and say which Debian package to install; ARHIVAR_REQUIRE_BROWSER=1 (set by .ci/run) turns the skip into a failure.
 */
export const REQUIRE_TOOLS = process.env.ARHIVAR_REQUIRE_BROWSER === '1';
export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface Tool {
  available: boolean;
  /** Why it is missing and what to install; empty when available. */
  missing: string;
}

export function findChromium(): Tool {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return { available: true, missing: '' };
  } catch {
    return { available: false, missing: `${CHROMIUM_PATH} not found: install the Debian package "chromium" (apt-get install -y chromium)` };
  }
}

export function findJava(): Tool {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.status === 0) return { available: true, missing: '' };
  return { available: false, missing: 'java not found: install the Debian package "default-jre-headless" (apt-get install -y default-jre-headless)' };
}

/** Logs the skip once per file, so `npm test` output names the missing package. */
export function reportSkip(suite: string, tool: Tool): boolean {
  if (tool.available) return false;
  if (!REQUIRE_TOOLS) console.warn(`[arhivar] skipping ${suite}: ${tool.missing}. Set ARHIVAR_REQUIRE_BROWSER=1 to make this a failure.`);
  return !REQUIRE_TOOLS;
}

/** Flags from DEVELOPERS.md: a headless, offline, disposable browser. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
