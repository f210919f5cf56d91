import * as OpenCC from 'opencc-js/t2cn';

let converter: ((text: string) => string) | undefined;

/** Traditional → simplified (OpenCC, mainland forms); the converter is made on first use. */
export function toSimplified(text: string): string {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter(text);
}
