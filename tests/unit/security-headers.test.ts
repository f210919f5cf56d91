import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CSP_HEADER,
  CSP_META,
  headersFile,
  nginxSnippet,
  SECURITY_HEADERS,
} from '../../src/lib/site/security-headers';
import { IMMUTABLE, IMMUTABLE_RULES, isImmutablePath } from '../../src/lib/site/cache-policy';

const root = join(import.meta.dirname, '../..');

describe('security headers', () => {
  it('the committed server files match the policy (run npm run deploy-files after changing it)', () => {
    expect(readFileSync(join(root, 'public/_headers'), 'utf8')).toBe(headersFile());
    expect(readFileSync(join(root, 'deploy/nginx-security.conf'), 'utf8')).toBe(nginxSnippet());
  });
  it('is strict: no unsafe-inline or unsafe-eval, no objects, frames only by header', () => {
    expect(CSP_HEADER).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(CSP_META).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CSP_META).toContain("object-src 'none'");
    expect(CSP_META).toContain("base-uri 'self'");
    expect(CSP_META).not.toContain('frame-ancestors');
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(headersFile()).toMatch(/X-Content-Type-Options: nosniff/);
    expect(headersFile()).toMatch(/Referrer-Policy: strict-origin-when-cross-origin/);
  });
  it('gives Cache-Control once per path: only the immutable rules in _headers, and nginx repeats the security headers there', () => {
    const rules = headersFile()
      .split('\n\n')
      .map((block) => block.trim().split('\n'));
    expect(rules[0]![0]).toBe('/*');
    expect(rules[0]!.some((line) => /Cache-Control/i.test(line))).toBe(false);
    expect(rules.slice(1).map((r) => r[0])).toEqual(IMMUTABLE_RULES);
    for (const r of rules.slice(1)) expect(r.slice(1)).toEqual([`  Cache-Control: ${IMMUTABLE}`]);
    const location = nginxSnippet().split('location ~ ')[1]!;
    for (const [name] of SECURITY_HEADERS) expect(location).toContain(`add_header ${name} `);
    expect(location).toContain(`Cache-Control "${IMMUTABLE}"`);
    expect(isImmutablePath('/pagefind-3/fragment/zh_0a1b2c3.pf_fragment')).toBe(true);
    expect(isImmutablePath('/notices/700000001-2024-00003/')).toBe(false);
  });
});
