import Signature from './Signature.astro';
import Figure from './Figure.astro';
import Note from './Note.astro';
import AttachmentRef from './AttachmentRef.astro';

/**
 * The components an MDX notice may use, by the Chinese names editors write. This map is the whole
 * allowlist: the content policy rejects any other component, and no notice needs an import.
 */
export const NOTICE_COMPONENTS = {
  落款: Signature,
  图: Figure,
  提示: Note,
  附件: AttachmentRef,
} as const;
