import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scriptCharactersModule, scriptOnlyCharacters } from '../../scripts/lib/script-characters';
import { detectScript } from '../../utils/zh/detect-script';

describe('script-specific characters', () => {
  it('are what opencc-js’s character tables give (else run scripts/compile-script-characters.ts)', () => {
    const written = readFileSync(
      new URL('../../utils/zh/script-characters.ts', import.meta.url),
      'utf8',
    );
    expect(written === scriptCharactersModule(scriptOnlyCharacters())).toBe(true);
  });

  it('tell the scripts apart', () => {
    expect(detectScript('經濟發展')).toBe('traditional');
    expect(detectScript('经济发展')).toBe('simplified');
    expect(detectScript('中文')).toBe('unknown');
  });
});
