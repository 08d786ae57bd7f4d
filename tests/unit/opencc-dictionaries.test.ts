import * as OpenCC from 'opencc-js';
import * as preset from 'opencc-js/preset';
import { describe, expect, it } from 'vitest';
// Without opencc-all: what the page's reader has before it asks the background for more.
import {
  convertText,
  missingOpenccDictionaries,
  registerOpenccDictionaries,
} from '../../utils/zh/convert';
import {
  NAMED_CONFIGS,
  NAMED_FROM,
  NAMED_TO,
  OPENCC_DICTIONARY_NAMES,
  type NamedGroup,
  type OpenccDictionaryName,
} from '../../utils/zh/opencc-dictionaries';

/** The dictionaries' texts, read from the preset itself through the structures we mirror. */
async function dictionaryTexts(): Promise<Record<OpenccDictionaryName, string>> {
  const entries = await Promise.all(
    OPENCC_DICTIONARY_NAMES.map(
      async (name) =>
        [name, ((await import(`opencc-js/dict/${name}`)) as { default: string }).default] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<OpenccDictionaryName, string>;
}

/** The preset's groups with each dictionary replaced by its name (readable when they differ). */
function namesOf(groups: unknown, names: Map<unknown, OpenccDictionaryName>): unknown {
  if (names.has(groups)) return names.get(groups);
  return Array.isArray(groups) ? groups.map((g) => namesOf(g, names)) : groups;
}

function copy(groups: readonly NamedGroup[] | NamedGroup | undefined): unknown {
  return groups === undefined ? undefined : JSON.parse(JSON.stringify(groups));
}

describe('opencc set-ups by dictionary name', () => {
  it('are exactly opencc-js preset’s configurations', async () => {
    const texts = await dictionaryTexts();
    const names = new Map<unknown, OpenccDictionaryName>(
      Object.entries(texts).map(([name, text]) => [text, name as OpenccDictionaryName]),
    );
    const configs = preset.configs as unknown as Record<
      string,
      { normalizationChain?: unknown; segmentation?: unknown; conversionChain: unknown }
    >;
    expect(Object.keys(NAMED_CONFIGS).sort()).toEqual(Object.keys(configs).sort());
    for (const [name, config] of Object.entries(configs)) {
      const named = NAMED_CONFIGS[name];
      expect(copy(named?.normalizationChain), name).toEqual(
        namesOf(config.normalizationChain, names),
      );
      expect(copy(named?.segmentation), name).toEqual(namesOf(config.segmentation, names));
      expect(copy(named?.conversionChain), name).toEqual(namesOf(config.conversionChain, names));
    }
    expect(Object.keys(NAMED_FROM).sort()).toEqual(Object.keys(preset.from).sort());
    for (const [locale, groups] of Object.entries(preset.from))
      expect(copy(NAMED_FROM[locale]), `from ${locale}`).toEqual(namesOf(groups, names));
    expect(Object.keys(NAMED_TO).sort()).toEqual(Object.keys(preset.to).sort());
    for (const [locale, groups] of Object.entries(preset.to))
      expect(copy(NAMED_TO[locale]), `to ${locale}`).toEqual(namesOf(groups, names));
  });

  it('convert traditional to simplified with the bundled dictionaries only', () => {
    expect(missingOpenccDictionaries('t', 'cn')).toEqual([]);
    expect(convertText('新質生產力', 't', 'cn')).toBe('新质生产力');
  });

  it('name what a traditional display still needs, and convert once it is registered', async () => {
    const missing = missingOpenccDictionaries('cn', 'tw');
    expect(missing).toContain('STPhrases');
    expect(missing).not.toContain('TSCharacters');
    expect(() => convertText('发展', 'cn', 'tw')).toThrow(/opencc dictionary \w+ is not loaded/);
    const texts = await dictionaryTexts();
    registerOpenccDictionaries(Object.fromEntries(missing.map((n) => [n, texts[n]])));
    expect(missingOpenccDictionaries('cn', 'tw')).toEqual([]);
    const text = '坚持以人民为中心的发展思想，头发干了。';
    expect(convertText(text, 'cn', 'tw')).toBe(OpenCC.Converter({ from: 'cn', to: 'tw' })(text));
  });
});
