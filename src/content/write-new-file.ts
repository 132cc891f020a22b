import { open, rm } from 'node:fs/promises';

/**
 * Writes a new content file, never replacing one: fails with EEXIST when the file exists. A write that fails
 * part way (a full disk) leaves no piece of the file behind, since the next build would publish a cut-off
 * article as if it were whole.
 */
export async function writeNewFile(absolute: string, text: string): Promise<void> {
  const handle = await open(absolute, 'wx');
  try {
    await handle.writeFile(text);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(absolute, { force: true });
    throw error;
  }
}
