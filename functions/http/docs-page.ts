/**
 * GET /docs: a self-contained API reference rendered from the OpenAPI document (no scripts, no CDN),
 * so it is always the same contract as /openapi.json.
 */
import { PROBLEM_TYPES, problemType } from './problem.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function schemaName(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop();
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  if (schema.type === 'array') return `${schemaName(schema.items)}[]`;
  if (schema.enum) return schema.enum.map((v: unknown) => `<code>${esc(v)}</code>`).join(' | ');
  return esc(schema.type ?? 'object');
}

function operation(method: string, path: string, op: Json): string {
  const params = (op.parameters ?? []) as Json[];
  const body = op.requestBody?.content?.['application/json']?.schema as Json | undefined;
  const rows = params
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${schemaName(p.schema)}</td><td>${p.required ? 'yes' : ''}</td><td>${esc(p.description ?? p.schema?.description ?? '')}</td></tr>`)
    .join('');
  const responses = Object.entries((op.responses ?? {}) as Json)
    .map(([status, r]) => {
      const content = (r as Json).content ?? {};
      const type = Object.keys(content)[0];
      return `<li><b>${esc(status)}</b> ${esc((r as Json).description)}${type ? ` — <code>${esc(type)}</code> ${schemaName(content[type].schema)}` : ''}</li>`;
    })
    .join('');
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
  return `<section class="op" id="${esc(id)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p><b>${esc(op.summary)}</b></p><p>${esc(op.description ?? '')}</p>
${op.security?.length ? '<p class="auth">Requires <code>Authorization: Bearer &lt;key&gt;</code></p>' : ''}
${rows ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th><th></th></tr>${rows}</table>` : ''}
${body ? `<p>Body: <code>application/json</code> ${schemaName(body)}</p>` : ''}
<ul>${responses}</ul></section>`;
}

export function renderDocs(doc: Json, extra: { bodyLimitBytes: number; rateLimit: { perSecond: number; burst: number } }): string {
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      ops.push(operation(method, path, op as Json));
      const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
      toc.push(`<li><a href="#${esc(id)}"><code>${esc(method.toUpperCase())} ${esc(path)}</code></a> ${esc((op as Json).summary)}</li>`);
    }
  }
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Json)
    .map(([name, schema]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${schema.description ? `<p>${esc(schema.description)}</p>` : ''}<pre>${esc(JSON.stringify(schema, null, 2))}</pre></section>`)
    .join('');
  const problems = Object.entries(PROBLEM_TYPES)
    .map(([slug, p]) => `<tr><td><code>${esc(problemType(slug as keyof typeof PROBLEM_TYPES))}</code></td><td>${p.status}</td><td>${esc(p.title)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info?.title)} — API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f5f5f5;padding:.75rem;overflow:auto;max-height:24rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.op{border-top:1px solid #ddd;padding-top:.5rem}.m{display:inline-block;min-width:3.5rem;padding:0 .3rem;border-radius:3px;color:#fff;font-size:12px;text-align:center}
.get{background:#2f6fb0}.post{background:#2e8540}.put{background:#b06f00}.delete{background:#b0302f}.auth{color:#555}
</style></head><body>
<h1>${esc(doc.info?.title)} <small>${esc(doc.info?.version)}</small></h1>
<p>${esc(doc.info?.description ?? '')}</p>
<p>Machine-readable: <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI ${esc(doc.openapi)}).</p>
<h2>Conventions</h2>
<ul>
<li>Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>. Roles: employer (own tenant only), moderator (every tenant of the platform), organizer, admin (everything).</li>
<li>Request bodies are JSON (<code>Content-Type: application/json</code>), at most ${extra.bodyLimitBytes} bytes (${Math.round(extra.bodyLimitBytes / 1024)} KiB).</li>
<li>Rate limit per key: ${extra.rateLimit.perSecond > 0 ? `${extra.rateLimit.perSecond} requests/s sustained, bursts of ${extra.rateLimit.burst}` : 'off'}; 429 carries <code>Retry-After</code>.</li>
<li>Errors are <code>application/problem+json</code> (RFC 9457) with a stable <code>type</code>:</li>
</ul>
<table><tr><th>type</th><th>status</th><th>title</th></tr>${problems}</table>
<h2>Endpoints</h2><ul>${toc.join('')}</ul>
${ops.join('\n')}
<h2>Schemas</h2>${schemas}
</body></html>`;
}
