import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isSiteEnabled,
  sanitizeSettings,
  siteKey,
  withSite,
} from '../../utils/settings';

describe('reader settings', () => {
  it('keys sites by lower-case hostname without www', () => {
    expect(siteKey('WWW.News.CN')).toBe('news.cn');
  });

  it('covers subdomains of a listed site but not look-alikes', () => {
    const sites = ['people.com.cn'];
    expect(isSiteEnabled(sites, 'people.com.cn')).toBe(true);
    expect(isSiteEnabled(sites, 'politics.people.com.cn')).toBe(true);
    expect(isSiteEnabled(sites, 'www.people.com.cn')).toBe(true);
    expect(isSiteEnabled(sites, 'notpeople.com.cn')).toBe(false);
    expect(isSiteEnabled(sites, 'people.com.cn.evil.example')).toBe(false);
  });

  it('adds and removes sites without duplicates', () => {
    const on = withSite(withSite([], 'www.xinhuanet.com', true), 'xinhuanet.com', true);
    expect(on).toEqual(['xinhuanet.com']);
    expect(withSite(on, 'XinhuaNet.com', false)).toEqual([]);
  });

  it('repairs damaged stored settings field by field', () => {
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    const repaired = sanitizeSettings({
      pinyin: false,
      rubyStyle: 'klingon' as never,
      rubySize: 9999,
      script: 'tw',
    });
    expect(repaired).toEqual({ ...DEFAULT_SETTINGS, pinyin: false, script: 'tw' });
  });

  it('marks glossary terms by default; settings stored before the switch existed get it on', () => {
    expect(DEFAULT_SETTINGS.glossary).toBe(true);
    const older: Partial<typeof DEFAULT_SETTINGS> = { ...DEFAULT_SETTINGS };
    delete older.glossary;
    expect(sanitizeSettings(older).glossary).toBe(true);
    expect(sanitizeSettings({ glossary: false }).glossary).toBe(false);
    expect(sanitizeSettings({ glossary: 'no' as never }).glossary).toBe(true);
  });
});
