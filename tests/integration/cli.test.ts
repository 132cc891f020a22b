import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli.ts';
import { copyFixture, FIXTURES, listFiles, makeTempDir, PROJECT_ROOT, removeDir, waitFor } from '../helpers.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeDir(root);
});

function captureIo(extra: Partial<Io> = {}): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), ...extra };
}

/** Builds a copy of archive-basic with a file where the folder `name` would be; the build must exit 1. */
async function buildWithFileInPlaceOf(name: string, text: string) {
  const root = await copyFixture('archive-basic');
  roots.push(root);
  await rm(path.join(root, name), { recursive: true, force: true });
  await writeFile(path.join(root, name), text);
  const io = captureIo();
  expect(await main(['build', '--root', root], io)).toBe(1);
  return { root, io };
}

/**
 * A copy of archive-basic at <temporary folder>/site, so that a wrong --out (.., a sibling) could only reach
 * this test's own folder.
 */
async function siteOneLevelDown(): Promise<{ outer: string; root: string }> {
  const outer = await makeTempDir();
  roots.push(outer);
  const root = path.join(outer, 'site');
  const fixture = await copyFixture('archive-basic');
  roots.push(fixture);
  await cp(fixture, root, { recursive: true });
  return { outer, root };
}

/**
 * Runs `work` on a file system of its own (tmpfs, 2 MB), where `leaveFree` fills the disk up to that many
 * bytes; the test is skipped where mounting is not allowed.
 */
async function onSmallDisk(context: { skip: () => void }, work: (mountPoint: string, leaveFree: (bytes: number) => Promise<void>) => Promise<void>): Promise<void> {
  const mountPoint = await makeTempDir('arhivar-full-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  } catch {
    await removeDir(mountPoint);
    context.skip();
    return;
  }
  const leaveFree = async (bytes: number) => {
    const free = Number(execFileSync('df', ['--output=avail', '-B1', mountPoint]).toString().trim().split('\n').at(-1));
    await writeFile(path.join(mountPoint, 'polnilo'), Buffer.alloc(Math.max(0, free - bytes)));
  };
  try {
    await work(mountPoint, leaveFree);
  } finally {
    // Lazily: a failed command may still hold a file open there, and a busy mount would outlive the test.
    execFileSync('umount', ['-l', mountPoint]);
    await removeDir(mountPoint);
  }
}

describe('arhivar build tells which articles wait for their date', () => {
  it('names the first one due, also when nothing changed, and says nothing once none waits', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const outDir = path.join(await makeTempDir(), 'dist');
    roots.push(path.dirname(outDir));
    const write = (name: string, date: string) => writeFile(path.join(root, 'content/articles/2025', name), `---\ntitle: Članek ${name}\ndate: ${date}\n---\n\nBesedilo.\n`);
    await write('kasneje.md', '2099-03-01');
    await write('prej.md', '2099-01-10T08:15');
    for (const run of ['built', 'nothing changed']) {
      const io = captureIo();
      expect(await main(['build', '--root', root, '--out', outDir], io)).toBe(0);
      expect(io.stdout[0], run).toMatch(new RegExp(`^${run}`));
      expect(io.stdout[1], run).toBe(
        '2 articles are dated in the future and wait for their dates; the first, content/articles/2025/prej.md, is due 2099-01-10 08:15 Ljubljana time. ' +
          'Each is published by the first build after its date; npm run build -- --future includes them now.',
      );
    }
    await rm(path.join(root, 'content/articles/2025/kasneje.md'));
    const one = captureIo();
    expect(await main(['build', '--root', root, '--out', outDir], one)).toBe(0);
    expect(one.stdout[1]).toBe(
      '1 article is dated in the future and waits for its date: content/articles/2025/prej.md, due 2099-01-10 08:15 Ljubljana time. The first build from then on publishes it; npm run build -- --future includes it now.',
    );
    const future = captureIo();
    expect(await main(['build', '--root', root, '--out', outDir, '--future'], future)).toBe(0);
    expect(future.stdout).toHaveLength(1);
  });
});

