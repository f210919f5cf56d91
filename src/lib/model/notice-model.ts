import { compileIndexNoFormat, DEFAULT_INDEX_NO_FORMAT, type IndexNoRules } from './index-no';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_DOC_TYPES,
  DEFAULT_RESULT_CLASSES,
  type CategoryKind,
} from './site-config';
import { toSimplified } from '../text/simplified';

/**
 * The part of the site configuration the content model reads, resolved once: category kinds,
 * issuers with their names, aliases and 索引号 rules, document types and result classes. The
 * check, the Astro collection, the importer and `npm run new` all build their schema from it.
 */
export interface NoticeModel {
  /** 组配分类 names in the site's order. */
  categories: readonly string[];
  kindOf(category: string): CategoryKind | undefined;
  /** True when the site lists its issuers: `issuer` must then be one of them (or an alias). */
  issuersListed: boolean;
  /** The configured issuer a name or alias stands for. */
  issuer(name: string): ResolvedIssuer | undefined;
  /** Every configured name (not aliases), for messages. */
  issuerNames: readonly string[];
  /** 索引号 rules of an issuer as written (a name, an alias or an unlisted office). */
  indexNoRules(issuer: string | undefined): IndexNoRules;
  docTypes: readonly string[];
  /** 办理结果类别: code → label. */
  resultClasses: ReadonlyMap<string, string>;
  /** A stable text of everything above, for cache keys. */
  fingerprint: string;
}

export interface ResolvedIssuer {
  name: string;
  code?: string;
  rules: IndexNoRules;
}

/** What the model needs of a site configuration (SiteConfig fits). */
export interface ModelConfig {
  categories: ReadonlyArray<{ name: string; kind?: CategoryKind }>;
  issuers?: ReadonlyArray<{
    name: string;
    code?: string;
    aliases?: readonly string[];
    indexNoFormat?: string;
    checkDigit?: boolean;
  }>;
  indexNoFormat?: string;
  docTypes?: readonly string[];
  resultClasses?: ReadonlyArray<{ code: string; label: string }>;
}

/** A bare list of category names means the default kinds and defaults for the rest. */
export type ModelSource = readonly string[] | ModelConfig;

export function noticeModel(source: ModelSource): NoticeModel {
  const config: ModelConfig = isNameList(source)
    ? {
        categories: source.map(
          (name) =>
            DEFAULT_CATEGORIES.find((c) => c.name === name) ?? { name, kind: '其他' as const },
        ),
      }
    : source;
  const kinds = new Map(config.categories.map((c) => [c.name, (c.kind ?? '其他') as CategoryKind]));
  const siteFormat = compileIndexNoFormat(config.indexNoFormat ?? DEFAULT_INDEX_NO_FORMAT);
  const byName = new Map<string, ResolvedIssuer>();
  for (const i of config.issuers ?? []) {
    const resolved: ResolvedIssuer = {
      name: i.name,
      ...(i.code ? { code: i.code } : {}),
      rules: {
        format: i.indexNoFormat ? compileIndexNoFormat(i.indexNoFormat) : siteFormat,
        ...(i.code ? { code: i.code } : {}),
        issuer: i.name,
        checkDigit: i.checkDigit ?? true,
      },
    };
    for (const n of [i.name, ...(i.aliases ?? [])]) byName.set(n, resolved);
  }
  const unlisted: IndexNoRules = { format: siteFormat, checkDigit: true };
  const docTypes = config.docTypes ?? [...DEFAULT_DOC_TYPES];
  const resultClasses = new Map<string, string>(
    (config.resultClasses ?? DEFAULT_RESULT_CLASSES).map((c) => [c.code, c.label]),
  );
  return {
    categories: config.categories.map((c) => c.name),
    kindOf: (category) => kinds.get(category),
    issuersListed: byName.size > 0,
    issuer: (name) => byName.get(name),
    issuerNames: (config.issuers ?? []).map((i) => i.name),
    indexNoRules: (issuer) =>
      (issuer !== undefined && byName.get(issuer)?.rules) || {
        ...unlisted,
        ...(issuer ? { issuer } : {}),
      },
    docTypes,
    resultClasses,
    fingerprint: JSON.stringify([
      config.categories,
      config.issuers ?? [],
      siteFormat.pattern,
      docTypes,
      [...resultClasses],
    ]),
  };
}

/** A model from either form (already resolved, or a configuration to resolve). */
export const asModel = (source: ModelSource | NoticeModel): NoticeModel =>
  'kindOf' in source ? source : noticeModel(source);

const isNameList = (s: ModelSource): s is readonly string[] => Array.isArray(s);

/**
 * A configured name an unknown issuer was probably meant to be: the same name in simplified
 * characters (區科技局 → 区科技局), or once spaces and full-width forms are folded.
 */
export function issuerSuggestion(model: NoticeModel, written: string): string | undefined {
  const folded = toSimplified(written.normalize('NFKC').replace(/\s+/g, ''));
  const hit = model.issuer(folded);
  return hit && folded !== written ? folded : undefined;
}
