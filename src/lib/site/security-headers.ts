/**
 * The site's security policy, one definition for the <meta> tags on every page and for the
 * server files in deploy/ (frame-ancestors and nosniff only work as real headers), which also
 * carry the cache policy (cache-policy.ts).
 * Pagefind's search needs WebAssembly: 'wasm-unsafe-eval', not 'unsafe-eval'.
 */
import { IMMUTABLE, IMMUTABLE_LOCATION, IMMUTABLE_RULES, REVALIDATE } from './cache-policy';

export const CSP_DIRECTIVES: Array<[string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** As a <meta http-equiv> tag: frame-ancestors is ignored there, so it is left out. */
export const CSP_META = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
/** As an HTTP header: the meta policy plus frame-ancestors. */
export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

export const SECURITY_HEADERS: Array<[string, string]> = [
  ['Content-Security-Policy', CSP_HEADER],
  ['Referrer-Policy', REFERRER_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

/**
 * A `_headers` file (Netlify, Cloudflare Pages and similar hosts). Those hosts add up the headers
 * of every rule a path matches (one header named twice is joined with a comma), so Cache-Control
 * is given only by the immutable rules (cache-policy.ts), never by /*.
 */
export function headersFile(): string {
  const security = `/*\n${SECURITY_HEADERS.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  return [
    security,
    ...IMMUTABLE_RULES.map((rule) => `${rule}\n  Cache-Control: ${IMMUTABLE}\n`),
  ].join('\n');
}

/**
 * An nginx snippet to include in the site's server block. A location with its own add_header
 * inherits none of the server's, so the immutable files' location repeats the security headers.
 */
export function nginxSnippet(): string {
  const security = SECURITY_HEADERS.map(([k, v]) => `add_header ${k} "${v}" always;`);
  return [
    '# gongkai security and cache headers: include in the server { } block that serves dist/.',
    ...security,
    `add_header Cache-Control "${REVALIDATE}" always;`,
    '# Files named by a hash of their content never change (src/lib/site/cache-policy.ts).',
    `location ~ ${IMMUTABLE_LOCATION} {`,
    ...security.map((line) => `    ${line}`),
    `    add_header Cache-Control "${IMMUTABLE}" always;`,
    '}',
    '# nginx ≥ 1.21 maps .wasm to application/wasm in its stock mime.types; older ones need that line added there.',
    '',
  ].join('\n');
}
