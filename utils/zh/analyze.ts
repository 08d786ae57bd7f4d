/**
 * `analyze` with pinyin-pro loaded, for everything that reads text without a build-time reading
 * table (CLI, tests, benchmarks, extension pages). The page's reader imports `analyze-core`
 * instead and passes a table, so pinyin-pro is never evaluated on a web page.
 */
import './opencc-all';
import './pinyin-pro-readings';

export * from './analyze-core';
