/**
 * Which hosts count as this computer or the reader's network: sync allows plain http only
 * there, and nothing read from the internet may lead there. Hosts go through `URL` first, as in
 * the product, so every spelling a page or feed could use is covered.
 */
import { describe, expect, it } from 'vitest';
import { isLocalNetworkHost } from '../../../lib/shared/local-network';

const local = (url: string) => isLocalNetworkHost(new URL(url).hostname);

describe('isLocalNetworkHost', () => {
  it.each([
    'http://localhost/',
    'http://localhost./',
    'http://app.localhost/',
    'http://127.0.0.1/',
    'http://127.1/',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://0.0.0.0/',
    'http://0/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/',
    'http://100.64.0.1/',
    'http://100.127.255.255/',
    'http://[::1]/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fd12:3456::1]/',
    'http://[::ffff:192.168.1.1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a00:1]/',
    'http://[::127.0.0.1]/',
    'http://router/',
    'http://nas:5984/',
    'http://printer.local/',
    'http://couch.internal/',
    'http://nas.home.arpa/',
    'http://box.lan./',
  ])('%s is local', (url) => {
    expect(local(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://example.com./',
    'http://8.8.8.8/',
    'http://172.15.0.1/',
    'http://172.32.0.1/',
    'http://100.63.255.255/',
    'http://100.128.0.1/',
    'http://192.169.1.1/',
    'http://[2001:4860:4860::8888]/',
    'http://[::ffff:8.8.8.8]/',
    'http://[64:ff9b::1]/',
    'http://local.example.com/',
    'http://localhost.example.com/',
  ])('%s is not local', (url) => {
    expect(local(url)).toBe(false);
  });
});
