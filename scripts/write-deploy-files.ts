/**
 * npm run deploy-files: writes deploy/nginx-security.conf and public/_headers from the one
 * policy definition, so the server files never drift from the <meta> tags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFile, nginxSnippet } from '../src/lib/site/security-headers';

const dir = join(import.meta.dirname, '..', 'deploy');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'nginx-security.conf'), nginxSnippet());
writeFileSync(join(dir, '..', 'public', '_headers'), headersFile());
console.log('已写入 deploy/nginx-security.conf 和 public/_headers（构建时复制到 dist/_headers）。');
