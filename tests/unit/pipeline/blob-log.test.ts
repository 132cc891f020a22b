import { spawn } from 'node:child_process';
import { appendFile, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { uptime } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobLog, someReaderOpen } from '../../../src/pipeline/blob-log.ts';
import type { LogReader } from '../../../src/pipeline/cache.ts';
import { ArhivarError } from '../../../src/errors.ts';
import { damageFile, makeTempDir } from '../../helpers.ts';

type Head = { title: string; words: number };
const text = (value: string) => new TextEncoder().encode(value);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const FILE = path.join('.cache', 'bodies-v1.log');

async function filled(root: string, count: number, version = 'v1'): Promise<BlobLog<Head>> {
  const log = await BlobLog.open<Head>(root, 'bodies', version);
  for (let i = 0; i < count; i++) log.set(`k${i}`, { title: `Članek ${i}`, words: i }, [text(`<p>Telo ${i} s črkami č, š, ž.</p>`), text(`Besedilo ${i}`)]);
  return log;
}

/**
 * A log of `count` records saved by one run, then opened and saved by a build that used only k0's: the other
 * records are what that build's erasure is about (staleRecords()).
 */
async function rebuiltUsingOnlyK0(root: string, count: number): Promise<BlobLog<Head>> {
  const first = await filled(root, count);
  await first.save();
  first.close();
  const build = await BlobLog.open<Head>(root, 'bodies', 'v1');
  build.head('k0');
  await build.save();
  return build;
}

