import { statSync } from 'node:fs';
import { join } from 'node:path';
import { classifyHref } from '../lib/model/attachments';
import { fileFormat, formatBytes } from '../lib/site/format';

/** An attachment as readers see it: its format and size are read from the file the site publishes. */
export interface AttachmentView {
  title: string;
  href: string;
  format: string;
  size: string | null;
  /** Size in bytes (open data), null for an external address. */
  bytes: number | null;
  external: boolean;
}

export function describeAttachment(a: { title: string; href: string }): AttachmentView {
  const target = classifyHref(a.href);
  if (target?.kind !== 'local')
    return {
      title: a.title,
      href: a.href,
      format: fileFormat(a.href),
      size: null,
      bytes: null,
      external: true,
    };
  const bytes = statSync(join(process.cwd(), 'public', target.path)).size;
  return {
    title: a.title,
    href: `/${target.path.split('/').map(encodeURIComponent).join('/')}`,
    format: fileFormat(target.path),
    size: formatBytes(bytes),
    bytes,
    external: false,
  };
}
