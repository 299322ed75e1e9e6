import { readFileSync } from 'fs';
import { compileTemplate } from './render';
import type { RenderReply, RenderRequest } from './sandbox';

/** The child of sandbox.ts: reads one request on stdin, writes the reply on stdout. */

function render({ source, path, variables, maxChars }: RenderRequest): RenderReply {
  try {
    const html = compileTemplate(source, path).render(variables);
    if (html.length > maxChars) return { error: `it wrote ${html.length} characters, over the ${maxChars} a line may have` };
    return { html };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

process.stdout.write(JSON.stringify(render(JSON.parse(readFileSync(0, 'utf8')) as RenderRequest)));
