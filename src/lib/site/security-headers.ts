/**
 * The site's security policy, one definition for the <meta> tags on every page and for the
 * server files in deploy/ (frame-ancestors and nosniff only work as real headers).
 * Pagefind's search needs WebAssembly: 'wasm-unsafe-eval', not 'unsafe-eval'.
 */
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

/** A `_headers` file (Netlify, Cloudflare Pages and similar hosts). */
export function headersFile(): string {
  return `/*\n${SECURITY_HEADERS.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
}

/** An nginx snippet to include in the site's server block. */
export function nginxSnippet(): string {
  return [
    '# gongkai security headers: include in the server { } block that serves dist/.',
    ...SECURITY_HEADERS.map(([k, v]) => `add_header ${k} "${v}" always;`),
    '# nginx ≥ 1.21 maps .wasm to application/wasm in its stock mime.types; older ones need that line added there.',
    '',
  ].join('\n');
}
