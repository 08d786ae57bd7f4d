import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { convertText, getMappedConverter } from '../../utils/zh/convert';
// Every dictionary, as everywhere but on web pages (opencc-dictionaries.test.ts checks the page's).
import '../../utils/zh/opencc-all';
import { sourcePositions } from '../../utils/zh/offset-map';

describe('mapped opencc conversion', () => {
  it('converts both ways with opencc semantics', () => {
    expect(convertText('經濟發展', 't', 'cn')).toBe('经济发展');
    expect(convertText('经济发展', 'cn', 't')).toBe('經濟發展');
    expect(convertText('软件', 'cn', 'twp')).toBe('軟體');
    expect(convertText('銀行', 'tw', 'cn')).toBe('银行');
  });

  it('produces exactly what opencc-js produces on political text', () => {
    const text = '坚持以人民为中心的发展思想，推动高质量发展，发展新质生产力。后来他说：头发干了。';
    for (const to of ['t', 'tw', 'twp', 'hk'] as const) {
      expect(convertText(text, 'cn', to)).toBe(OpenCC.Converter({ from: 'cn', to })(text));
    }
  });

  it('maps every character back when the conversion keeps length', () => {
    const mapped = getMappedConverter('t', 'cn')('新質生產力');
    expect(mapped.text).toBe('新质生产力');
    expect(sourcePositions(mapped, [0, 1, 2, 3, 4, 5])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses to cut inside a replacement that changed length', () => {
    // s2twp turns the three characters 出租车 into 計程車 (same length) but 移动硬盘 → 行動硬碟;
    // find a replacement whose length differs and check positions inside it are null.
    const mapped = getMappedConverter('cn', 'twp')('我用U盘拷贝');
    const changed = mapped.pieces.find((p) => p.to - p.from !== p.out.length);
    expect(changed).toBeDefined();
    if (!changed) return;
    const startOut = mapped.text.indexOf(changed.out);
    expect(
      sourcePositions(mapped, [startOut, startOut + 1, startOut + changed.out.length]),
    ).toEqual([changed.from, null, changed.to]);
  });

  it('keeps astral characters and ideographic description sequences whole', () => {
    expect(convertText('𠮷发⿰氵每', 'cn', 't')).toBe(
      OpenCC.Converter({ from: 'cn', to: 't' })('𠮷发⿰氵每'),
    );
  });
});