describe('lines other than problems show control characters from content as escapes, as problems do', () => {
  it('names a held-back file and an imported file and title with ESC and U+202E escaped', async () => {
    // ESC [ 2 J clears the screen, ESC ] 0 ; … BEL retitles the window: they went to the terminal as they were.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const outDir = path.join(await makeTempDir(), 'dist');
    roots.push(path.dirname(outDir));
    await writeFile(path.join(root, 'content/articles/2025', 'x\u001b[2J\u001b]0;vdor\u0007.md'), '---\ntitle: Kasneje\ndate: 2099-03-01\n---\n\nBesedilo.\n');
    const built = captureIo();
    expect(await main(['build', '--root', root, '--out', outDir], built)).toBe(0);
    expect(built.stdout[1]).toContain(': content/articles/2025/x\\x1b[2J\\x1b]0;vdor\\x07.md, due 2099-03-01 00:00');

    const source = path.join(await makeTempDir(), 'a\u001b[31m.txt');
    roots.push(path.dirname(source));
    await writeFile(source, 'Naslov \u202egnp.exe\n\nBesedilo.\n');
    const imported = captureIo();
    expect(await main(['import', source, '--date', '2025-12-04', '--root', root], imported)).toBe(0);
    expect(imported.stdout[0]).toMatch(/^imported \S*\/a\\x1b\[31m\.txt → content\/articles\/2025\/naslov-gnp-exe\.md$/);
    // The title's override is closed where the title ends (text/direction.ts balanceDirectionControls); both show as escapes.
    expect(imported.stdout[1]).toBe('  title: Naslov \\u202egnp.exe\\u202c');
    expect(imported.stdout.join('\n')).not.toMatch(/[\u001b\u202a-\u202e]/);
  });
});

describe('people shows control characters from content as escapes, as problems do', () => {
  it('in the article file and the names of people <article>, and in the files of people --suggest', async () => {
    // A file name or a people: name holding ESC [ 2 J cleared the editor's terminal when printed as it was.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const file = 'content/articles/2025/x\u001b[2J\u001b]0;vdor\u0007.md';
    await writeFile(path.join(root, file), '---\ntitle: Seja\ndate: 2025-03-01\npeople: ["Ana \\u202eNovak"]\n---\n\nIvan Kovačič je dejal, da Ivan Kovačič ne bo odstopil.\n');
    const explained = captureIo();
    expect(await main(['people', path.join(root, file), '--root', root], explained)).toBe(0);
    expect(explained.stdout[0]).toBe('content/articles/2025/x\\x1b[2J\\x1b]0;vdor\\x07.md');
    expect(explained.stdout.join('\n')).toContain('Ana \\u202eNovak');
    const suggested = captureIo();
    expect(await main(['people', '--suggest', '--root', root], suggested)).toBe(0);
    expect(suggested.stdout.join('\n')).toContain('x\\x1b[2J\\x1b]0;vdor\\x07.md');
    for (const printed of [explained, suggested]) expect(printed.stdout.join(' ')).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
  });
});

describe('arhivar CLI exit codes', () => {
  it('prints the command list with the exit codes; no command is a usage error', async () => {
    const help = captureIo();
    expect(await main(['--help'], help)).toBe(0);
    for (const command of ['build', 'dev', 'preview', 'new', 'import', 'check', 'people']) expect(help.stdout[0]).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.stdout[0]).toContain('exit codes:');
    // Each code and its meaning in two columns: 141 as wide as the others' indent and digit, and a meaning
    // that goes on to a second line indented to its column.
    const codes = help.stdout[0]!.split('exit codes:\n')[1]!.split('\n');
    expect(codes.map((line) => /^( *\d+ {2}| {7}(?=\S))/.exec(line)?.[0].length)).toEqual(codes.map(() => 7));
    expect(await main([], captureIo())).toBe(2);
  });

  it('names in the help every kind of case that exits 1, as README\'s table of exit codes does', async () => {
    const help = captureIo();
    await main(['--help'], help);
    const one = /^ {4}1 {2}(.*(?:\n {7}\S.*)*)/m.exec(help.stdout[0]!)![1]!.replace(/\s+/g, ' ');
    // A template that throws exits 1 (build-template-line.test.ts), and so does preview with nothing built (below).
    for (const kind of ['content problems', 'template', 'client script', 'stylesheet', 'broken link', 'already exists', 'no built site for preview']) expect(one).toContain(kind);
    const readme = await readFile(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const row = /^\| 1 \| (.*) \|$/m.exec(readme)![1]!;
    for (const kind of ['content problems', 'template', 'client script', 'stylesheet', 'broken link', 'already exists', 'no built site for `preview`']) expect(row).toContain(kind);
  });

  it.each(['build', 'dev', 'preview', 'new', 'import', 'check'])('%s --help prints its usage and exits 0', async (command) => {
    const io = captureIo();
    expect(await main([command, '--help'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(new RegExp(`^usage: arhivar ${command}`));
  });

  it.each([
    [['publish']],
    [['build', '--bogus']],
    [['new']],
    [['new', 'a', 'b']],
    [['import']],
    [['import', '/no/such/file.txt']],
    [['import', 'x.txt', '--date', 'včeraj']],
    [['dev', '--port', 'osem']],
  ])('%j is a usage error (exit 2) that shows the help', async (argv) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/usage: arhivar|commands:/);
  });

  it.each([
    ['build', '--root'],
    ['check', '--root'],
    ['dev', '--root'],
    ['preview', '--out'],
  ])('%s with a folder as an argument refuses it (exit 2) and names the option, not builds or serves the current folder', async (command, option) => {
    // arhivar build ../stran, as other generators take a folder: the argument was ignored and the project in
    // the current folder built (exit 0), or »there is no content/ folder« said of a folder the editor never named.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const io = captureIo({ untilStopped: async () => undefined });
    expect(await main([command, '--root', root, 'druga stran'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(new RegExp(`^arhivar ${command} takes no arguments, only options: "druga stran" `));
    expect(io.stderr[0]).toContain(`${option} "druga stran"`);
  });

  it.each(['dev', 'preview'])('%s with a number as an argument names --port, not a folder of that name (exit 2)', async (command) => {
    // npm run dev --port 4000 (without --): npm keeps --port for itself and passes 4000 on as an argument.
    const io = captureIo({ untilStopped: async () => undefined });
    expect(await main([command, '4000'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(new RegExp(`^arhivar ${command} takes no arguments, only options: "4000" would be ignored; to serve on that port, write --port 4000 \\(npm run ${command} -- --port 4000\\)`));
  });

  it.each([
    [['biuld'], /^unknown command "biuld"; did you mean build\?/],
    [['build', '--futur'], /^unknown option --futur; did you mean --future\?/],
    [['preview', '--prot', '8080'], /^unknown option --prot; did you mean --port\?/],
    [['new', 'Seja vlade', '--tag', 'vlada'], /^unknown option --tag; did you mean --tags\?/],
    // parseArgs advised passing it as an argument after -- ('-- "--bogus"'), which build refuses.
    [['build', '--bogus'], /^unknown option --bogus: arhivar build takes the options below$/],
  ])('%j names the command or option probably meant (exit 2)', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr[0]!.split('\n')[0]).toMatch(message);
  });

  it.each([
    // dev serves from memory and has no --out: --port, the nearest of its own, would be read as a port.
    [['dev', '--out', 'dist2'], /^arhivar dev takes no --out: it is an option of build, check and preview$/],
    [['build', '--port', '4000'], /^arhivar build takes no --port: it is an option of dev and preview$/],
    [['preview', '--future'], /^arhivar preview takes no --future: it is an option of build, check and dev$/],
    // parseArgs advised writing "--tags" after --, as a second file to import.
    [['import', 'prispevek.txt', '--tags', 'vlada'], /^arhivar import takes no --tags: it is an option of new$/],
  ])('%j names the commands an option of another command belongs to, not a near option of its own (exit 2)', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr[0]!.split('\n')[0]).toMatch(message);
  });

  it('new with more than the title says that npm run takes options before -- for itself', async () => {
    // npm run new "Promet" --slug promet-2, without --: npm keeps --slug and passes the slug on as a word.
    const io = captureIo();
    expect(await main(['new', 'Promet', 'promet-2'], io)).toBe(2);
    expect(io.stderr[0]).toContain('write -- before the arguments');
    expect(io.stderr[0]).toContain('npm run new -- "Seja vlade" --slug seja-vlade-2');
  });

  it.each([[''], ['   ']])('new with the empty title %j says the title is empty, not that it gives no slug', async (title) => {
    const io = captureIo();
    expect(await main(['new', title], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^the title is empty: give it in quotes/);
  });

  it('new with a title that begins with - (a temperature) says to write -- before it, and takes it after --', async () => {
    const io = captureIo();
    expect(await main(['new', '-5 stopinj zjutraj'], io)).toBe(2);
    expect(io.stderr[0]).toContain('write -- before the title');
    expect(io.stderr[0]).toContain('npm run new -- -- "-5 stopinj zjutraj"');
    const root = await makeTempDir();
    roots.push(root);
    const created = captureIo();
    expect(await main(['new', '--root', root, '--', '-5 stopinj zjutraj'], created)).toBe(0);
    expect(created.stdout[0]).toMatch(/^created content\/articles\/\d{4}\/5-stopinj-zjutraj\.md$/);
  });

  it('new prints the build\'s warning for a --people name with no person file after writing the file, and exits 0', async () => {
    const root = await copyFixture('unknown-person');
    roots.push(root);
    const io = captureIo();
    expect(await main(['new', '--root', root, 'Srečanje na Floridi', '--people', 'Steve Witkof'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^created content\/articles\/\d{4}\/srecanje-na-floridi\.md$/);
    expect(io.stderr.join('')).toMatch(/^warning: content\/articles\/\d{4}\/srecanje-na-floridi\.md:4 {2}article\/unknown-person\n {2}"Steve Witkof" has no file in content\/people\//);
    expect(io.stderr.join('')).toContain('hint: write Steve Witkoff, the name in content/people/steve-witkoff.md, if that is who is meant');
  });

  it.each([
    ['capitals and a space', 'Seja Vlade', '--slug "Seja Vlade" may hold only lowercase letters a–z, digits and single hyphens; write --slug seja-vlade'],
    ['202 characters', `${'a'.repeat(200)}-2`, '--slug is 202 characters long; a slug holds at most 200; write a shorter one, such as --slug'],
  ])('new and import refuse a --slug of %s as a command-line mistake (exit 2), with the slug to write, and write nothing', async (_, slug, message) => {
    // new exited 1, the code of a content problem, for the --slug that import refused with 2.
    const root = await makeTempDir();
    roots.push(root);
    const source = path.join(root, 'prispevek.txt');
    await writeFile(source, 'Vlada je zasedala.\n');
    for (const argv of [['new', 'Seja vlade'], ['import', source]]) {
      const io = captureIo();
      expect(await main([...argv, '--slug', slug, '--root', root], io)).toBe(2);
      expect(io.stderr[0]).toContain(message);
      expect(io.stderr[0]).toContain(`usage: arhivar ${argv[0]}`);
    }
    expect(await readdir(root)).toEqual(['prispevek.txt']);
  });

  it('new --date says that the article is dated today and how to date it otherwise, not how to pass "--date" as a title', async () => {
    const io = captureIo();
    expect(await main(['new', 'Seja vlade', '--date', '2025-06-01'], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^new has no --date: it dates the article today/);
    expect(io.stderr[0]).toContain('date:');
  });

  it('exits 1 on content problems and on an existing file', async () => {
    expect(await main(['build', '--root', await copyFixture('bad-archive'), '--out', path.join(await makeTempDir(), 'dist')], captureIo())).toBe(1);
    const root = await makeTempDir();
    roots.push(root);
    const created = captureIo();
    expect(await main(['new', 'Dvakrat isti naslov', '--root', root, '--people', 'Ana Novak, Boris Kos'], created)).toBe(0);
    expect(created.stdout[0]).toMatch(/^created content\/articles\/\d{4}\/dvakrat-isti-naslov\.md$/);
    const file = path.join(root, created.stdout[0]!.slice('created '.length));
    expect(await readFile(file, 'utf8')).toContain('people: ["Ana Novak", "Boris Kos"]');
    const again = captureIo();
    expect(await main(['new', 'Dvakrat isti naslov', '--root', root], again)).toBe(1);
    expect(again.stderr.join('\n')).toContain('new/exists');
  });

  it('exits 1, naming it, when the output folder is a file, and leaves the file as it was', async () => {
    const { root, io } = await buildWithFileInPlaceOf('dist', 'not a site\n');
    expect(io.stderr.join('\n')).toContain('dist  output/not-a-folder');
    expect(io.stderr.join('\n')).toContain('dist is not a folder');
    expect(await readFile(path.join(root, 'dist'), 'utf8')).toBe('not a site\n');
    // Reported before any work: no staging tree was started beside it.
    expect((await readdir(root)).filter((name) => name.startsWith('.dist'))).toEqual([]);

    const elsewhere = path.join(await makeTempDir(), 'site.html');
    await writeFile(elsewhere, '<p>keep me</p>\n');
    const out = captureIo();
    expect(await main(['build', '--root', root, '--out', elsewhere], out)).toBe(1);
    expect(out.stderr.join('\n')).toContain('output/not-a-folder');
    expect(await readFile(elsewhere, 'utf8')).toBe('<p>keep me</p>\n');
  });

  it('refuses an output folder that holds the project or lies inside one of its folders, and deletes nothing', async () => {
    const { outer, root } = await siteOneLevelDown();
    const before = (await readdir(root, { recursive: true })).sort();
    const cases: Array<[string, string]> = [
      ['.', 'output/holds-project'],
      ['..', 'output/holds-project'],
      [outer, 'output/holds-project'],
      ['content', 'output/inside-project'],
      ['content/arhiv', 'output/inside-project'],
      ['templates', 'output/inside-project'],
      ['public/site', 'output/inside-project'],
    ];
    for (const [out, code] of cases) {
      const io = captureIo();
      expect(await main(['build', '--root', root, '--out', out], io), out).toBe(1);
      expect(io.stderr.join('\n'), out).toContain(code);
    }
    expect((await readdir(outer)).sort()).toEqual(['site']);
    expect((await readdir(root, { recursive: true })).sort()).toEqual(before);
    // A link to the project folder is the project folder.
    await symlink(root, path.join(outer, 'povezava'));
    expect(await main(['build', '--root', root, '--out', path.join(outer, 'povezava')], captureIo())).toBe(1);
    expect((await readdir(root, { recursive: true })).sort()).toEqual(before);
  });

  it('refuses an output folder that holds a .git, and leaves the checkout as it was', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    await mkdir(path.join(root, 'dist', '.git'), { recursive: true });
    await writeFile(path.join(root, 'dist', '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    const io = captureIo();
    expect(await main(['build', '--root', root], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('dist  output/holds-git');
    expect(await readFile(path.join(root, 'dist', '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
  });

  it('refuses an output folder holding files arhivar did not publish, and publishes into its own folder again', async () => {
    const { outer, root } = await siteOneLevelDown();
    const someones = path.join(outer, 'dokumenti');
    await mkdir(path.join(someones, 'pisma'), { recursive: true });
    await writeFile(path.join(someones, 'pisma', 'pismo.txt'), 'Dragi urednik …\n');
    await writeFile(path.join(someones, 'seznam.txt'), 'mleko\n');

    const refused = captureIo();
    expect(await main(['build', '--root', root, '--out', someones], refused)).toBe(1);
    expect(refused.stderr.join('\n')).toContain('output/not-ours');
    expect(refused.stderr.join('\n')).toContain('pisma, seznam.txt');
    expect(await readFile(path.join(someones, 'pisma', 'pismo.txt'), 'utf8')).toBe('Dragi urednik …\n');
    expect((await readdir(someones)).sort()).toEqual(['pisma', 'seznam.txt']);

    // An empty folder (a file manager's .DS_Store aside) is taken; so is the site arhivar published there,
    // even with .cache/ deleted and so no record of having published it.
    const empty = path.join(outer, 'objava');
    await mkdir(empty);
    await writeFile(path.join(empty, '.DS_Store'), '');
    expect(await main(['build', '--root', root, '--out', empty], captureIo())).toBe(0);
    expect(await readFile(path.join(empty, 'feed.xml'), 'utf8')).toContain('<generator>arhivar</generator>');
    await rm(path.join(root, '.cache'), { recursive: true });
    expect(await main(['build', '--root', root, '--out', empty], captureIo())).toBe(0);
    // A feed.xml of someone else's does not make the folder arhivar's.
    await writeFile(path.join(someones, 'feed.xml'), '<feed><generator>Hugo</generator></feed>\n');
    expect(await main(['build', '--root', root, '--out', someones], captureIo())).toBe(1);
    expect(await readFile(path.join(someones, 'seznam.txt'), 'utf8')).toBe('mleko\n');
  });

  it('knows its own output folder by the record in .cache/ when its feed.xml was deleted, and still refuses a stranger in it', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const dist = path.join(root, 'dist');
    expect(await main(['build', '--root', root], captureIo())).toBe(0);
    const published = (await listFiles(dist)).sort();
    await rm(path.join(dist, 'feed.xml'));
    const rebuilt = captureIo();
    expect(await main(['build', '--root', root], rebuilt), rebuilt.stderr.join('\n')).toBe(0);
    expect((await listFiles(dist)).sort()).toEqual(published);
    expect(await readFile(path.join(dist, 'feed.xml'), 'utf8')).toContain('<generator>arhivar</generator>');

    // A file the record does not name is someone's: the folder is refused, naming it, and nothing is deleted.
    await rm(path.join(dist, 'feed.xml'));
    await writeFile(path.join(dist, '2025', 'beležke.txt'), 'za jutri\n');
    const stranger = captureIo();
    expect(await main(['build', '--root', root], stranger)).toBe(1);
    expect(stranger.stderr.join('\n')).toContain('output/not-ours');
    expect(stranger.stderr.join('\n')).toContain('(2025/beležke.txt)');
    expect(await readFile(path.join(dist, '2025', 'beležke.txt'), 'utf8')).toBe('za jutri\n');

    // Without the record (.cache/ deleted) the first line of robots.txt tells.
    await rm(path.join(dist, '2025', 'beležke.txt'));
    await rm(path.join(root, '.cache'), { recursive: true });
    const signed = captureIo();
    expect(await main(['build', '--root', root], signed), signed.stderr.join('\n')).toBe(0);
    expect((await listFiles(dist)).sort()).toEqual(published);

    // With neither (a site published before robots.txt said whose it is), the message says feed.xml is missing and what to do.
    await rm(path.join(dist, 'feed.xml'));
    await rm(path.join(dist, 'robots.txt'));
    await rm(path.join(root, '.cache'), { recursive: true });
    const recordless = captureIo();
    expect(await main(['build', '--root', root], recordless)).toBe(1);
    const told = recordless.stderr.join('\n');
    expect(told).toContain('output/not-ours');
    expect(told).toContain('no feed.xml');
    expect(told).toContain('delete dist');
    expect((await listFiles(dist)).sort()).toEqual(published.filter((file) => file !== 'feed.xml' && file !== 'robots.txt'));
  });

  it('exits 1, naming it, when public is a file instead of the folder of files published as they are', async () => {
    const { root, io } = await buildWithFileInPlaceOf('public', 'favicon\n');
    expect(io.stderr.join('\n')).toContain('public  public/not-a-folder');
    // The dev server too, which Vite could not start (ENOTDIR, "failed unexpectedly" and exit 3 before).
    const dev = captureIo({ untilStopped: () => Promise.resolve() });
    expect(await main(['dev', '--port', '0', '--root', root], dev)).toBe(1);
    expect(dev.stderr.join('\n')).toContain('public  public/not-a-folder');
    expect(await readFile(path.join(root, 'public'), 'utf8')).toBe('favicon\n');
  });

  it('makes nothing for a --root that does not exist or holds no content/, so new does not take it for a project afterwards', async () => {
    const outer = await makeTempDir();
    roots.push(outer);
    const typo = path.join(outer, 'tipkarska-napaka');
    const commands = [['build'], ['check'], ['people', '--suggest'], ['dev', '--port', '0']];
    for (const command of commands) {
      const io = captureIo({ untilStopped: () => Promise.resolve() });
      expect(await main([...command, '--root', typo], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain('project/missing');
    }
    expect(await readdir(outer)).toEqual([]);
    expect(await main(['new', 'Nov članek', '--root', typo], captureIo())).toBe(1);
    expect(await readdir(outer)).toEqual([]);

    const notAProject = path.join(outer, 'prazna');
    await mkdir(notAProject);
    for (const command of commands) {
      const io = captureIo({ untilStopped: () => Promise.resolve() });
      expect(await main([...command, '--root', notAProject], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain('content/missing');
    }
    expect(await readdir(notAProject)).toEqual([]);
  });

  it('tells a --root that is the content/ folder itself to give the folder that holds it', async () => {
    // --root ./content, from inside the project: »pass --root« was no help to an editor who had passed it.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    for (const command of [['build'], ['check'], ['people', '--suggest']]) {
      const io = captureIo();
      expect(await main([...command, '--root', path.join(root, 'content')], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain(`hint: ${path.join(root, 'content')} is the content/ folder itself: give --root the folder that holds it, --root ${root}`);
    }
    // new and import take a folder without content/ for a new archive: they wrote content/content/articles/…, which no build reads.
    const source = path.join(FIXTURES, 'import', 'witkoff-dmitrijev.txt');
    for (const command of [['new', 'Nov članek'], ['import', source, '--date', '2025-12-22']]) {
      const io = captureIo();
      expect(await main([...command, '--root', path.join(root, 'content')], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain(`hint: ${path.join(root, 'content')} is the content/ folder itself: give --root the folder that holds it, --root ${root}`);
    }
    expect(existsSync(path.join(root, 'content', 'content'))).toBe(false);
  });

  it('import reports what it made', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const io = captureIo();
    const source = path.join(FIXTURES, 'import', 'witkoff-dmitrijev.txt');
    expect(await main(['import', source, '--root', root, '--date', '2025-12-22'], io)).toBe(0);
    // Inside the working folder (the checkout, where the tests run), the file is named from there.
    expect(io.stdout[0]).toMatch(/^imported tests\/fixtures\/import\/witkoff-dmitrijev\.txt → content\/articles\/2025\/steve-witkoff-se-je-skupaj-s-[a-z-]+\.md$/);
    expect(io.stdout[2]).toBe('  date: 2025-12-22; 9 paragraphs, 1 crosshead; people: none found');
    expect(io.stdout.at(-1)).toBe('1 imported, 0 not imported');
  });

  it('import names a file outside the working folder by its whole path, not by a climb of ../', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const folder = await makeTempDir();
    roots.push(folder);
    const source = path.join(folder, 'prispevek.txt');
    await writeFile(source, 'Vlada je zasedala\n\nVlada je danes sprejela proračun.\n');
    const io = captureIo();
    expect(await main(['import', source, '--root', root, '--date', '2025-12-22'], io)).toBe(0);
    expect(io.stdout[0]).toBe(`imported ${source} → content/articles/2025/vlada-je-zasedala.md`);
  });

  it('import of a folder of Word documents gives the hint on saving them as plain text once, then »as for … above«', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const folder = path.join(root, 'agencija');
    await mkdir(folder);
    for (const name of ['a.docx', 'b.docx', 'c.odt']) await writeFile(path.join(folder, name), Buffer.from('PK\x03\x04 dokument', 'latin1'));
    const io = captureIo();
    expect(await main(['import', folder, '--root', root], io)).toBe(1);
    const hints = io.stderr.join('\n').split('\n').filter((line) => line.startsWith('  hint: '));
    expect(hints).toHaveLength(3);
    expect(hints[0]).toMatch(/^ {2}hint: open it where it was made and save it as plain text/);
    const first = path.join(folder, 'a.docx');
    expect(hints.slice(1)).toEqual([`  hint: as for ${first} above`, `  hint: as for ${first} above`]);
    expect(io.stdout.at(-1)).toBe('0 imported, 3 not imported');
  });

  it('import counts the list items it made', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const source = path.join(root, 'ukrepi.txt');
    await writeFile(source, 'Vlada je sprejela tri ukrepe:\n•\tzvišanje plač,\n•\tnižji davki,\n•\tvišje pokojnine.\n');
    const io = captureIo();
    expect(await main(['import', source, '--root', root, '--date', '2025-12-22'], io)).toBe(0);
    expect(io.stdout[2]).toBe('  date: 2025-12-22; 1 paragraph, 0 crossheads, 3 list items; people: none found');
  });

  it('import refuses an empty file argument, which npm run import --date "" passes, instead of importing every .txt under the current folder', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await mkdir(path.join(root, 'content'));
    const npm = 'with npm run, write -- before the arguments, or npm takes --date, --title and --slug for itself: npm run import -- prispevek.txt --date 2025-12-22';
    for (const [argv, message] of [
      [['import', '', '--root', root], `the file or folder to import is empty ("")`],
      [['import', '  ', '--root', root], `the file or folder to import is empty ("  ")`],
      // npm run import prispevek.txt --date 2025-12-22 passes the date as a second file.
      [['import', 'prispevek.txt', '2025-12-22', '--root', root], 'give one plain-text file or folder, such as arhivar import prispevek.txt'],
    ] as const) {
      const io = captureIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr.join('\n')).toContain(`${message}; ${npm}`);
    }
    expect(await readdir(path.join(root, 'content'))).toEqual([]);
  });

  it('people refuses an empty article file with the usage exit code, not a missing-file report about the current folder', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await mkdir(path.join(root, 'content', 'articles'), { recursive: true });
    for (const written of ['', ' ']) {
      const io = captureIo();
      expect(await main(['people', written, '--root', root], io)).toBe(2);
      expect(io.stderr.join('\n')).toContain(`the article file is empty ("${written}"): give one, such as content/articles/2025/witkoff.md, or --suggest`);
    }
  });

  it('exits 3 when the system refuses (the preview port is taken)', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const root = await makeTempDir();
    roots.push(root);
    await mkdir(path.join(root, 'dist'));
    const io = captureIo({ untilStopped: () => Promise.resolve() });
    try {
      expect(await main(['preview', '--root', root, '--port', String(port)], io)).toBe(3);
      expect(io.stderr.join('\n')).toContain('EADDRINUSE');
      // The hint is the line to type, with the options given and a port that is free.
      const line = /serve on another port: (npm run preview -- --port (\d+) --root (\S+))\n/.exec(io.stderr.join('\n'));
      expect(line?.[3]).toBe(root);
      const suggested = Number(line![2]);
      expect(suggested).toBeGreaterThan(port);
      const probe = createServer();
      await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(suggested, '127.0.0.1', resolve));
      probe.close();
    } finally {
      blocker.close();
    }
  });

  it('says plainly that the disk is full, exits 3 and leaves dist/ as it was', async (context) => {
    await onSmallDisk(context, async (mountPoint, leaveFree) => {
      const root = path.join(mountPoint, 'projekt');
      await cp(path.join(FIXTURES, 'archive-basic'), root, { recursive: true });
      await cp(path.join(PROJECT_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
      expect(await main(['build', '--root', root], captureIo())).toBe(0);
      const before = await listFiles(path.join(root, 'dist'));
      const bytes = async () => Promise.all(before.map((file) => readFile(path.join(root, 'dist', file), 'utf8')));
      const published = await bytes();
      // Every page changes, and only 40 KB are left for them.
      await writeFile(path.join(root, 'content/site.yaml'), (await readFile(path.join(root, 'content/site.yaml'), 'utf8')).replace('Testni arhiv', 'Preizkusni arhiv'));
      await leaveFree(40_000);

      const io = captureIo();
      expect(await main(['build', '--root', root], io)).toBe(3);
      const printed = io.stderr.join('\n');
      expect(printed).toMatch(/^system\/disk-full\n {2}the disk is full \(ENOSPC, \w+\); the output folder holds a whole site: the last good build, or this one if it got as far as publishing\n {2}hint: free some space/);
      expect(printed).not.toContain('failed unexpectedly');
      expect(await listFiles(path.join(root, 'dist'))).toEqual(before);
      expect(await bytes()).toEqual(published);
      // The unfinished staging tree is removed by a detached rm (output/side-trees.ts removeInBackground), so the
      // command can end first: on a busy machine it may still be running when main() returns.
      const leftovers = async () => (await readdir(root)).filter((name) => name.startsWith('.dist-'));
      for (let tries = 0; tries < 100 && (await leftovers()).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await leftovers()).toEqual([]);
    });
  });

  it('leaves no lock behind when the disk is too full to write it, so the next build does not wait', async (context) => {
    await onSmallDisk(context, async (mountPoint, leaveFree) => {
      const root = path.join(mountPoint, 'projekt');
      await cp(path.join(FIXTURES, 'archive-basic'), root, { recursive: true });
      await cp(path.join(PROJECT_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
      await leaveFree(0);
      const full = captureIo();
      expect(await main(['build', '--root', root], full)).toBe(3);
      expect(full.stderr.join('\n')).toContain('system/disk-full');
      expect(await readdir(root)).not.toContain('.dist-lock');

      await rm(path.join(mountPoint, 'polnilo'));
      const io = captureIo();
      expect(await main(['build', '--root', root], io)).toBe(0);
      expect(io.stderr.join('\n')).not.toContain('waiting');
    });
  });

  it('checks the links of a site on a read-only file system, where it cannot take the build lock', async (context) => {
    await onSmallDisk(context, async (mountPoint) => {
      const root = await copyFixture('archive-basic');
      roots.push(root);
      const site = path.join(mountPoint, 'splet');
      expect(await main(['build', '--root', root, '--out', site], captureIo())).toBe(0);
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      const io = captureIo();
      expect(await main(['check', '--root', root, '--out', site], io)).toBe(0);
      expect(io.stdout.join('\n')).toContain(`every internal link in ${path.relative(root, site)}/ resolves`);
    });
  });

  it('checks a read-only checkout: content without writing .cache/, and the links of its build', async (context) => {
    await onSmallDisk(context, async (mountPoint) => {
      const root = path.join(mountPoint, 'projekt');
      await cp(path.join(FIXTURES, 'archive-basic'), root, { recursive: true });
      await cp(path.join(PROJECT_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
      expect(await main(['build', '--root', root], captureIo())).toBe(0);
      // A changed article: its validation and body are not in .cache/, and could not be kept there.
      await writeFile(path.join(root, 'content/articles/2025/prvi.md'), `${await readFile(path.join(root, 'content/articles/2025/prvi.md'), 'utf8')}\nDodan stavek.\n`);
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      const io = captureIo();
      expect(await main(['check', '--root', root], io)).toBe(0);
      expect(io.stdout).toEqual(['checked 5 articles: no problems; every internal link in dist/ resolves']);
    });
  });

  it('leaves no piece of an imported article behind when the disk fills up while writing it', async (context) => {
    await onSmallDisk(context, async (mountPoint, leaveFree) => {
      const root = path.join(mountPoint, 'projekt');
      await cp(path.join(FIXTURES, 'archive-basic', 'content'), path.join(root, 'content'), { recursive: true });
      const before = await listFiles(path.join(root, 'content'));
      // The seed article four times over: about 12 KB, where 6 KB are left.
      const seed = await readFile(path.join(FIXTURES, 'import', 'witkoff-dmitrijev.txt'), 'utf8');
      const [first, ...rest] = seed.split('\n');
      const source = path.join(await makeTempDir(), 'dolgo.txt');
      roots.push(path.dirname(source));
      await writeFile(source, [first, ...rest, ...rest, ...rest, ...rest].join('\n'));
      await leaveFree(6_000);

      const io = captureIo();
      expect(await main(['import', source, '--root', root, '--date', '2025-12-22'], io)).toBe(3);
      expect(io.stderr.join('\n')).toMatch(/^system\/disk-full\n {2}the disk is full \(ENOSPC, write\)\n/);
      expect(await listFiles(path.join(root, 'content'))).toEqual(before);
    });
  });

  it('dev prints each problem of a load and counts them in agreeing words (1 problem: … shows it)', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    await writeFile(path.join(root, 'content/articles/2025/pokvarjen.md'), '---\ntitle: Brez datuma\n---\n\nBesedilo.\n');
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = captureIo({ untilStopped: () => stopped });
    const running = main(['dev', '--root', root, '--port', '0'], io);
    for (let i = 0; i < 500 && !io.stderr.some((line) => line.includes('problem')); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(io.stderr.join('\n')).toContain('article/missing-date');
    expect(io.stderr).toContain('1 problem: the browser shows it until it is fixed.');
    stop();
    expect(await running).toBe(0);
  });

  it('dev tells the terminal of an article moved by an edited headline, where the page went and what the published site does', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = captureIo({ untilStopped: () => stopped });
    const running = main(['dev', '--root', root, '--port', '0'], io);
    await waitFor(() => io.stdout.some((line) => line.startsWith('loaded ')), 'the first load');
    const file = path.join(root, 'content/articles/2025/prvi.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: "Prvi članek o občini"', 'title: "Proračun sprejet na seji"'));
    await waitFor(() => io.stdout.some((line) => line.includes('is now at')), 'the note on the moved article');
    expect(io.stdout).toContain(
      'content/articles/2025/prvi.md is now at /2025/01/10/proracun-sprejet-na-seji/: the browser is sent there from /2025/01/10/prvi-clanek-o-obcini/ while npm run dev runs; on the published site that address leads to the 404 page unless redirectFrom: lists it (npm run build says so, article/address-changed)',
    );
    stop();
    expect(await running).toBe(0);
  });

  it('preview without a built site says to build first and exits 1, not with the code of a wrong command line', async () => {
    const root = await makeTempDir();
    roots.push(root);
    const io = captureIo();
    expect(await main(['preview', '--root', root, '--port', '0'], io)).toBe(1);
    expect(io.stderr).toEqual([`there is no built site in ${path.join(root, 'dist')}; build it first: npm run build -- --root ${root}`]);
  });

  it('preview without a built site gives the build command with the --root and --out it was given', async () => {
    const outer = await makeTempDir();
    roots.push(outer);
    const root = path.join(outer, 'moj arhiv');
    await mkdir(root);
    const io = captureIo();
    expect(await main(['preview', '--root', root, '--out', 'izdaja', '--port', '0'], io)).toBe(1);
    expect(io.stderr).toEqual([`there is no built site in ${path.join(root, 'izdaja')}; build it first: npm run build -- --root ${JSON.stringify(root)} --out izdaja`]);
  });

  it('preview serves until stopped, then exits 0', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await mkdir(path.join(root, 'dist'));
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = captureIo({ untilStopped: () => stopped });
    const running = main(['preview', '--root', root, '--port', '0'], io);
    await waitFor(() => io.stdout.length > 0, 'the address preview serves at');
    expect(io.stdout[0]).toMatch(/^arhivar preview: serving .* at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl\+C stops\)$/);
    stop();
    expect(await running).toBe(0);
  });

  it('preview serves dist/ under the path it was built for when content/site.yaml gives another since, and says so', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await mkdir(path.join(root, 'dist', 'iskanje'), { recursive: true });
    await writeFile(path.join(root, 'dist', 'iskanje', 'indeks.json'), JSON.stringify({ version: 2, base: '/arhiv/iskanje/indeks/' }));
    await writeFile(path.join(root, 'dist', 'index.html'), '<!doctype html><title>Arhiv</title>');
    await mkdir(path.join(root, 'content'));
    await writeFile(path.join(root, 'content', 'site.yaml'), 'baseUrl: https://example.si/novo/\n');
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = captureIo({ untilStopped: () => stopped });
    const running = main(['preview', '--root', root, '--port', '0'], io);
    await waitFor(() => io.stdout.length >= 2, 'the address preview serves at and the note on its path');
    const address = /at (http:\/\/127\.0\.0\.1:\d+\/arhiv\/) /.exec(io.stdout[0] ?? '')?.[1];
    expect(address, io.stdout[0]).toBeDefined();
    expect(io.stdout[1]).toBe('note: dist/ was built for the path /arhiv/, and is served there; content/site.yaml now gives /novo/: run npm run build to publish under it');
    expect((await fetch(address!)).status).toBe(200);
    stop();
    expect(await running).toBe(0);
  });

  it('preview moves to the path of a build that replaces dist/ under another baseUrl, and says so', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const quiet = captureIo();
    expect(await main(['build', '--root', root], quiet)).toBe(0);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = captureIo({ untilStopped: () => stopped });
    const running = main(['preview', '--root', root, '--port', '0'], io);
    try {
      await waitFor(() => io.stdout.length > 0, 'the address preview serves at');
      const origin = /at (http:\/\/127\.0\.0\.1:\d+)\/ /.exec(io.stdout[0] ?? '')?.[1];
      expect(origin, io.stdout[0]).toBeDefined();
      expect((await fetch(`${origin}/osebe/`)).status).toBe(200);

      const siteYaml = path.join(root, 'content', 'site.yaml');
      await writeFile(siteYaml, (await readFile(siteYaml, 'utf8')).replace(/^baseUrl: .*$/m, 'baseUrl: https://example.si/novice/'));
      expect(await main(['build', '--root', root], quiet)).toBe(0);
      // The pages of dist/ link under /novice/ now: served at the old path, every link of the site led to a 404.
      const home = await fetch(`${origin}/`, { redirect: 'manual' });
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe('/novice/');
      expect((await fetch(`${origin}/novice/osebe/`)).status).toBe(200);
      expect((await fetch(`${origin}/osebe/`)).status).toBe(404);
      expect(io.stdout.slice(1)).toEqual([`arhivar preview: dist/ was built again for the path /novice/: serving ${origin}/novice/ (Ctrl+C stops)`]);
    } finally {
      stop();
      expect(await running).toBe(0);
    }
  });

  it('preview prints the address under the path of baseUrl, where it serves the site', async () => {
    const root = await makeTempDir();
    roots.push(root);
    await mkdir(path.join(root, 'dist'));
    await mkdir(path.join(root, 'content'));
    await writeFile(path.join(root, 'content', 'site.yaml'), 'baseUrl: https://example.si/novice/arhiv/\n');
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = captureIo({ untilStopped: () => stopped });
    const running = main(['preview', '--root', root, '--port', '0'], io);
    await waitFor(() => io.stdout.length > 0, 'the address preview serves at');
    expect(io.stdout[0]).toMatch(/^arhivar preview: serving .* at http:\/\/127\.0\.0\.1:\d+\/novice\/arhiv\/ \(Ctrl\+C stops\)$/);
    stop();
    expect(await running).toBe(0);
  });
});

describe('options npm run kept for itself', () => {
  // npm run keeps an option written before -- and leaves it in the script's environment as npm_config_<name>:
  // npm run build --future built without --future, npm run build --out=dist2 into dist/, with exit code 0.
  it.each([
    ['build', [], { npm_config_future: 'true' }, '--future', 'it', '--future'],
    ['build', ['--future'], { npm_config_out: 'izhod 2' }, '--out "izhod 2"', 'it', '--future --out "izhod 2"'],
    ['check', [], { npm_config_out: 'dist2', npm_config_future: 'true' }, '--out dist2 --future', 'them', '--out dist2 --future'],
    ['people', [], { npm_config_suggest: 'true' }, '--suggest', 'it', '--suggest'],
  ] as const)('%s %j with %j is refused with the line to write (exit 2), not run without the option', async (command, argv, kept, taken, pronoun, written) => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const io = captureIo({ env: { npm_lifecycle_event: command, ...kept }, untilStopped: async () => undefined });
    expect(await main([command, '--root', root, ...argv], io)).toBe(2);
    expect(io.stderr[0]!.split('\n')[0]).toBe(
      `npm run took ${taken} for itself, as it takes every option written before --, so arhivar ${command} did not get ${pronoun}: write npm run ${command} -- --root ${root} ${written}`,
    );
    expect((await readdir(root)).sort()).toEqual(['content', 'templates']);
  });

  // npm run build --future --root ../x: npm keeps --root as "true" and passes ../x on as an argument. The line given
  // was »write npm run build -- ../x --future«, without --root.
  it.each([
    ['build', ['../x'], { npm_config_future: 'true', npm_config_root: 'true' }, 'npm run took --future and --root for itself, as it takes every option written before --, and passed the value of --root on as an argument, so arhivar build did not get them: write npm run build -- --root ../x --future'],
    ['dev', ['4000'], { npm_config_port: 'true' }, 'npm run took --port for itself, as it takes every option written before --, and passed the value of --port on as an argument, so arhivar dev did not get it: write npm run dev -- --port 4000'],
    ['build', ['izhod 2', '--future'], { npm_config_out: 'true' }, 'npm run took --out for itself, as it takes every option written before --, and passed the value of --out on as an argument, so arhivar build did not get it: write npm run build -- --out "izhod 2" --future'],
    ['build', ['../x', 'dist2'], { npm_config_future: 'true', npm_config_root: 'true', npm_config_out: 'true' }, 'npm run took --future, --root and --out for itself, as it takes every option written before --, and passed the values of --root and --out on among the arguments ../x and dist2, which cannot be told apart, so arhivar build did not get them: write npm run build -- and after it --root and --out each followed by its value, and --future'],
    ['build', ['../x', 'dist2'], { npm_config_root: 'true' }, 'npm run took --root for itself, as it takes every option written before --, and passed the value of --root on among the arguments ../x and dist2, which cannot be told apart, so arhivar build did not get it: write npm run build -- and after it --root followed by its value'],
  ] as const)('%s %j with %j puts the value npm passed on back after its option, when it is clear whose it is', async (command, argv, kept, told) => {
    const io = captureIo({ env: { npm_lifecycle_event: command, ...kept }, untilStopped: async () => undefined });
    expect(await main([command, ...argv], io)).toBe(2);
    expect(io.stderr[0]!.split('\n')[0]).toBe(told);
  });

  // npm run new "Seja vlade" --tags vlada: npm keeps --tags as "true" and passes vlada on as a second title. The
  // answer was »give the title as one argument, in quotes«, to an editor who had.
  it.each([
    ['new', ['Seja vlade', 'vlada'], { npm_config_tags: 'true' }, 'npm run took --tags for itself, as it takes every option written before --, and passed the value of --tags on among the arguments "Seja vlade" and vlada, which cannot be told apart, so arhivar new did not get it: write npm run new -- and after it the title, in quotes, and --tags followed by its value'],
    ['import', ['prejeto/a.txt', '2025-12-22'], { npm_config_date: 'true' }, 'npm run took --date for itself, as it takes every option written before --, and passed the value of --date on among the arguments prejeto/a.txt and 2025-12-22, which cannot be told apart, so arhivar import did not get it: write npm run import -- and after it the file or folder, and --date followed by its value'],
  ] as const)('%s %j with %j names the option npm took, not the title or file as the mistake', async (command, argv, kept, told) => {
    const io = captureIo({ env: { npm_lifecycle_event: command, ...kept } });
    expect(await main([command, ...argv], io)).toBe(2);
    expect(io.stderr[0]!.split('\n')[0]).toBe(told);
  });

  it('leaves alone an option given after -- as well, and another npm script', async () => {
    const root = await copyFixture('archive-basic');
    roots.push(root);
    expect(await main(['build', '--root', root, '--future'], captureIo({ env: { npm_lifecycle_event: 'build', npm_config_future: 'true' } }))).toBe(0);
    // npm test --future: the option was npm's, for a script that is not arhivar's build.
    expect(await main(['check', '--root', root], captureIo({ env: { npm_lifecycle_event: 'test', npm_config_future: 'true' } }))).toBe(0);
  });

  it('leaves alone a switch npm kept as off (npm run build --no-future), which the command is without it', async () => {
    // npm leaves --no-future and --future=false as npm_config_future="": the line given was »write npm run build --
    // --future«, which publishes the embargoed articles the editor had said to keep back.
    const root = await copyFixture('archive-basic');
    roots.push(root);
    const io = captureIo({ env: { npm_lifecycle_event: 'build', npm_config_future: '' } });
    expect([await main(['build', '--root', root], io), io.stderr]).toEqual([0, []]);
  });
});
