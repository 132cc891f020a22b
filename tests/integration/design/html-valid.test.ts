import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDesignSite, listHtmlFiles, listPageTypes, fileFor, type BuiltSite } from './fixture-site.ts';
import { findJava, reportSkip } from './tools.ts';

const java = findJava();
const skip = reportSkip('the HTML validity tests (tests/integration/design/html-valid.test.ts)', java);
const require = createRequire(import.meta.url);

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: 'warning' | 'fatal' | 'io' | 'schema' | 'internal';
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs the W3C Nu HTML Checker once over many files (one JVM start) and returns its JSON messages. */
async function checkHtml(files: string[]): Promise<NuMessage[]> {
  const jar = String(require('vnu-jar'));
  // vnu exits 1 when it reports errors; the JSON on stderr is the answer either way.
  const result = await promisify(execFile)('java', ['-jar', jar, '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout: string; stderr: string; code?: number }) => error,
  );
  return (JSON.parse(result.stderr || '{"messages":[]}') as { messages: NuMessage[] }).messages;
}

const describeMessage = (dist: string, message: NuMessage) =>
  `${path.relative(dist, (message.url ?? '').replace(/^file:/, ''))}:${message.lastLine ?? '?'} ${message.subType ?? message.type}: ${message.message} [${message.extract ?? ''}]`;

describe.skipIf(skip)('W3C Nu HTML Checker on every built page (issue 8)', () => {
  let site: BuiltSite;

  beforeAll(async () => {
    if (!java.available) throw new Error(`ARHIVAR_REQUIRE_BROWSER=1, but ${java.missing}`);
    site = await buildDesignSite();
  });
  afterAll(async () => site?.remove());

  it('reports no errors and no warnings on any page', async () => {
    const files = (await listHtmlFiles(site.dist)).map((file) => path.join(site.dist, file));
    const pageTypes = await listPageTypes(site.dist);
    for (const type of pageTypes) expect(files, `${type.name} page is checked`).toContain(fileFor(site.dist, type.url));
    // A known-bad page in the same run (one JVM start) shows the checker really reads the files.
    const broken = path.join(site.root, 'broken.html');
    await writeFile(broken, '<!DOCTYPE html><html lang="sl"><head><title>x</title></head><body><p><div>nested</div></p><li>loose</li></body></html>');
    const messages = await checkHtml([...files, broken]);
    const fromBroken = (message: NuMessage) => message.url?.endsWith('/broken.html') === true;
    expect(messages.filter((message) => fromBroken(message) && message.type === 'error').length).toBeGreaterThan(0);
    // Infos (such as "trailing slash on void elements", which preact writes) are not problems; errors and warnings are.
    const problems = messages.filter((message) => !fromBroken(message) && (message.type !== 'info' || message.subType === 'warning'));
    expect(problems.map((message) => describeMessage(site.dist, message))).toEqual([]);
  });
});
