import { spawnSync, type SpawnSyncReturns } from 'child_process';
import { join } from 'path';
import type { LineTemplate, TemplateVariables } from './render';

/**
 * The user's template, rendered in a child process with a bound on time, memory and output.
 * Nunjucks runs a template to its end and cannot be interrupted: a loop over
 * `range(0, 100000000)`, a macro that calls itself twice or `"x".repeat(1e9)` would hang the
 * build or abort it, and a worker thread that runs out of memory takes the process with it.
 * A child can be killed. Each markup is rendered once per template and items, and kept.
 */

/** How long one render may take, the child's start included. */
export const RENDER_MS = 5000;
/** The heap a render may use. */
export const RENDER_HEAP_MB = 64;
/** The largest line a template may write: a filing line is a few hundred bytes. */
export const LINE_MAX_CHARS = 64 * 1024;

/** What the child is sent on its stdin, as JSON. */
export interface RenderRequest {
  source: string;
  path: string;
  variables: TemplateVariables;
  maxChars: number;
}

/** What it writes on its stdout, as JSON: the markup, or nunjucks' message. */
export type RenderReply = { html: string } | { error: string };

const CHILD = join(__dirname, 'sandbox-child.js');

/** Markup by request: `hexo server` renders the same template on the same items at every build. */
const rendered = new Map<string, RenderReply>();

function renderBounded(source: string, path: string, variables: TemplateVariables): string {
  const request = JSON.stringify({ source, path, variables, maxChars: LINE_MAX_CHARS } satisfies RenderRequest);
  let reply = rendered.get(request);
  if (reply === undefined) {
    const child = spawnSync(process.execPath, [`--max-old-space-size=${RENDER_HEAP_MB}`, CHILD], {
      input: request,
      timeout: RENDER_MS,
      killSignal: 'SIGKILL',
      maxBuffer: LINE_MAX_CHARS * 8,
      encoding: 'utf8',
      windowsHide: true
    });
    reply = readReply(child.status === 0 ? child.stdout : undefined);
    if (reply === undefined) throw new Error(`rendering ${stopped(child)}`);
    if (rendered.size >= 64) rendered.clear(); // bounded, however often the template changes under hexo server
    rendered.set(request, reply);
  }
  if ('error' in reply) throw new Error(reply.error);
  return reply.html;
}

/** Why a child gave no reply: killed at the time bound, out of memory, or unable to start. */
function stopped(child: SpawnSyncReturns<string>): string {
  const code = (child.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ETIMEDOUT') return `ran over ${RENDER_MS / 1000} s and was stopped`;
  if (child.error) return `could not be done (${child.error.message})`;
  if (/heap out of memory|heap limit/i.test(child.stderr)) return `ran out of its ${RENDER_HEAP_MB} MB and was stopped`;
  return `stopped with ${child.status ?? child.signal}`;
}

function readReply(stdout: string | undefined): RenderReply | undefined {
  if (!stdout) return undefined;
  try {
    const reply = JSON.parse(stdout) as Partial<{ html: unknown; error: unknown }>;
    if (typeof reply.html === 'string') return { html: reply.html };
    if (typeof reply.error === 'string') return { error: reply.error };
  } catch {
    // a child that wrote something else: read as no reply
  }
  return undefined;
}

/**
 * The user's template, as a LineTemplate. Nunjucks compiles it in the child, so a syntax
 * error is thrown by the render, with its line and column.
 */
export function sandboxTemplate(source: string, path: string): LineTemplate {
  return { render: variables => renderBounded(source, path, variables) };
}
