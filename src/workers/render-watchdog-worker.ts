import { Session } from 'node:inspector';
import { parentPort, workerData } from 'node:worker_threads';
import type { StoppedFrame, StopReport, WatchdogData } from '../output/render-watchdog.ts';

/**
 * The thread of output/render-watchdog.ts: watches the main thread's count of renders and, when one render has
 * run for the time limit, stops it through the inspector (the only way one thread can stop another's
 * JavaScript without ending the process). First the main thread is paused: the count is read again while it
 * cannot move, so a render that ended just then is never mistaken for the one that hangs (a termination
 * meant for it would end the build's own code instead), and the paused frames say where the template was. The
 * report is posted only once the main thread has answered every message of the stop: the report ends the build,
 * which ends this thread, and a reply the main thread still had to send it then aborted the whole process
 * (SIGABRT without a message, in Node's inspector::MainThreadInterface::Post). The session is left open, as
 * after a build that stopped nothing: closed here, its removal on the main thread met this thread's end so too.
 */
const { progress: shared, limitMs } = workerData as WatchdogData;
const progress = new Int32Array(shared);

/** Frames kept from the paused stack: the template's are near its top. */
const FRAMES_KEPT = 30;

const session = new Session();
session.connectToMainThread();

const post = <T = unknown>(method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));

interface PausedEvent {
  callFrames: { functionName: string; location: { scriptId: string; lineNumber: number; columnNumber: number } }[];
}

let watched = 0;
let since = performance.now();
let stopping = false;

const timer = setInterval(() => {
  if (stopping) return;
  const render = Atomics.load(progress, 0);
  // An even count: no render runs. Another odd count: a new render began since the last look.
  if (render % 2 === 0 || render !== watched) {
    watched = render;
    since = performance.now();
    return;
  }
  if (performance.now() - since < limitMs) return;
  stopping = true;
  stop(render).then(
    (stopped) => {
      if (stopped) clearInterval(timer);
      else stopping = false;
    },
    () => clearInterval(timer),
  );
}, Math.min(1000, Math.max(10, limitMs / 10)));

/** Stops render number `render` if it still runs; false when it had ended by the time the thread paused. */
async function stop(render: number): Promise<boolean> {
  const scripts = new Map<string, string>();
  const onScript = ({ params }: { params: { scriptId: string; url: string } }) => void scripts.set(params.scriptId, params.url);
  session.on('Debugger.scriptParsed', onScript);
  const paused = new Promise<PausedEvent>((resolve) => session.once('Debugger.paused', ({ params }: { params: PausedEvent }) => resolve(params)));
  await post('Debugger.enable');
  await post('Debugger.pause');
  // The pause takes hold at the main thread's next JavaScript statement: at once in a loop (or a regular expression
  // that backtracks for ever), and only once it returns in a call that blocks the thread, which nothing could stop.
  const where = await paused;
  session.off('Debugger.scriptParsed', onScript);
  if (Atomics.load(progress, 0) !== render) {
    // The render ended before the pause took hold: the thread is paused in the build's own code.
    await post('Debugger.resume');
    await post('Debugger.disable');
    return false;
  }
  const frames: StoppedFrame[] = where.callFrames.slice(0, FRAMES_KEPT).map(({ functionName, location }) => ({
    functionName,
    url: scripts.get(location.scriptId) ?? '',
    line: location.lineNumber + 1,
    column: location.columnNumber + 1,
  }));
  const report: StopReport = { render, frames };
  // Resumed, the thread meets the termination at once; V8 answers terminateExecution once the stack is unwound.
  // Settled, not all fulfilled: the report is what fails the render, and without it the build would wait for good.
  await Promise.allSettled([post('Runtime.terminateExecution'), post('Debugger.resume'), post('Debugger.disable')]);
  parentPort!.postMessage(report);
  return true;
}
