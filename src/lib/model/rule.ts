/**
 * What a rule function returns when a value breaks it: a Chinese message first,
 * an English one second, and the form that was expected. `null` means the value is fine.
 */
export interface RuleFailure {
  zh: string;
  en: string;
  /** The form expected, in Chinese, when the rule can say more than the field's general form. */
  expected?: string;
}

export type RuleResult = RuleFailure | null;
