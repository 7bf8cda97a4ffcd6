import { describe, expect, it } from 'vitest';
import { isBzip2 } from '../../src/embedded/ci-images/validation.js';
import { wantsImageFile } from '../../src/embedded/ci-images/download.js';
import { PAGE_LIMIT, linkHeader, pageOffset, pageWindow, parsePage } from '../../src/embedded/ci-images/paging.js';

describe('Djinn paging', () => {
  it('reads page as strconv.Atoi does, anything unusable or below 1 being page 1', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage('+2')).toBe(2);
    expect(parsePage('007')).toBe(7);
    for (const raw of [null, '', '0', '-4', 'abc', '1.5', ' 2', '2 ', '1e3', '99999999999999999999']) expect(parsePage(raw), String(raw)).toBe(1);
  });

  it('clamps prev to at least 1 and next to the page count', () => {
    expect(PAGE_LIMIT).toBe(25);
    expect(pageWindow(1, 0)).toEqual({ page: 1, pages: 0, prev: 1, next: 0 });
    expect(pageWindow(1, 25)).toEqual({ page: 1, pages: 1, prev: 1, next: 1 });
    expect(pageWindow(1, 26)).toEqual({ page: 1, pages: 2, prev: 1, next: 2 });
    expect(pageWindow(2, 26)).toEqual({ page: 2, pages: 2, prev: 1, next: 2 });
    expect(pageWindow(3, 100)).toEqual({ page: 3, pages: 4, prev: 2, next: 4 });
    expect(pageWindow(9, 30)).toEqual({ page: 9, pages: 2, prev: 2, next: 2 });
    expect(pageOffset(1)).toBe(0);
    expect(pageOffset(3)).toBe(50);
    expect(Number.isSafeInteger(pageOffset(Number.MAX_SAFE_INTEGER))).toBe(true);
  });

  it('writes one Link value with sorted, Go-escaped query parameters and page replaced', () => {
    const query = new URLSearchParams('search=go dev*~&page=5&b=2&a=1');
    expect(linkHeader('http://h:1/images', query, pageWindow(2, 60))).toBe(
      '<http://h:1/images?a=1&b=2&page=1&search=go+dev%2A~>; rel="prev", <http://h:1/images?a=1&b=2&page=3&search=go+dev%2A~>; rel="next"',
    );
    expect(linkHeader('http://h:1/images', new URLSearchParams(), pageWindow(1, 0))).toBe(
      '<http://h:1/images?page=1>; rel="prev", <http://h:1/images?page=0>; rel="next"',
    );
  });
});

describe('content negotiation and sniffing', () => {
  it('wants the bytes only when Accept names the QEMU disk or octet-stream type', () => {
    expect(wantsImageFile('application/x-qemu-disk')).toBe(true);
    expect(wantsImageFile('Application/X-QEMU-Disk; q=1')).toBe(true);
    expect(wantsImageFile('text/plain, application/octet-stream')).toBe(true);
    for (const accept of [undefined, '', '*/*', 'application/*', 'application/json', 'application/x-qemu-disk-extra']) {
      expect(wantsImageFile(accept), String(accept)).toBe(false);
    }
  });

  it('recognises bzip2 data by its BZh magic', () => {
    expect(isBzip2(Buffer.from('BZh91AY&SY'))).toBe(true);
    expect(isBzip2(Buffer.from('BZ'))).toBe(false);
    expect(isBzip2(Buffer.from('bzh9'))).toBe(false);
    expect(isBzip2(Buffer.from([0x51, 0x46, 0x49, 0xfb]))).toBe(false);
  });
});