describe('BlobLog', () => {
  it('keeps heads in memory and reads parts from disk, before and after save, and in the next run', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 300);
    // Read back before anything is flushed to disk, and after save() has made the spill file the log.
    expect(decode(first.part('k7', 0))).toBe('<p>Telo 7 s črkami č, š, ž.</p>');
    await first.save();
    expect(decode(first.part('k299', 1))).toBe('Besedilo 299');
    first.close();
    expect((await readdir(path.join(root, '.cache'))).sort()).toEqual(['bodies-v1.log']);

    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(second.size).toBe(300);
    expect(second.head('k42')).toEqual({ title: 'Članek 42', words: 42 });
    expect(decode(second.part('k42', 0))).toBe('<p>Telo 42 s črkami č, š, ž.</p>');
    expect(second.parts('k42').map(decode)).toEqual(['<p>Telo 42 s črkami č, š, ž.</p>', 'Besedilo 42']);
    expect(second.head('missing')).toBeUndefined();
    second.close();
    expect(() => second.part('k42', 0)).toThrow(/closed/);
  });

  it('appends a run’s new records to the log instead of rewriting it', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 100);
    await first.save();
    first.close();
    const size = (await stat(path.join(root, FILE))).size;

    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    for (let i = 0; i < 100; i++) second.head(`k${i}`);
    second.set('nov', { title: 'Nov', words: 1 }, [text('<p>nov</p>'), text('nov')]);
    await second.save();
    // Still readable after the spill file was copied into the log and removed.
    expect(decode(second.part('nov', 0))).toBe('<p>nov</p>');
    expect(decode(second.part('k3', 1))).toBe('Besedilo 3');
    second.close();
    const grown = (await stat(path.join(root, FILE))).size;
    expect(grown).toBeGreaterThan(size);
    expect(grown - size).toBeLessThan(size / 20);

    const third = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(third.size).toBe(101);
    expect(decode(third.part('nov', 1))).toBe('nov');
    third.close();
  });

  it('serves a long session: records added and saved over several rounds stay readable, and reach the log', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 100);
    await first.save();
    first.close();

    const session = await BlobLog.open<Head>(root, 'bodies', 'v1');
    for (let i = 0; i < 100; i++) session.head(`k${i}`);
    for (let round = 0; round < 3; round++) {
      session.set(`r${round}`, { title: `Krog ${round}`, words: round }, [text(`<p>krog ${round}</p>`), text(`krog ${round}`)]);
      await session.save();
    }
    // Every round's record, and the first run's, read back while the session is still open.
    expect([0, 1, 2].map((round) => decode(session.part(`r${round}`, 0)))).toEqual(['<p>krog 0</p>', '<p>krog 1</p>', '<p>krog 2</p>']);
    expect(decode(session.part('k5', 1))).toBe('Besedilo 5');
    session.close();
    expect(await readdir(path.join(root, '.cache'))).toEqual(['bodies-v1.log']);

    const next = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(next.size).toBe(103);
    expect(decode(next.part('r1', 1))).toBe('krog 1');
    next.close();
  });

  it('ignores a torn last record, and rewrites the log on the next save', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 10);
    await first.save();
    first.close();
    await appendFile(path.join(root, FILE), Buffer.from([200, 0, 0, 0, 1, 2, 3]));

    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(second.size).toBe(10);
    for (let i = 0; i < 10; i++) second.head(`k${i}`);
    second.set('nov', { title: 'Nov', words: 1 }, [text('<p>nov</p>'), text('nov')]);
    await second.save();
    second.close();
    const third = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(third.size).toBe(11);
    expect(decode(third.part('k9', 0))).toBe('<p>Telo 9 s črkami č, š, ž.</p>');
    third.close();
  });

  it('compacts to the records in use, and removes logs of other versions', async () => {
    const root = await makeTempDir();
    const old = await filled(root, 1, 'v0');
    await old.save();
    old.close();
    const first = await filled(root, 300);
    await first.save();
    first.close();

    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    second.head('k1');
    second.head('k2');
    await second.save();
    expect(decode(second.part('k2', 0))).toBe('<p>Telo 2 s črkami č, š, ž.</p>');
    second.close();
    expect(await readdir(path.join(root, '.cache'))).toEqual(['bodies-v1.log']);
    const third = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(third.size).toBe(2);
    third.close();
  });

  it('reads its own bytes even after another process compacts the log and renames it over', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 300);
    await first.save();
    first.close();

    const reader = await BlobLog.open<Head>(root, 'bodies', 'v1');
    const other = await BlobLog.open<Head>(root, 'bodies', 'v1');
    other.head('k299');
    await other.save();
    other.close();
    expect((await stat(path.join(root, FILE))).size).toBeLessThan(1000);
    expect(decode(reader.part('k150', 1))).toBe('Besedilo 150');
    reader.close();
  });

  it('loads a record larger than its read chunk', async () => {
    const root = await makeTempDir();
    const big = 'č'.repeat(1_500_000);
    const first = await BlobLog.open<Head>(root, 'bodies', 'v1');
    first.set('velik', { title: 'Velik', words: 1 }, [text(big), text('')]);
    first.set('majhen', { title: 'Majhen', words: 1 }, [text('m'), text('m')]);
    await first.save();
    first.close();
    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(second.size).toBe(2);
    expect(decode(second.part('velik', 0))).toBe(big);
    expect(decode(second.part('velik', 1))).toBe('');
    expect(decode(second.part('majhen', 0))).toBe('m');
    second.close();
  });

  it('refuses a damaged part with an error naming the file, and removes the file', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 3);
    await first.save();
    first.close();
    await damageFile(path.join(root, FILE), 'Telo 1');

    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(decode(second.part('k0', 0))).toBe('<p>Telo 0 s črkami č, š, ž.</p>');
    let error: unknown;
    try {
      second.part('k1', 0);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArhivarError);
    expect(error).toMatchObject({ code: 'cache/damaged', file: FILE });
    expect(() => second.parts('k1')).toThrow(/damaged/);
    second.close();
    expect(await readdir(path.join(root, '.cache'))).toEqual([]);
  });

  it('leaves out a record whose head is damaged, and reads the records after it', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 3);
    await first.save();
    first.close();
    // The head is v8-serialised: "Članek 1" is kept at two bytes a character.
    await damageFile(path.join(root, FILE), 'Članek 1', 'utf16le', 2);

    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(second.head('k0')).toEqual({ title: 'Članek 0', words: 0 });
    expect(second.head('k1')).toBeUndefined();
    expect(second.head('k2')).toEqual({ title: 'Članek 2', words: 2 });
    second.close();
  });

  it('leaves no half-written copy behind when compaction meets a damaged record', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 300);
    await first.save();
    first.close();
    const file = path.join(root, FILE);
    const bytes = await readFile(file);
    bytes[bytes.indexOf(Buffer.from('Telo 1 '))] = 'X'.charCodeAt(0);
    await writeFile(file, bytes);

    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    second.head('k1');
    second.head('k2');
    await expect(second.save()).rejects.toMatchObject({ code: 'cache/damaged', file: FILE });
    second.close();
    expect(await readdir(path.join(root, '.cache'))).toEqual([]);
  });

  it('removes the spill file of a build that was killed, and never reads it', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 2);
    await first.save();
    first.close();
    // No process has pid 2^22 + 1 (above Linux's largest pid), so its spill file is abandoned.
    const abandoned = path.join(root, '.cache', 'bodies-v1.4194305.spill');
    await writeFile(abandoned, 'half a record');
    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(second.size).toBe(2);
    // The open log's reader file stays (see the top of blob-log.ts), until it is closed.
    expect(await readdir(path.join(root, '.cache'))).toEqual(['bodies-v1.log', expect.stringMatching(/^bodies-v1\.log\.\d+-\d+\.reader$/)]);
    second.close();
    expect(await readdir(path.join(root, '.cache'))).toEqual(['bodies-v1.log']);
  });

  it('keeps the records of two logs open in one process apart, and removes neither spill file while they are open', async () => {
    const root = await makeTempDir();
    const [one, two] = [await BlobLog.open<Head>(root, 'bodies', 'v1'), await BlobLog.open<Head>(root, 'bodies', 'v1')];
    one.set('prvi', { title: 'Prvi', words: 1 }, [text('<p>Prvi članek.</p>')]);
    two.set('drugi', { title: 'Drugi', words: 2 }, [text('<p>Drugi članek, daljši od prvega.</p>')]);
    // Opening a third log removes abandoned spill files only: these two belong to a live process.
    const third = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(decode(one.part('prvi', 0))).toBe('<p>Prvi članek.</p>');
    expect(decode(two.part('drugi', 0))).toBe('<p>Drugi članek, daljši od prvega.</p>');
    await one.save();
    await two.save();
    expect(decode(one.part('prvi', 0))).toBe('<p>Prvi članek.</p>');
    expect(decode(two.part('drugi', 0))).toBe('<p>Drugi članek, daljši od prvega.</p>');
    for (const log of [one, two, third]) log.close();
    // Each save made its spill file the log (as two builds of one site may): the later one's records are
    // there, and a record that is not is only a body to render again, never a damaged one.
    const reopened = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(decode(reopened.part('drugi', 0))).toBe('<p>Drugi članek, daljši od prvega.</p>');
    if (reopened.head('prvi')) expect(decode(reopened.part('prvi', 0))).toBe('<p>Prvi članek.</p>');
    reopened.close();
  });
  it('erases the records a run did not use in place: the others are read as before, and a log opened later skips them', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 3);
    await first.save();
    first.close();
    const file = path.join(root, FILE);
    const size = (await stat(file)).size;

    const second = await BlobLog.open<Head>(root, 'bodies', 'v1');
    second.head('k0');
    second.head('k2');
    await second.save();
    const stale = second.staleRecords()!;
    expect(stale.count).toBe(1);
    expect(stale.erase()).toBe('erased');
    // Of the same length, so the offsets second holds stay valid; no byte of k1's key, head or parts is left.
    expect((await stat(file)).size).toBe(size);
    const bytes = await readFile(file);
    for (const gone of ['k1', 'Telo 1 ', 'Besedilo 1']) expect(bytes.includes(Buffer.from(gone)), gone).toBe(false);
    expect(bytes.includes(Buffer.from('Članek 1', 'utf16le')) || bytes.includes(Buffer.from('Članek 1', 'latin1'))).toBe(false);
    expect(decode(second.part('k2', 0))).toBe('<p>Telo 2 s črkami č, š, ž.</p>');
    second.close();

    const third = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(third.size).toBe(2);
    expect(third.head('k1')).toBeUndefined();
    expect(third.parts('k0').map(decode)).toEqual(['<p>Telo 0 s črkami č, š, ž.</p>', 'Besedilo 0']);
    // Appended after the erased record, and found after it; the erased one is not erased again.
    third.set('k3', { title: 'Članek 3', words: 3 }, [text('<p>Telo 3</p>'), text('Besedilo 3')]);
    third.head('k0');
    third.head('k2');
    await third.save();
    expect(third.staleRecords()!.count).toBe(0);
    third.close();
    const fourth = await BlobLog.open<Head>(root, 'bodies', 'v1');
    expect(fourth.size).toBe(3);
    expect(decode(fourth.part('k3', 1))).toBe('Besedilo 3');
    fourth.close();
  });

  it('leaves the records while another log of it is open, and erases them once that one is closed', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 3);
    await first.save();
    first.close();
    // A dev server's session, or another build: it may read any record's parts later (its DiskBody).
    const other = await BlobLog.open<Head>(root, 'bodies', 'v1');
    const build = await BlobLog.open<Head>(root, 'bodies', 'v1');
    build.head('k0');
    await build.save();
    const stale = build.staleRecords()!;
    const left = stale.erase();
    // Named by its reader file, which a later build checks before it skips its work (pipeline/unchanged.ts).
    expect(left).toEqual({ readers: [{ name: expect.stringMatching(new RegExp(`^bodies-v1\\.log\\.${process.pid}-\\d+\\.reader$`)), madeMs: expect.any(Number) }] });
    const { readers } = left as { readers: LogReader[] };
    expect(someReaderOpen(root, readers)).toBe(true);
    expect(decode(other.part('k1', 0))).toBe('<p>Telo 1 s črkami č, š, ž.</p>');
    other.close();
    expect(someReaderOpen(root, readers)).toBe(false);
    // Another process that runs, with the log open (its reader file, as its open() makes it).
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    const runningReader = path.join(root, `${FILE}.${running.pid}-1.reader`);
    await writeFile(runningReader, '');
    try {
      expect(stale.erase()).toEqual({ readers: [{ name: path.basename(runningReader), madeMs: (await stat(runningReader)).mtimeMs }] });
      expect(someReaderOpen(root, [{ name: path.basename(runningReader), madeMs: (await stat(runningReader)).mtimeMs }])).toBe(true);
      // A file of that name made at another time is another process's.
      expect(someReaderOpen(root, [{ name: path.basename(runningReader), madeMs: (await stat(runningReader)).mtimeMs - 1000 }])).toBe(false);
    } finally {
      running.kill();
      await rm(runningReader);
    }
    // Left by a killed process: one that is gone, and one that had this process's id (a CI job restores .cache/
    // into a container that numbers its processes alike).
    for (const pid of [4194305, process.pid]) await writeFile(path.join(root, `${FILE}.${pid}-99999.reader`), '');
    expect(stale.erase()).toBe('erased');
    expect((await readdir(path.join(root, '.cache'))).filter((name) => name.endsWith('.reader'))).toHaveLength(1);
    expect((await readFile(path.join(root, FILE))).includes(Buffer.from('Telo 1 '))).toBe(false);
    expect(decode(build.part('k0', 1))).toBe('Besedilo 0');
    build.close();
  });

  // A .cache/ restored from a CI cache or a backup, with the reader file of a process killed where it was made: the
  // process that has its id here (an npm, a shell of the job) never ends while the build runs, and every build left
  // the erasure, built with nothing changed, and kept the text. Made before the machine started (another machine),
  // or after it but before that process started (a later job's container, which shares the host's boot).
  it.each([
    ['the machine started', () => Date.now() - uptime() * 1000 - 86_400_000],
    ['the running process with its id started (a later CI container)', () => Math.max(Date.now() - uptime() * 1000 + 1000, Date.now() - 60_000)],
  ])('erases past a reader file made before %s, though its process id is now a running process', async (_when, madeAt) => {
    const root = await makeTempDir();
    const build = await rebuiltUsingOnlyK0(root, 2);
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    const restored = path.join(root, `${FILE}.${running.pid}-1.reader`);
    await writeFile(restored, '');
    const made = new Date(madeAt());
    await utimes(restored, made, made);
    try {
      expect(build.staleRecords()!.erase()).toBe('erased');
    } finally {
      running.kill();
    }
    expect((await readFile(path.join(root, FILE))).includes(Buffer.from('Telo 1 '))).toBe(false);
    expect((await readdir(path.join(root, '.cache'))).filter((name) => name.endsWith('.reader'))).toHaveLength(1);
    build.close();
  });

  it('makes a log opened while records are erased wait for the erasure, and erases nothing of a log replaced since it was read', async () => {
    const root = await makeTempDir();
    const build = await rebuiltUsingOnlyK0(root, 3);
    const stale = build.staleRecords()!;
    // The lock of an eraser that runs (another process): a log being opened waits until it goes.
    const lock = path.join(root, `${FILE}.erasing`);
    const eraser = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    await writeFile(lock, String(eraser.pid));
    let opened = false;
    const opening = BlobLog.open<Head>(root, 'bodies', 'v1').then((log) => {
      opened = true;
      return log;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(opened).toBe(false);
    // Nor does another eraser erase while it is held.
    expect(stale.erase()).toBe('left');
    await rm(lock);
    eraser.kill();
    const waiting = await opening;
    expect(waiting.size).toBe(3);
    waiting.close();

    // Another process compacted the log and renamed its copy into place: the offsets read are not of that file.
    const copy = await readFile(path.join(root, FILE));
    await writeFile(path.join(root, `${FILE}.tmp`), copy);
    await rename(path.join(root, `${FILE}.tmp`), path.join(root, FILE));
    expect(stale.erase()).toBe('left');
    expect((await readFile(path.join(root, FILE))).includes(Buffer.from('Telo 1 '))).toBe(true);
    build.close();
  });
  it('takes the erasing lock left by a killed process that had the id of this one', async () => {
    // A process erases within one synchronous call, so no lock of its own is held while it opens a log or erases:
    // one with its id was left by a process killed while erasing (a container numbers its processes alike each
    // run). It was waited for, and the erasure left, until it was ERASING_STALE_MS old.
    const root = await makeTempDir();
    const build = await rebuiltUsingOnlyK0(root, 2);
    await writeFile(path.join(root, `${FILE}.erasing`), String(process.pid));
    expect(build.staleRecords()!.erase()).toBe('erased');
    expect((await readFile(path.join(root, FILE))).includes(Buffer.from('Telo 1 '))).toBe(false);
    expect(await readdir(path.join(root, '.cache'))).not.toContain('bodies-v1.log.erasing');
    build.close();
  });

  it('erases with a folder standing where its lock goes, as a half-restored cache may leave one', async () => {
    const root = await makeTempDir();
    const first = await filled(root, 2);
    await first.save();
    first.close();
    await mkdir(path.join(root, `${FILE}.erasing`, 'x'), { recursive: true });
    const build = await BlobLog.open<Head>(root, 'bodies', 'v1');
    build.head('k0');
    await build.save();
    expect(build.staleRecords()!.erase()).toBe('erased');
    expect((await readFile(path.join(root, FILE))).includes(Buffer.from('Telo 1 '))).toBe(false);
    expect(await readdir(path.join(root, '.cache'))).not.toContain('bodies-v1.log.erasing');
    build.close();
  });
});
