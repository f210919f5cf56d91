import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP_HEADER, CSP_META, headersFile, nginxSnippet } from '../../src/lib/site/security-headers';

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
});
